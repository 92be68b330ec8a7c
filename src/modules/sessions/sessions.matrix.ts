/** Expected answers of every sessions route for each person (see test/support/matrix.ts). */
import { randomBytes } from "node:crypto";
import type { MatrixEntry, Role } from "../../../test/support/matrix.js";
import { everyone, secretariatOnly } from "../../../test/support/matrix.js";
import { etagOf } from "../../platform/etag.js";
import { buildSession } from "./sessions.builders.js";

const slug = () => `m-${randomBytes(4).toString("hex")}`;

/** A secretariat action through the API: 401 anonymous, 403 anyone else. */
/** A secretariat page: anonymous browsers are sent to sign in. */
const secretariatPage: Record<Role, number> = { ...everyone(403), anonymous: 303, secretariat: 200 };
/** A secretariat form post: done, then redirected (303). */
const secretariatForm: Record<Role, number> = { ...everyone(403), anonymous: 401, secretariat: 303 };

const sessionBody = () => ({
  slug: slug(),
  number: 7,
  name: { en: "Seventh session of the Conference of the Parties" },
  startsOn: "2014-10-06",
  endsOn: "2014-10-10",
  venue: { name: "Vienna International Centre", city: "Vienna", country: "AT" },
  timeZone: "Europe/Vienna",
  workingLanguages: ["en", "fr"],
});

const sessionForm = (s: string, version: number) => ({
  slug: s,
  number: "6",
  "name.en": "Sixth session",
  startsOn: "2012-10-15",
  endsOn: "2012-10-19",
  "venue.name": "Vienna International Centre",
  "venue.city": "Vienna",
  "venue.country": "AT",
  timeZone: "Europe/Vienna",
  workingLanguages: ["en", "fr"],
  status: "published",
  version: String(version),
});

/** One session with one item of each kind; the kind's valid create body, patch body and form. */
const kinds = {
  "agenda-items": {
    create: (_s: World) => ({ number: "9", title: { en: "Other matters" } }),
    patch: { title: { en: "Other business" } },
    form: { number: "9", "title.en": "Other matters" },
    item: (s: Awaited<ReturnType<typeof world>>) => s.agendaItems[0]!.id,
  },
  rooms: {
    create: (_s: World) => ({
      name: `Room ${randomBytes(2).toString("hex")}`,
      capacity: 40,
      equipment: ["projector"],
    }),
    patch: { capacity: 60 },
    form: { name: "Room M7", capacity: "40", equipment: "projector" },
    item: (s: Awaited<ReturnType<typeof world>>) => s.rooms[0]!.id,
  },
  "time-slots": {
    create: (_s: World) => ({ date: "2012-10-17", start: "08:00", end: "09:00" }),
    patch: { end: "14:30" },
    form: { date: "2012-10-18", start: "08:00", end: "09:00" },
    item: (s: Awaited<ReturnType<typeof world>>) => s.timeSlots[0]!.id,
  },
  deadlines: {
    create: (_s: World) => ({ label: { en: "Written statements due" }, dueAt: "2012-10-01T17:00" }),
    patch: { dueAt: "2012-10-02T17:00" },
    form: { "label.en": "Written statements due", dueAt: "2012-10-01T17:00" },
    item: (s: Awaited<ReturnType<typeof world>>) => s.deadlines[0]!.id,
  },
  "plenary-meetings": {
    create: (s: World) => ({
      date: "2012-10-17",
      start: "15:00",
      end: "18:00",
      agendaItemIds: [s.agendaItems[0]!.id],
    }),
    patch: { title: { en: "Closing meeting" } },
    item: (s: Awaited<ReturnType<typeof world>>) => s.plenaryMeetings[0]!.id,
  },
} as const;
type World = Awaited<ReturnType<typeof world>>;

type Setup = MatrixEntry["setup"];
const world = (t: Parameters<Setup>[0]) =>
  buildSession(t.db, {
    cache: t.services.cache,
    slug: slug(),
    agendaItems: [
      { number: "1", title: { en: "Opening of the session" } },
      { number: "2", title: { en: "Adoption of the agenda" } },
    ],
    rooms: [{ name: "Boardroom A", capacity: 30 }],
    timeSlots: [{ date: "2012-10-16", start: "13:15", end: "14:45" }],
    deadlines: [{ label: { en: "Pre-session documents" }, dueAt: "2012-09-15T12:00" }],
    // item 2 only: item 1 stays free to be deleted
    plenaryMeetings: [{ date: "2012-10-15", start: "10:00", end: "13:00", agendaItems: ["2"] }],
  });

