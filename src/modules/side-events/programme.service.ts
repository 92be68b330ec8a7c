/**
 * The public programme of a session: accepted side events with their organisers, panellists as
 * the public may see them (pseudonyms for protected ones), room and time once scheduled; filters
 * by day, theme, organiser and language; iCalendar (RFC 5545) of the programme and of each event.
 * Reads are cached under the module's tag, dropped by every mutation's transaction.
 */
import icalGenerator from "ical-generator";
import { AppError } from "../../platform/errors.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { getSessionDetail, localized, type SessionDetail } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import { instantToZoned } from "../sessions/sessions.time.js";
import * as q from "./side-events.queries.js";
import type { ProgrammeQuery } from "./side-events.schemas.js";
import { CACHE_TAG, type Panellist, panellistView, type SeCtx } from "./side-events.service.js";

export interface ProgrammeEvent {
  id: string;
  title: Localized;
  abstract: Localized;
  format: string;
  languages: string[];
  themes: string[];
  organisers: Array<{ slug: string | null; name: string }>;
  panellists: Panellist[];
  startsAt: Date | null;
  endsAt: Date | null;
  room: string | null;
}

async function loadProgramme(ctx: SeCtx, session: SessionDetail): Promise<ProgrammeEvent[]> {
  const rows = await ctx.db
    .selectFrom("side_event_proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .select([
      "p.id",
      "p.title",
      "p.abstract",
      "p.format",
      "p.languages",
      "p.themes",
      "p.time_slot_id",
      "p.room_id",
      "o.slug as lead_slug",
      "o.name as lead_name",
    ])
    .where("p.session_id", "=", session.id)
    .where("p.status", "=", "accepted")
    .execute();
  const ids = rows.map((r) => r.id);
  const [coorganisers, panellists] = await Promise.all([
    q.listCoorganisers(ctx.db, ids),
    q.listPanellists(ctx.db, ids),
  ]);
  const slots = new Map(session.timeSlots.map((s) => [s.id, s]));
  const rooms = new Map(session.rooms.map((r) => [r.id, r.name]));
  return rows
    .map((r) => {
      const slot = r.time_slot_id ? slots.get(r.time_slot_id) : undefined;
      return {
        id: r.id,
        title: r.title,
        abstract: r.abstract,
        format: r.format,
        languages: r.languages,
        themes: r.themes,
        organisers: [
          { slug: r.lead_slug, name: r.lead_name },
          ...coorganisers
            .filter((c) => c.proposal_id === r.id && c.status === "confirmed" && c.slug && c.name)
            .map((c) => ({ slug: c.slug, name: c.name ?? "" })),
        ],
        panellists: panellists.filter((p) => p.proposal_id === r.id).map((p) => panellistView(p, "public")),
        startsAt: slot?.startsAt ?? null,
        endsAt: slot?.endsAt ?? null,
        room: r.room_id ? (rooms.get(r.room_id) ?? null) : null,
      };
    })
    .sort(
      (a, b) =>
        (a.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER) -
          (b.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id),
    );
}

export async function listProgramme(ctx: SeCtx, sessionSlug: string, filter: ProgrammeQuery = {}) {
  const session = await getSessionDetail(ctx, sessionSlug);
  const key = `side-events:programme:${session.id}`;
  const all = ctx.cache
    ? await ctx.cache.wrap(key, [CACHE_TAG, "sessions"], () => loadProgramme(ctx, session))
    : await loadProgramme(ctx, session);
  const items = all.filter(
    (e) =>
      (!filter.day || (e.startsAt && instantToZoned(e.startsAt, session.timeZone).date === filter.day)) &&
      (!filter.theme || e.themes.includes(filter.theme)) &&
      (!filter.organiser || e.organisers.some((o) => o.slug === filter.organiser)) &&
      (!filter.language || e.languages.includes(filter.language)),
  );
  return { session, items, all };
}

export async function getProgrammeEvent(ctx: SeCtx, sessionSlug: string, id: string) {
  const { session, all } = await listProgramme(ctx, sessionSlug);
  const event = all.find((e) => e.id === id);
  if (!event) throw new AppError("NOT_FOUND");
  return { session, event };
}

/**
 * iCalendar of events (those with a time); the text in the asked language or the event's own.
 * Times are written in UTC: without a VTIMEZONE generator, a TZID would be wrong.
 */
export function programmeIcs(
  session: SessionDetail,
  events: ProgrammeEvent[],
  lang: Lang,
  baseUrl: string,
): string {
  const calendar = icalGenerator({
    name: localized(session.name, lang),
    prodId: { company: "Convene", product: "side-events", language: lang.toUpperCase() },
  });
  for (const e of events) {
    if (!e.startsAt || !e.endsAt) continue;
    const host = new URL(baseUrl).hostname;
    const speakers = e.panellists.map((p) =>
      p.protected || !p.name ? `${p.pseudonym ?? ""} (${p.role})`.trim() : `${p.name} (${p.role})`,
    );
    calendar.createEvent({
      id: `side-event-${e.id}@${host}`,
      start: e.startsAt,
      end: e.endsAt,
      summary: localized(e.title, lang),
      description: [
        localized(e.abstract, lang),
        `Organisers: ${e.organisers.map((o) => o.name).join(", ")}`,
        speakers.length ? `Panel: ${speakers.join("; ")}` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      location: [e.room, session.venue.name, session.venue.city].filter(Boolean).join(", "),
      url: `${baseUrl}/sessions/${session.slug}/programme/${e.id}`,
    });
  }
  return calendar.toString();
}
