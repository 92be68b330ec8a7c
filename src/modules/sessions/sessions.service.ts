/**
 * Conference sessions: the frame of every later module. The secretariat creates a session with
 * its agenda, rooms, side-event time slots, deadlines and plenary programme; everyone reads
 * published sessions.
 * Later modules read a session through getSessionBySlug and its rules through getSessionRules;
 * the scheduler reads what the plenary discusses during each side-event slot through
 * plenaryItemsBySlot(detail).
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { invalidate, PublicCache } from "../../platform/cache.js";
import { type Ctx, isSecretariat } from "../../platform/context.js";
import { type Executor, inTransaction, type Trx } from "../../platform/database.js";
import { AppError, type ErrorCode } from "../../platform/errors.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { type MessageKey, translate } from "../../platform/i18n/translate.js";
import { type PlenaryMeeting, toPlenaryMeeting } from "./sessions.plenary.js";
import * as q from "./sessions.queries.js";
import type { SessionCreate, SessionPatch } from "./sessions.schemas.js";
import type { EquipmentCode, Localized, SessionStatus } from "./sessions.tables.js";
import {
  addDays,
  instantToZoned,
  parseDateTimeInput,
  toDateTimeLocal,
  zonedToInstant,
} from "./sessions.time.js";

/** Services may be given the public cache; without one (scripts, jobs) reads go to the database. */
export type SessionCtx = Ctx & { cache?: PublicCache };

export const PAGE_SIZE = 20;
const CACHE_TAG = "sessions";
/** Used when a context carries no cache: the NOTIFY still reaches every process. */
const detachedCache = new PublicCache(1);