const itemEntries = (Object.keys(kinds) as Array<keyof typeof kinds>).flatMap((kind): MatrixEntry[] => {
  const k = kinds[kind];
  return [
    {
      method: "GET",
      route: `/api/v1/sessions/:slug/${kind}`,
      setup: async (t) => ({ url: `/api/v1/sessions/${(await world(t)).slug}/${kind}` }),
      expect: everyone(200),
    },
    {
      method: "POST",
      route: `/api/v1/sessions/:slug/${kind}`,
      setup: async (t) => {
        const s = await world(t);
        return { url: `/api/v1/sessions/${s.slug}/${kind}`, body: k.create(s) };
      },
      expect: secretariatOnly(201),
    },
    {
      method: "PATCH",
      route: `/api/v1/sessions/:slug/${kind}/:id`,
      setup: async (t) => {
        const s = await world(t);
        return { url: `/api/v1/sessions/${s.slug}/${kind}/${k.item(s)}`, body: k.patch };
      },
      expect: secretariatOnly(200),
    },
    {
      method: "DELETE",
      route: `/api/v1/sessions/:slug/${kind}/:id`,
      setup: async (t) => {
        const s = await world(t);
        return { url: `/api/v1/sessions/${s.slug}/${kind}/${k.item(s)}` };
      },
      expect: secretariatOnly(204),
    },
  ];
});

export const sessionMatrix: MatrixEntry[] = [
  // ---- API
  {
    method: "GET",
    route: "/api/v1/sessions",
    setup: async (t) => {
      await world(t);
      return { url: "/api/v1/sessions" };
    },
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug",
    setup: async (t) => ({ url: `/api/v1/sessions/${(await world(t)).slug}` }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/api/v1/sessions",
    setup: async () => ({ url: "/api/v1/sessions", body: sessionBody() }),
    expect: secretariatOnly(201),
  },
  {
    method: "PATCH",
    route: "/api/v1/sessions/:slug",
    setup: async (t) => {
      const s = await world(t);
      return {
        url: `/api/v1/sessions/${s.slug}`,
        body: { delegateQuota: 4 },
        headers: { "if-match": etagOf("session", s.id, s.version) },
      };
    },
    expect: secretariatOnly(200),
  },
  ...itemEntries,

  // ---- pages
  {
    method: "GET",
    route: "/sessions",
    html: true,
    setup: async (t) => {
      await world(t);
      return { url: "/sessions" };
    },
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/sessions/new",
    html: true,
    setup: async () => ({ url: "/sessions/new" }),
    expect: secretariatPage,
  },
  {
    method: "POST",
    route: "/sessions/new",
    html: true,
    setup: async () => ({ url: "/sessions/new", body: sessionForm(slug(), 1) }),
    expect: secretariatForm,
  },
  {
    method: "GET",
    route: "/sessions/:slug",
    html: true,
    setup: async (t) => ({ url: `/sessions/${(await world(t)).slug}` }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/manage",
    html: true,
    setup: async (t) => ({ url: `/sessions/${(await world(t)).slug}/manage` }),
    expect: secretariatPage,
  },
  {
    method: "POST",
    route: "/sessions/:slug/manage",
    html: true,
    setup: async (t) => {
      const s = await world(t);
      return { url: `/sessions/${s.slug}/manage`, body: sessionForm(s.slug, s.version) };
    },
    expect: secretariatForm,
  },
  {
    method: "GET",
    route: "/sessions/:slug/manage/:kind/new",
    html: true,
    setup: async (t) => ({ url: `/sessions/${(await world(t)).slug}/manage/rooms/new` }),
    expect: secretariatPage,
  },
  {
    method: "POST",
    route: "/sessions/:slug/manage/:kind",
    html: true,
    setup: async (t) => ({ url: `/sessions/${(await world(t)).slug}/manage/rooms`, body: kinds.rooms.form }),
    expect: secretariatForm,
  },
  {
    method: "GET",
    route: "/sessions/:slug/manage/:kind/:id",
    html: true,
    setup: async (t) => {
      const s = await world(t);
      return { url: `/sessions/${s.slug}/manage/time-slots/${s.timeSlots[0]!.id}` };
    },
    expect: secretariatPage,
  },
  {
    method: "POST",
    route: "/sessions/:slug/manage/:kind/:id",
    html: true,
    setup: async (t) => {
      const s = await world(t);
      return {
        url: `/sessions/${s.slug}/manage/time-slots/${s.timeSlots[0]!.id}`,
        body: kinds["time-slots"].form,
      };
    },
    expect: secretariatForm,
  },
  {
    method: "POST",
    route: "/sessions/:slug/manage/:kind/:id/delete",
    html: true,
    setup: async (t) => {
      const s = await world(t);
      return { url: `/sessions/${s.slug}/manage/deadlines/${s.deadlines[0]!.id}/delete`, body: {} };
    },
    expect: secretariatForm,
  },
];
