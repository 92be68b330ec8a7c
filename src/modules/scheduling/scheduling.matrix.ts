/** Expected answers of every scheduling route for each person (see test/support/matrix.ts). */
import { createHash, randomUUID } from "node:crypto";
import type { TestContext } from "../../../test/support/harness.js";
import type { MatrixEntry, World } from "../../../test/support/matrix.js";
import { everyone, secretariatOnly, signedIn } from "../../../test/support/matrix.js";
import { buildScheduledSession } from "./scheduling.fixtures.js";
import { panellistLinkMatrix } from "./scheduling.panellist-links.matrix.js";

const exports: MatrixEntry[] = ["", "/api/v1"].flatMap((prefix) =>
  (["xml", "json"] as const).map(
    (format): MatrixEntry => ({
      method: "GET",
      route: `${prefix}/sessions/:slug/schedule.${format}`,
      setup: async (t, w) => {
        const { session } = await buildScheduledSession(t, { orgId: w.org.id });
        return { url: `${prefix}/sessions/${session.slug}/schedule.${format}` };
      },
      expect: everyone(200),
    }),
  ),
);

/** A scheduled session of the world's organisation, with the API base and the draft's ETag. */
async function scheduled(t: TestContext, w: World) {
  const built = await buildScheduledSession(t, { orgId: w.org.id });
  const slug = built.session.slug;
  return {
    ...built,
    slug,
    api: `/api/v1/sessions/${slug}/schedule`,
    page: `/sessions/${slug}/schedule`,
    ifMatch: { "if-match": `"schedule-draft-${slug}-v0"` },
    cell: { roomId: built.session.rooms[1]!.id, slotId: built.session.timeSlots[1]!.id },
  };
}

