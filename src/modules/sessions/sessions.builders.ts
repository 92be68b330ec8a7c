/**
 * buildSession: a conference session with unique slug, for tests and the demo. Defaults model the
 * 6th session of the CTOC/COP (Vienna, 15–19 October 2012), published. Writes rows directly, then
 * invalidates cached session reads: pass the app's cache (t.services.cache) to drop them at once;
 * other processes drop theirs on the NOTIFY.
 */
import { randomBytes } from "node:crypto";
import { invalidate, PublicCache } from "../../platform/cache.js";
import type { Executor } from "../../platform/database.js";
import type { Lang } from "../../platform/i18n/languages.js";
import type { EquipmentCode, Localized, SessionStatus } from "./sessions.tables.js";
import { parseDateTimeInput, zonedToInstant } from "./sessions.time.js";

export interface BuildSessionOptions {
  slug?: string;
  number?: number | null;
  name?: Localized;
  body?: Localized;
  startsOn?: string;
  endsOn?: string;
  venue?: { name: string; city: string; country: string };
  timeZone?: string;
  workingLanguages?: Lang[];
  status?: SessionStatus;
  /** local date-time in the session's zone ("2012-09-14T23:59") or an instant with offset */
  observerApplicationDeadline?: string | null;
  sideEventProposalDeadline?: string | null;
  rule17CirculationDays?: number;
  objectionWindowDays?: number;
  delegateQuota?: number;
  retentionDays?: number;
  createdBy?: string | null;
  agendaItems?: Array<{ number: string; title: Localized }>;
  rooms?: Array<{ name: string; capacity: number; equipment?: EquipmentCode[] }>;
  /** local day and times in the session's zone */
  timeSlots?: Array<{ date: string; start: string; end: string }>;
  deadlines?: Array<{ label: Localized; dueAt: string }>;
  /** local day and times in the session's zone; agenda items by their numbers */
  plenaryMeetings?: Array<{
    date: string;
    start: string;
    end: string;
    title?: Localized;
    agendaItems: string[];
  }>;
  /** the cache of the app that will read the session (e.g. t.services.cache) */
  cache?: PublicCache;
}

export async function buildSession(db: Executor, options: BuildSessionOptions = {}) {
  const timeZone = options.timeZone ?? "Europe/Vienna";
  const number = options.number === undefined ? 6 : options.number;
  const slug = options.slug ?? `cop${number ?? ""}-${randomBytes(3).toString("hex")}`;
  const at = (value: string | null | undefined) => (value ? parseDateTimeInput(value, timeZone) : null);
  const session = await db
    .insertInto("conference_sessions")
    .values({
      slug,
      number,
      name: JSON.stringify(
        options.name ?? {
          en: "Sixth session of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
          fr: "Sixième session de la Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée",
        },
      ),
      body: JSON.stringify(
        options.body ?? {
          en: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
        },
      ),
      starts_on: options.startsOn ?? "2012-10-15",
      ends_on: options.endsOn ?? "2012-10-19",
      venue_name: options.venue?.name ?? "Vienna International Centre",
      venue_city: options.venue?.city ?? "Vienna",
      venue_country: options.venue?.country ?? "AT",
      time_zone: timeZone,
      working_languages: options.workingLanguages ?? ["en", "fr", "es", "ar", "ru", "zh"],
      status: options.status ?? "published",
      observer_application_deadline: at(options.observerApplicationDeadline),
      side_event_proposal_deadline: at(options.sideEventProposalDeadline),
      rule17_circulation_days: options.rule17CirculationDays,
      objection_window_days: options.objectionWindowDays,
      delegate_quota: options.delegateQuota,
      retention_days: options.retentionDays,
      created_by: options.createdBy ?? null,
    })
    .returning(["id", "slug", "version", "time_zone", "status"])
    .executeTakeFirstOrThrow();

  const agendaItems = options.agendaItems?.length
    ? await db
        .insertInto("session_agenda_items")
        .values(
          options.agendaItems.map((item, position) => ({
            session_id: session.id,
            number: item.number,
            title: JSON.stringify(item.title),
            position,
          })),
        )
        .returning(["id", "number"])
        .execute()
    : [];
  const rooms = options.rooms?.length
    ? await db
        .insertInto("session_rooms")
        .values(
          options.rooms.map((room) => ({
            session_id: session.id,
            name: room.name,
            capacity: room.capacity,
            equipment: room.equipment ?? [],
          })),
        )
        .returning(["id", "name"])
        .execute()
    : [];
  const timeSlots = options.timeSlots?.length
    ? await db
        .insertInto("session_time_slots")
        .values(
          options.timeSlots.map((slot) => ({
            session_id: session.id,
            starts_at: zonedToInstant(slot.date, slot.start, timeZone),
            ends_at: zonedToInstant(slot.date, slot.end, timeZone),
          })),
        )
        .returning(["id", "starts_at", "ends_at"])
        .execute()
    : [];
  const deadlines = options.deadlines?.length
    ? await db
        .insertInto("session_deadlines")
        .values(
          options.deadlines.map((d) => ({
            session_id: session.id,
            label: JSON.stringify(d.label),
            due_at: parseDateTimeInput(d.dueAt, timeZone),
          })),
        )
        .returning(["id", "due_at"])
        .execute()
    : [];
  const plenaryMeetings = [];
  for (const meeting of options.plenaryMeetings ?? []) {
    const row = await db
      .insertInto("session_plenary_meetings")
      .values({
        session_id: session.id,
        starts_at: zonedToInstant(meeting.date, meeting.start, timeZone),
        ends_at: zonedToInstant(meeting.date, meeting.end, timeZone),
        title: JSON.stringify(meeting.title ?? {}),
      })
      .returning(["id", "starts_at", "ends_at"])
      .executeTakeFirstOrThrow();
    const agendaItemIds = meeting.agendaItems.map((number) => {
      const item = agendaItems.find((a) => a.number === number);
      if (!item) throw new Error(`buildSession: no agenda item ${number} for a plenary meeting`);
      return item.id;
    });
    await db
      .insertInto("session_plenary_meeting_items")
      .values(
        agendaItemIds.map((agendaItemId, position) => ({
          session_id: session.id,
          meeting_id: row.id,
          agenda_item_id: agendaItemId,
          position,
        })),
      )
      .execute();
    plenaryMeetings.push({ ...row, agendaItemIds });
  }
  await invalidate(db, options.cache ?? new PublicCache(1), "sessions");
  return { ...session, agendaItems, rooms, timeSlots, deadlines, plenaryMeetings };
}
