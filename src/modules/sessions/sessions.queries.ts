/** SQL of the sessions module, through Kysely. Calendar dates are selected as text (YYYY-MM-DD). */
import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { Executor } from "../../platform/database.js";
import type {
  ConferenceSessionsTable,
  SessionAgendaItemsTable,
  SessionDeadlinesTable,
  SessionPlenaryMeetingsTable,
  SessionRoomsTable,
  SessionTimeSlotsTable,
} from "./sessions.tables.js";

export type SessionRow = Selectable<ConferenceSessionsTable>;
export type AgendaItemRow = Selectable<SessionAgendaItemsTable>;
export type RoomRow = Selectable<SessionRoomsTable>;
export type TimeSlotRow = Selectable<SessionTimeSlotsTable>;
export type DeadlineRow = Selectable<SessionDeadlinesTable>;
export type PlenaryMeetingRow = Selectable<SessionPlenaryMeetingsTable>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from URLs: anything that is not a uuid is simply not found. */
export const isUuid = (id: string) => UUID.test(id);

const sessionColumns = [
  "s.id",
  "s.slug",
  "s.number",
  "s.name",
  "s.body",
  sql<string>`s.starts_on::text`.as("starts_on"),
  sql<string>`s.ends_on::text`.as("ends_on"),
  "s.venue_name",
  "s.venue_city",
  "s.venue_country",
  "s.time_zone",
  "s.working_languages",
  "s.status",
  "s.observer_application_deadline",
  "s.side_event_proposal_deadline",
  "s.rule17_circulation_days",
  "s.objection_window_days",
  "s.delegate_quota",
  "s.retention_days",
  "s.created_by",
  "s.created_at",
  "s.updated_at",
  "s.version",
] as const;