/** A stored proposal placing nothing (something to apply). */
async function proposal(t: TestContext, sessionId: string) {
  const row = await t.db
    .insertInto("schedule_proposals")
    .values({
      session_id: sessionId,
      source: "greedy",
      status: "Optimal",
      objective: 0,
      bound: 0,
      gap: 0,
      greedy_objective: 0,
      placements: JSON.stringify([]),
      unplaced: JSON.stringify([]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const draftEdits: MatrixEntry[] = [
  ["moves", (s: Awaited<ReturnType<typeof scheduled>>) => ({ eventId: s.first, ...s.cell })],
  ["unplace", (s: Awaited<ReturnType<typeof scheduled>>) => ({ eventId: s.first })],
  ["pins", (s: Awaited<ReturnType<typeof scheduled>>) => ({ eventId: s.first, pinned: true })],
].map(
  ([path, body]): MatrixEntry => ({
    method: "POST",
    route: `/api/v1/sessions/:slug/schedule/draft/${path}`,
    setup: async (t, w) => {
      const s = await scheduled(t, w);
      return {
        url: `${s.api}/draft/${path}`,
        body: (body as (x: typeof s) => unknown)(s),
        headers: s.ifMatch,
      };
    },
    expect: secretariatOnly(200),
  }),
);

const editorForms: MatrixEntry[] = (
  [
    ["move", (s) => ({ version: "0", eventId: s.first, ...s.cell })],
    ["pin", (s) => ({ version: "0", eventId: s.first, pinned: "true" })],
    ["unplace", (s) => ({ version: "0", eventId: s.first })],
    ["undo", () => ({ version: "0" })],
    ["publish", () => ({ version: "0" })],
  ] as Array<[string, (s: Awaited<ReturnType<typeof scheduled>>) => unknown]>
).map(
  ([path, body]): MatrixEntry => ({
    method: "POST",
    route: `/sessions/:slug/schedule/${path}`,
    html: true,
    setup: async (t, w) => {
      const s = await scheduled(t, w);
      return { url: `${s.page}/${path}`, body: body(s) };
    },
    expect: secretariatOnly(303),
  }),
);

const icsRoutes: MatrixEntry[] = [
  ["/sessions/:slug/programme.ics", (slug: string) => `/sessions/${slug}/programme.ics`],
  ["/api/v1/sessions/:slug/programme.ics", (slug: string) => `/api/v1/sessions/${slug}/programme.ics`],
].map(
  ([route, url]): MatrixEntry => ({
    method: "GET",
    route: route as string,
    setup: async (t, w) => ({ url: (url as (s: string) => string)((await scheduled(t, w)).slug) }),
    expect: everyone(200),
  }),
);

const editor: MatrixEntry[] = [
  ...draftEdits,
  ...editorForms,
  ...icsRoutes,
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/schedule/draft",
    setup: async (t, w) => ({ url: `${(await scheduled(t, w)).api}/draft` }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/schedule/draft/apply",
    setup: async (t, w) => {
      const s = await scheduled(t, w);
      return {
        url: `${s.api}/draft/apply`,
        body: { proposalId: await proposal(t, s.session.id) },
        headers: s.ifMatch,
      };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/schedule/draft/undo",
    setup: async (t, w) => {
      const s = await scheduled(t, w);
      await t.db
        .insertInto("schedule_drafts")
        .values({ session_id: s.session.id, entries: JSON.stringify({}), version: 1 })
        .execute();
      await t.db
        .insertInto("schedule_draft_changes")
        .values({ session_id: s.session.id, kind: "pin", changes: JSON.stringify([]) })
        .execute();
      return {
        url: `${s.api}/draft/undo`,
        body: {},
        headers: { "if-match": `"schedule-draft-${s.slug}-v1"` },
      };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/schedule/apply",
    html: true,
    setup: async (t, w) => {
      const s = await scheduled(t, w);
      return { url: `${s.page}/apply`, body: { version: "0", proposalId: await proposal(t, s.session.id) } };
    },
    expect: secretariatOnly(303),
  },
  {
    method: "POST",
    route: "/sessions/:slug/schedule/runs",
    html: true,
    setup: async (t, w) => ({ url: `${(await scheduled(t, w)).page}/runs`, body: {} }),
    expect: secretariatOnly(303),
  },
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/schedule/runs",
    setup: async (t, w) => ({ url: `${(await scheduled(t, w)).api}/runs`, body: { timeLimitSeconds: 1 } }),
    expect: secretariatOnly(202),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/schedule/runs/:id",
    setup: async (t, w) => {
      const s = await scheduled(t, w);
      const run = await t.db
        .insertInto("schedule_runs")
        .values({
          session_id: s.session.id,
          status: "done",
          time_limit_seconds: 1,
          progress: JSON.stringify({}),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { url: `${s.api}/runs/${run.id}` };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/schedule/releases",
    setup: async (t, w) => ({
      url: `${(await scheduled(t, w)).api}/releases`,
      body: {},
      headers: { "idempotency-key": randomUUID() },
    }),
    expect: secretariatOnly(201),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/schedule/releases",
    setup: async (t, w) => ({ url: `${(await scheduled(t, w)).api}/releases` }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/schedule/releases",
    html: true,
    setup: async (t, w) => ({ url: `${(await scheduled(t, w)).page}/releases` }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/programme/:id.ics",
    setup: async (t, w) => {
      const s = await scheduled(t, w);
      return { url: `/sessions/${s.slug}/programme/${s.first}.ics` };
    },
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/my-schedule",
    setup: async (t, w) => ({ url: `/api/v1/sessions/${(await scheduled(t, w)).slug}/my-schedule` }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/my-schedule",
    html: true,
    setup: async (t, w) => ({ url: `/sessions/${(await scheduled(t, w)).slug}/my-schedule` }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/my-schedule/feed",
    html: true,
    setup: async (t, w) => ({ url: `/sessions/${(await scheduled(t, w)).slug}/my-schedule/feed`, body: {} }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/my-schedule/feed/revoke",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scheduled(t, w)).slug}/my-schedule/feed/revoke`,
      body: {},
    }),
    expect: signedIn(303),
  },
  {
    method: "POST",
    route: "/api/v1/me/calendar-feed",
    setup: async () => ({ url: "/api/v1/me/calendar-feed", body: {} }),
    expect: signedIn(201),
  },
  {
    method: "DELETE",
    route: "/api/v1/me/calendar-feed",
    setup: async () => ({ url: "/api/v1/me/calendar-feed" }),
    expect: signedIn(204),
  },
  {
    method: "GET",
    route: "/calendar/:token.ics",
    setup: async (t, w) => {
      await scheduled(t, w);
      const token = randomUUID().replaceAll("-", "");
      await t.db
        .insertInto("calendar_feeds")
        .values({ user_id: w.focalPoint.id, token_hash: createHash("sha256").update(token).digest("hex") })
        .execute();
      return { url: `/calendar/${token}.ics` };
    },
    expect: everyone(200),
  },
];

export const schedulingMatrix: MatrixEntry[] = [
  ...exports,
  ...editor,
  ...panellistLinkMatrix,
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/schedule/optimise",
    setup: async (t, w) => {
      const { session } = await buildScheduledSession(t, { orgId: w.org.id });
      return { url: `/api/v1/sessions/${session.slug}/schedule/optimise`, body: { timeLimitSeconds: 5 } };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/schedule",
    html: true,
    setup: async (t, w) => {
      const { session } = await buildScheduledSession(t, { orgId: w.org.id });
      return { url: `/sessions/${session.slug}/schedule` };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/schedule/optimise",
    html: true,
    setup: async (t, w) => {
      const { session } = await buildScheduledSession(t, { orgId: w.org.id });
      return { url: `/sessions/${session.slug}/schedule/optimise` };
    },
    expect: secretariatOnly(303),
  },
];