export interface Session {
  id: string;
  slug: string;
  number: number | null;
  name: Localized;
  body: Localized;
  /** first and last day, YYYY-MM-DD, in the session's time zone */
  startsOn: string;
  endsOn: string;
  venue: { name: string; city: string; country: string };
  timeZone: string;
  workingLanguages: Lang[];
  status: SessionStatus;
  observerApplicationDeadline: Date | null;
  sideEventProposalDeadline: Date | null;
  rule17CirculationDays: number;
  objectionWindowDays: number;
  delegateQuota: number;
  retentionDays: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AgendaItem {
  id: string;
  number: string;
  title: Localized;
  position: number;
}

export interface Room {
  id: string;
  name: string;
  capacity: number;
  equipment: EquipmentCode[];
}

export interface TimeSlot {
  id: string;
  /** local date and times in the session's time zone */
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Deadline {
  id: string;
  label: Localized;
  dueAt: Date;
}

export { type PlenaryMeeting, plenaryItemsBySlot } from "./sessions.plenary.js";

export interface SessionDetail extends Session {
  agendaItems: AgendaItem[];
  rooms: Room[];
  timeSlots: TimeSlot[];
  deadlines: Deadline[];
  /** the plenary programme, in time order */
  plenaryMeetings: PlenaryMeeting[];
}

/** The settings later modules apply (accreditation, side events, retention), with derived dates. */
export interface SessionRules {
  sessionId: string;
  slug: string;
  status: SessionStatus;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  /** midnight starting the first day, in the session's time zone */
  opensAt: Date;
  /** midnight ending the last day, in the session's time zone */
  closesAt: Date;
  observerApplicationDeadline: Date | null;
  sideEventProposalDeadline: Date | null;
  /** rule 17: the list of other NGOs is circulated at least this many days before opening */
  rule17CirculationDays: number;
  /** the last day (YYYY-MM-DD) on which the list may be circulated, and its start */
  rule17CirculationDueOn: string;
  rule17CirculationDueAt: Date;
  /** days States have to object once the list is circulated */
  objectionWindowDays: number;
  /** representatives per organisation */
  delegateQuota: number;
  /** days after closing that delegates' personal data is kept */
  retentionDays: number;
  personalDataPurgeAt: Date;
  /** the additional dated deadlines */
  deadlines: Deadline[];
}

// ---- shaping rows

function toSession(row: q.SessionRow): Session {
  return {
    id: row.id,
    slug: row.slug,
    number: row.number,
    name: row.name,
    body: row.body,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    venue: { name: row.venue_name, city: row.venue_city, country: row.venue_country },
    timeZone: row.time_zone,
    workingLanguages: row.working_languages as Lang[],
    status: row.status,
    observerApplicationDeadline: row.observer_application_deadline,
    sideEventProposalDeadline: row.side_event_proposal_deadline,
    rule17CirculationDays: row.rule17_circulation_days,
    objectionWindowDays: row.objection_window_days,
    delegateQuota: row.delegate_quota,
    retentionDays: row.retention_days,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const toAgendaItem = (row: q.AgendaItemRow): AgendaItem => ({
  id: row.id,
  number: row.number,
  title: row.title,
  position: row.position,
});

export const toRoom = (row: q.RoomRow): Room => ({
  id: row.id,
  name: row.name,
  capacity: row.capacity,
  equipment: row.equipment,
});

export function toTimeSlot(row: q.TimeSlotRow, timeZone: string): TimeSlot {
  const start = instantToZoned(row.starts_at, timeZone);
  const end = instantToZoned(row.ends_at, timeZone);
  return {
    id: row.id,
    date: start.date,
    start: start.time,
    end: end.time,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  };
}

export const toDeadline = (row: q.DeadlineRow): Deadline => ({
  id: row.id,
  label: row.label,
  dueAt: row.due_at,
});

/** The text in the wanted language, else in the first language it was given in. */
export function localized(text: Localized | undefined, lang: Lang): string {
  if (!text) return "";
  return text[lang] ?? Object.values(text).find((v) => typeof v === "string" && v.length > 0) ?? "";
}

/** The language a localized text is shown in, for the lang attribute of its element. */
export function localizedLang(text: Localized | undefined, lang: Lang): Lang {
  if (!text || text[lang]) return lang;
  return (Object.keys(text).find((k) => text[k as Lang]) as Lang | undefined) ?? lang;
}

// ---- errors

/** An error about one field (the pages show it beside the field; the API names it). */
export function fieldError(
  ctx: Pick<Ctx, "lang">,
  code: ErrorCode,
  field: string,
  detail?: string,
): AppError {
  return new AppError(code, detail, {
    field,
    fields: [{ path: `body.${field}`, message: translate(ctx.lang, `error.${code}` as MessageKey) }],
  });
}

/** Database constraints that express a rule, turned into the rule's error. */
function fromConstraint(ctx: Pick<Ctx, "lang">, error: unknown): unknown {
  const e = error as { code?: string; constraint?: string };
  if (e?.code === "23505" && e.constraint === "conference_sessions_slug_key")
    return fieldError(ctx, "SESSION_SLUG_TAKEN", "slug");
  if (e?.code === "23505" && e.constraint === "session_agenda_items_number_key")
    return fieldError(ctx, "AGENDA_ITEM_NUMBER_TAKEN", "number");
  if (e?.code === "23505" && e.constraint === "session_rooms_name_key")
    return fieldError(ctx, "ROOM_NAME_TAKEN", "name");
  if (e?.code === "23P01" && e.constraint === "session_time_slots_no_overlap")
    return fieldError(ctx, "TIME_SLOT_OVERLAPS", "start");
  if (e?.code === "23P01" && e.constraint === "session_plenary_meetings_no_overlap")
    return fieldError(ctx, "PLENARY_MEETING_OVERLAPS", "start");
  if (e?.code === "23503") return new AppError("SESSION_ITEM_IN_USE");
  return error;
}

/** A secretariat change: one transaction, audited by the caller, invalidating cached reads. */
export async function mutate<T>(ctx: SessionCtx, fn: (trx: Trx) => Promise<T>): Promise<T> {
  requireSecretariat(ctx);
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const result = await fn(trx);
      await invalidate(trx, ctx.cache ?? detachedCache, CACHE_TAG);
      return result;
    });
  } catch (error) {
    throw fromConstraint(ctx, error);
  }
}

// ---- reads

function visible(ctx: Pick<Ctx, "actor">, session: Session): boolean {
  return session.status === "published" || isSecretariat(ctx.actor);
}

async function cached<T>(ctx: SessionCtx, key: string, load: () => Promise<T>): Promise<T> {
  return ctx.cache ? ctx.cache.wrap(key, [CACHE_TAG], load) : load();
}

async function loadDetail(db: Executor, row: q.SessionRow): Promise<SessionDetail> {
  const [agenda, rooms, slots, deadlines, meetings, meetingItems] = await Promise.all([
    q.listAgendaItems(db, row.id),
    q.listRooms(db, row.id),
    q.listTimeSlots(db, row.id),
    q.listDeadlines(db, row.id),
    q.listPlenaryMeetings(db, row.id),
    q.listPlenaryMeetingItems(db, row.id),
  ]);
  return {
    ...toSession(row),
    agendaItems: agenda.map(toAgendaItem),
    rooms: rooms.map(toRoom),
    timeSlots: slots.map((s) => toTimeSlot(s, row.time_zone)),
    deadlines: deadlines.map(toDeadline),
    plenaryMeetings: meetings.map((m) => toPlenaryMeeting(m, meetingItems.get(m.id) ?? [], row.time_zone)),
  };
}

/** Published sessions (and drafts, for the secretariat): upcoming first, then past ones. */
export async function listSessions(ctx: SessionCtx, options: { page: number }) {
  const includeDrafts = isSecretariat(ctx.actor);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const key = `sessions:list:${includeDrafts ? "all" : "published"}:${today}:${options.page}`;
  const { rows, total } = await cached(ctx, key, () =>
    q.listSessions(ctx.db, {
      includeDrafts,
      today,
      limit: PAGE_SIZE,
      offset: (options.page - 1) * PAGE_SIZE,
    }),
  );
  return { items: rows.map(toSession), total, page: options.page, pageSize: PAGE_SIZE };
}

/** A session with its agenda, rooms, slots, deadlines and plenary programme; a draft is NOT_FOUND but for the secretariat. */
export async function getSessionDetail(ctx: SessionCtx, slug: string): Promise<SessionDetail> {
  const detail = await cached(ctx, `sessions:detail:${slug}`, async () => {
    const row = await q.findSession(ctx.db, { slug });
    return row ? loadDetail(ctx.db, row) : undefined;
  });
  if (!detail || !visible(ctx, detail)) throw new AppError("NOT_FOUND");
  return detail;
}

/** A session by its slug, as the person asking may see it (drafts: secretariat only, else NOT_FOUND). */
export async function getSessionBySlug(ctx: SessionCtx, slug: string): Promise<Session> {
  const {
    agendaItems: _agenda,
    rooms: _rooms,
    timeSlots: _slots,
    deadlines: _deadlines,
    plenaryMeetings: _meetings,
    ...session
  } = await getSessionDetail(ctx, slug);
  return session;
}

/**
 * The rules settings of a session, for services and jobs of later modules. It does not check
 * visibility (a job has no actor): routes resolve the session with getSessionBySlug first.
 */
export async function getSessionRules(ctx: SessionCtx, sessionId: string): Promise<SessionRules> {
  const rules = await cached(ctx, `sessions:rules:${sessionId}`, async () => {
    const row = await q.findSession(ctx.db, { id: sessionId });
    return row ? rulesOf(toSession(row), (await q.listDeadlines(ctx.db, row.id)).map(toDeadline)) : undefined;
  });
  if (!rules) throw new AppError("NOT_FOUND");
  return rules;
}

export function rulesOf(session: Session, deadlines: Deadline[]): SessionRules {
  const tz = session.timeZone;
  const closesAt = zonedToInstant(addDays(session.endsOn, 1), "00:00", tz);
  const dueOn = addDays(session.startsOn, -session.rule17CirculationDays);
  return {
    sessionId: session.id,
    slug: session.slug,
    status: session.status,
    timeZone: tz,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    opensAt: zonedToInstant(session.startsOn, "00:00", tz),
    closesAt,
    observerApplicationDeadline: session.observerApplicationDeadline,
    sideEventProposalDeadline: session.sideEventProposalDeadline,
    rule17CirculationDays: session.rule17CirculationDays,
    rule17CirculationDueOn: dueOn,
    rule17CirculationDueAt: zonedToInstant(dueOn, "00:00", tz),
    objectionWindowDays: session.objectionWindowDays,
    delegateQuota: session.delegateQuota,
    retentionDays: session.retentionDays,
    personalDataPurgeAt: zonedToInstant(addDays(session.endsOn, 1 + session.retentionDays), "00:00", tz),
    deadlines,
  };
}

// ---- sessions: create and edit

function checkDates(ctx: SessionCtx, startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw fieldError(ctx, "SESSION_DATES_INVALID", "endsOn");
}

const deadlineOf = (value: string | null | undefined, timeZone: string) =>
  value ? parseDateTimeInput(value, timeZone) : null;

export async function createSession(ctx: SessionCtx, input: SessionCreate): Promise<Session> {
  return mutate(ctx, async (trx) => {
    checkDates(ctx, input.startsOn, input.endsOn);
    const id = await q.insertSession(trx, {
      slug: input.slug,
      number: input.number ?? null,
      name: JSON.stringify(input.name),
      body: JSON.stringify(input.body ?? {}),
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      venue_name: input.venue.name,
      venue_city: input.venue.city,
      venue_country: input.venue.country,
      time_zone: input.timeZone,
      working_languages: input.workingLanguages,
      status: input.status ?? "draft",
      observer_application_deadline: deadlineOf(input.observerApplicationDeadline, input.timeZone),
      side_event_proposal_deadline: deadlineOf(input.sideEventProposalDeadline, input.timeZone),
      rule17_circulation_days: input.rule17CirculationDays,
      objection_window_days: input.objectionWindowDays,
      delegate_quota: input.delegateQuota,
      retention_days: input.retentionDays,
      created_by: ctx.actor?.id ?? null,
    });
    const session = toSession((await q.findSession(trx, { id }))!);
    await audit(trx, ctx, { action: "session.created", objectType: "session", objectId: id, after: session });
    return session;
  });
}

/**
 * Edits a session. `expectedVersion` gets the session id and returns the version the client
 * edited (from If-Match or the form); a stale one is PRECONDITION_FAILED and changes nothing.
 */
export async function updateSession(
  ctx: SessionCtx,
  slug: string,
  expectedVersion: (sessionId: string) => number,
  patch: SessionPatch,
): Promise<Session> {
  return mutate(ctx, async (trx) => {
    const row = await q.findSession(trx, { slug }, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (expectedVersion(row.id) !== row.version) throw new AppError("PRECONDITION_FAILED");
    const before = toSession(row);
    const startsOn = patch.startsOn ?? before.startsOn;
    const endsOn = patch.endsOn ?? before.endsOn;
    const timeZone = patch.timeZone ?? before.timeZone;
    checkDates(ctx, startsOn, endsOn);

    // A new time zone keeps every wall-clock reading (deadline 23:59 stays 23:59).
    const keepWallClock = (instant: Date | null) =>
      instant && timeZone !== before.timeZone
        ? parseDateTimeInput(toDateTimeLocal(instant, before.timeZone), timeZone)
        : instant;
    if (timeZone !== before.timeZone) await q.moveWallClocks(trx, row.id, before.timeZone, timeZone);

    await q.updateSession(
      trx,
      row.id,
      {
        slug: patch.slug,
        number: patch.number,
        name: patch.name && JSON.stringify(patch.name),
        body: patch.body && JSON.stringify(patch.body),
        starts_on: patch.startsOn,
        ends_on: patch.endsOn,
        venue_name: patch.venue?.name,
        venue_city: patch.venue?.city,
        venue_country: patch.venue?.country,
        time_zone: patch.timeZone,
        working_languages: patch.workingLanguages,
        status: patch.status,
        observer_application_deadline:
          patch.observerApplicationDeadline !== undefined
            ? deadlineOf(patch.observerApplicationDeadline, timeZone)
            : keepWallClock(before.observerApplicationDeadline),
        side_event_proposal_deadline:
          patch.sideEventProposalDeadline !== undefined
            ? deadlineOf(patch.sideEventProposalDeadline, timeZone)
            : keepWallClock(before.sideEventProposalDeadline),
        rule17_circulation_days: patch.rule17CirculationDays,
        objection_window_days: patch.objectionWindowDays,
        delegate_quota: patch.delegateQuota,
        retention_days: patch.retentionDays,
      },
      ctx.clock.now(),
    );
    if ((await q.countSlotsOutside(trx, row.id, timeZone, startsOn, endsOn)) > 0) {
      throw fieldError(ctx, "TIME_SLOT_OUTSIDE_SESSION", patch.startsOn ? "startsOn" : "endsOn");
    }
    if (
      (await q.countSlotsOutside(trx, row.id, timeZone, startsOn, endsOn, "session_plenary_meetings")) > 0
    ) {
      throw fieldError(ctx, "PLENARY_MEETING_OUTSIDE_SESSION", patch.startsOn ? "startsOn" : "endsOn");
    }
    const after = toSession((await q.findSession(trx, { id: row.id }))!);
    await audit(trx, ctx, {
      action: "session.updated",
      objectType: "session",
      objectId: row.id,
      before,
      after,
    });
    return after;
  });
}
