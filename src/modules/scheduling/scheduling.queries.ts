/** SQL of the scheduling editor, releases and feeds (Kysely). Every query names its session. */
import type { Executor } from "../../platform/database.js";
import type { Localized } from "../sessions/sessions.tables.js";
import type { DraftEntry } from "./scheduling.tables.js";

/** A session's accepted side events with the room and slot their proposal holds (the release). */
export function listAcceptedEvents(db: Executor, sessionId: string) {
  return db
    .selectFrom("side_event_proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .select([
      "p.id",
      "p.title",
      "p.room_id",
      "p.time_slot_id",
      "p.lead_organisation_id",
      "o.name as lead_name",
    ])
    .where("p.session_id", "=", sessionId)
    .where("p.status", "=", "accepted")
    .orderBy("p.id")
    .execute();
}
export type AcceptedEvent = Awaited<ReturnType<typeof listAcceptedEvents>>[number];

export function findDraft(db: Executor, sessionId: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom("schedule_drafts").selectAll().where("session_id", "=", sessionId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The draft row, created empty when the session has none yet (then locked). */
export async function lockDraft(trx: Executor, sessionId: string) {
  await trx
    .insertInto("schedule_drafts")
    .values({ session_id: sessionId, entries: JSON.stringify({}) })
    .onConflict((oc) => oc.column("session_id").doNothing())
    .execute();
  const row = await findDraft(trx, sessionId, { lock: true });
  if (!row) throw new Error("draft row vanished");
  return row;
}

export function saveDraft(
  trx: Executor,
  sessionId: string,
  entries: Record<string, DraftEntry>,
  userId: string | null,
  now: Date,
) {
  return trx
    .updateTable("schedule_drafts")
    .set((eb) => ({
      entries: JSON.stringify(entries),
      version: eb("version", "+", 1),
      updated_by: userId,
      updated_at: now,
    }))
    .where("session_id", "=", sessionId)
    .returning("version")
    .executeTakeFirstOrThrow();
}

/** The latest change not undone. */
export function lastLiveChange(db: Executor, sessionId: string) {
  return db
    .selectFrom("schedule_draft_changes")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("undone_at", "is", null)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function countLiveChanges(db: Executor, sessionId: string) {
  return db
    .selectFrom("schedule_draft_changes")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("session_id", "=", sessionId)
    .where("undone_at", "is", null)
    .executeTakeFirstOrThrow();
}

export function findProposalRow(db: Executor, sessionId: string, id: string) {
  return db
    .selectFrom("schedule_proposals")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export function latestRelease(db: Executor, sessionId: string) {
  return db
    .selectFrom("schedule_releases")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function listReleases(db: Executor, sessionId: string) {
  return db
    .selectFrom("schedule_releases")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("number", "desc")
    .execute();
}

export function latestRun(db: Executor, sessionId: string) {
  return db
    .selectFrom("schedule_runs")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("started_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function findRun(db: Executor, sessionId: string, id: string) {
  return db
    .selectFrom("schedule_runs")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Users to tell about an organisation's events: its focal points, with their language. */
export function focalPointsOf(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("organisation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.organisation_id", "u.id", "u.email", "u.preferred_language"])
    .where("m.organisation_id", "in", organisationIds)
    .where("m.role", "=", "focal_point")
    .where("u.disabled_at", "is", null)
    .execute();
}

/** Confirmed co-organising organisations of the given proposals. */
export function coorganisersOf(db: Executor, proposalIds: string[]) {
  if (proposalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("side_event_coorganisers")
    .select(["proposal_id", "organisation_id"])
    .where("proposal_id", "in", proposalIds)
    .where("status", "=", "confirmed")
    .where("organisation_id", "is not", null)
    .execute();
}

/** Titles of some proposals of the session (the wait-listed ones a proposal places). */
export async function titlesOf(db: Executor, sessionId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, Localized>();
  const rows = await db
    .selectFrom("side_event_proposals")
    .select(["id", "title"])
    .where("session_id", "=", sessionId)
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The organisations a user belongs to (focal point or member). */
export async function organisationsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("organisation_members")
    .select("organisation_id")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.organisation_id);
}