export async function findSession(
  db: Executor,
  by: { slug: string } | { id: string },
  options: { lock?: boolean } = {},
): Promise<SessionRow | undefined> {
  if ("id" in by && !isUuid(by.id)) return undefined;
  let query = db.selectFrom("conference_sessions as s").select(sessionColumns);
  query = "id" in by ? query.where("s.id", "=", by.id) : query.where("s.slug", "=", by.slug);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Sessions still to come or running first (soonest first), then past ones (latest first). */
export async function listSessions(
  db: Executor,
  options: { includeDrafts: boolean; today: string; limit: number; offset: number },
): Promise<{ rows: SessionRow[]; total: number }> {
  let base = db.selectFrom("conference_sessions as s");
  if (!options.includeDrafts) base = base.where("s.status", "=", "published");
  const upcoming = sql`s.ends_on >= ${options.today}::date`;
  const [rows, count] = await Promise.all([
    base
      .select(sessionColumns)
      .orderBy(sql`case when ${upcoming} then 0 else 1 end`)
      .orderBy(sql`case when ${upcoming} then s.starts_on end`, "asc")
      .orderBy("s.starts_on", "desc")
      .orderBy("s.slug")
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    base.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function insertSession(
  db: Executor,
  values: Insertable<ConferenceSessionsTable>,
): Promise<string> {
  const row = await db
    .insertInto("conference_sessions")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSession(
  db: Executor,
  id: string,
  values: Updateable<ConferenceSessionsTable>,
  now: Date,
): Promise<void> {
  await db
    .updateTable("conference_sessions")
    .set({ ...values, updated_at: now, version: sql`version + 1` })
    .where("id", "=", id)
    .execute();
}

/**
 * After the session's time zone changes, every stored instant keeps its wall-clock reading:
 * a 13:15 slot in the old zone is a 13:15 slot in the new one.
 */
export async function moveWallClocks(
  db: Executor,
  sessionId: string,
  from: string,
  to: string,
): Promise<void> {
  const moved = (column: string) => sql<Date>`(${sql.ref(column)} at time zone ${from}) at time zone ${to}`;
  await db
    .updateTable("session_time_slots")
    .set({ starts_at: moved("starts_at"), ends_at: moved("ends_at") })
    .where("session_id", "=", sessionId)
    .execute();
  await db
    .updateTable("session_plenary_meetings")
    .set({ starts_at: moved("starts_at"), ends_at: moved("ends_at") })
    .where("session_id", "=", sessionId)
    .execute();
  await db
    .updateTable("session_deadlines")
    .set({ due_at: moved("due_at") })
    .where("session_id", "=", sessionId)
    .execute();
}

/** Slots (or plenary meetings) whose local day (in the session's zone) falls outside the session's dates. */
export async function countSlotsOutside(
  db: Executor,
  sessionId: string,
  timeZone: string,
  startsOn: string,
  endsOn: string,
  table: "session_time_slots" | "session_plenary_meetings" = "session_time_slots",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as("n"))
    .where("session_id", "=", sessionId)
    .where(
      sql<boolean>`((starts_at at time zone ${timeZone})::date < ${startsOn}::date or (ends_at at time zone ${timeZone}) > (${endsOn}::date + 1))`,
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- agenda items

export function listAgendaItems(db: Executor, sessionId: string): Promise<AgendaItemRow[]> {
  return db
    .selectFrom("session_agenda_items")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("position")
    .orderBy(sql`(substring(number from '^[0-9]+'))::int`)
    .orderBy("number")
    .execute();
}

export async function nextAgendaPosition(db: Executor, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom("session_agenda_items")
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as("n"))
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- rooms, slots, deadlines

export function listRooms(db: Executor, sessionId: string): Promise<RoomRow[]> {
  return db
    .selectFrom("session_rooms")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("name")
    .execute();
}

export function listTimeSlots(db: Executor, sessionId: string): Promise<TimeSlotRow[]> {
  return db
    .selectFrom("session_time_slots")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("starts_at")
    .execute();
}

/** Another slot of the session that overlaps [startsAt, endsAt). */
export function findOverlappingSlot(
  db: Executor,
  sessionId: string,
  startsAt: Date,
  endsAt: Date,
  exceptId?: string,
): Promise<TimeSlotRow | undefined> {
  let query = db
    .selectFrom("session_time_slots")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("starts_at", "<", endsAt)
    .where("ends_at", ">", startsAt);
  if (exceptId) query = query.where("id", "<>", exceptId);
  return query.limit(1).executeTakeFirst();
}

export function listDeadlines(db: Executor, sessionId: string): Promise<DeadlineRow[]> {
  return db
    .selectFrom("session_deadlines")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("due_at")
    .orderBy("id")
    .execute();
}

// ---- plenary meetings

export function listPlenaryMeetings(db: Executor, sessionId: string): Promise<PlenaryMeetingRow[]> {
  return db
    .selectFrom("session_plenary_meetings")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("starts_at")
    .execute();
}

/** The agenda item ids of each of the session's meetings (or of the meetings given), in order. */
export async function listPlenaryMeetingItems(
  db: Executor,
  sessionId: string,
  meetingIds?: string[],
): Promise<Map<string, string[]>> {
  let query = db
    .selectFrom("session_plenary_meeting_items")
    .select(["meeting_id", "agenda_item_id"])
    .where("session_id", "=", sessionId);
  if (meetingIds) {
    if (meetingIds.length === 0) return new Map();
    query = query.where("meeting_id", "in", meetingIds);
  }
  const rows = await query.orderBy("meeting_id").orderBy("position").execute();
  const items = new Map<string, string[]>();
  for (const row of rows)
    items.set(row.meeting_id, [...(items.get(row.meeting_id) ?? []), row.agenda_item_id]);
  return items;
}

/** Replaces the agenda items a meeting takes up (ids already checked to be the session's). */
export async function setPlenaryMeetingItems(
  db: Executor,
  sessionId: string,
  meetingId: string,
  agendaItemIds: string[],
): Promise<void> {
  await db.deleteFrom("session_plenary_meeting_items").where("meeting_id", "=", meetingId).execute();
  if (agendaItemIds.length === 0) return;
  await db
    .insertInto("session_plenary_meeting_items")
    .values(
      agendaItemIds.map((agendaItemId, position) => ({
        session_id: sessionId,
        meeting_id: meetingId,
        agenda_item_id: agendaItemId,
        position,
      })),
    )
    .execute();
}

/** Another plenary meeting of the session that overlaps [startsAt, endsAt). */
export function findOverlappingMeeting(
  db: Executor,
  sessionId: string,
  startsAt: Date,
  endsAt: Date,
  exceptId?: string,
): Promise<PlenaryMeetingRow | undefined> {
  let query = db
    .selectFrom("session_plenary_meetings")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("starts_at", "<", endsAt)
    .where("ends_at", ">", startsAt);
  if (exceptId) query = query.where("id", "<>", exceptId);
  return query.limit(1).executeTakeFirst();
}

// ---- writes of the five kinds of session items

type Tables = {
  session_agenda_items: SessionAgendaItemsTable;
  session_rooms: SessionRoomsTable;
  session_time_slots: SessionTimeSlotsTable;
  session_deadlines: SessionDeadlinesTable;
  session_plenary_meetings: SessionPlenaryMeetingsTable;
};
export type ItemTable = keyof Tables;

/** One item of the session, locked for the update or delete that follows. */
export async function findItem<T extends ItemTable>(
  db: Executor,
  table: T,
  sessionId: string,
  id: string,
): Promise<Selectable<Tables[T]> | undefined> {
  if (!isUuid(id)) return undefined;
  // Kysely cannot narrow a union of table names; the five tables share id and session_id.
  const row = await db
    .selectFrom(table as ItemTable)
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row as Selectable<Tables[T]> | undefined;
}

export async function insertItem<T extends ItemTable>(
  db: Executor,
  table: T,
  values: Insertable<Tables[T]>,
): Promise<Selectable<Tables[T]>> {
  const row = await db
    .insertInto(table as "session_rooms")
    .values(values as Insertable<SessionRoomsTable>)
    .returningAll()
    .executeTakeFirstOrThrow();
  return row as unknown as Selectable<Tables[T]>;
}

export async function updateItem<T extends ItemTable>(
  db: Executor,
  table: T,
  id: string,
  values: Updateable<Tables[T]>,
  now: Date,
): Promise<Selectable<Tables[T]>> {
  const row = await db
    .updateTable(table as "session_rooms")
    .set({ ...(values as Updateable<SessionRoomsTable>), updated_at: now })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return row as unknown as Selectable<Tables[T]>;
}

export async function deleteItem(db: Executor, table: ItemTable, id: string): Promise<void> {
  await db
    .deleteFrom(table as "session_rooms")
    .where("id", "=", id)
    .execute();
}
