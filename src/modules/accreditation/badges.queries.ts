/** SQL of badges and check-in (accreditation module). */
import { type Db, type Executor, runPrepared } from "../../platform/database.js";
import { groupCalls } from "../../platform/grouped-calls.js";

/** A named secret, created once per database (every process reads the same one). */
export async function ensureKey(db: Executor, name: string, candidate: Buffer): Promise<Buffer> {
  await db
    .insertInto("accreditation_keys")
    .values({ name, secret: candidate })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("accreditation_keys")
    .select("secret")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.secret;
}

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

export async function findValidBadgeOf(db: Executor, delegateId: string) {
  return db
    .selectFrom("badges")
    .select(["id", "code", "issued_at"])
    .where("delegate_id", "=", delegateId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

/** Every badge a delegate had, the newest first. */
export async function badgesOfDelegate(db: Executor, delegateId: string) {
  return db
    .selectFrom("badges")
    .select(["id", "code", "issued_at", "revoked_at", "revoked_reason"])
    .where("delegate_id", "=", delegateId)
    .orderBy("issued_at", "desc")
    .orderBy("id")
    .execute();
}

export async function insertBadge(
  db: Executor,
  values: { delegateId: string; sessionId: string; code: string; issuedAt: Date },
) {
  const row = await db
    .insertInto("badges")
    .values({
      delegate_id: values.delegateId,
      session_id: values.sessionId,
      code: values.code,
      issued_at: values.issuedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes the delegate's valid badge, if any; returns its id. */
export async function revokeBadgeOfDelegate(db: Executor, delegateId: string, at: Date, reason: string) {
  const rows = await db
    .updateTable("badges")
    .set({ revoked_at: at, revoked_reason: reason })
    .where("delegate_id", "=", delegateId)
    .where("revoked_at", "is", null)
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Revokes one valid badge; undefined when there is none by that id (or it was revoked already). */
export async function revokeBadgeById(db: Executor, badgeId: string, at: Date, reason: string) {
  return db
    .updateTable("badges as b")
    .from("delegates as d")
    .set({ revoked_at: at, revoked_reason: reason })
    .whereRef("d.id", "=", "b.delegate_id")
    .where("b.id", "=", badgeId)
    .where("b.revoked_at", "is", null)
    .returning(["b.id", "b.delegate_id", "b.session_id", "d.organisation_id"])
    .executeTakeFirst();
}

export async function lockDelegateForBadge(db: Executor, delegateId: string) {
  return db
    .selectFrom("delegates")
    .select(["id", "status", "session_id", "organisation_id", "email", "full_name"])
    .where("id", "=", delegateId)
    .forUpdate()
    .executeTakeFirst();
}

export interface CheckinRow {
  /** Whether the desk's session may check in (always "ok" when an actor was given). */
  auth: "ok" | "unauthenticated" | "csrf" | "forbidden";
  actor_id: string | null;
  /** Null (with every field below) when no badge has that id or code. */
  badge_id: string | null;
  badge_session_id: string;
  revoked_at: Date | null;
  revoked_reason: string | null;
  delegate_id: string;
  full_name: string;
  organisation_id: string;
  photo_file_id: string | null;
  organisation: string;
  inserted_at: Date | null;
  first_at: Date | null;
  today: number;
}

/** Who scans: a signed-in actor (the hooks checked the session), or the session cookie's hash and
 * the CSRF header of a request whose session the statement itself checks (config.deferSession). */
export type CheckinDesk = { actorId: string } | { sessionHash: string; csrf: string | null };

export interface Scan {
  by: { id: string } | { code: string };
  sessionId: string;
  day: string;
  at: Date;
  desk: CheckinDesk;
  requestId: string | null;
  ip: string | null;
}

/**
 * The check-in desk's one round trip: accreditation_check_in_batch() (migrations/0405) checks the
 * desk's session when the hooks did not (sign-in, CSRF token, secretariat role: nothing is written
 * unless they hold), finds the badge by id or printed code with its person, records the day's
 * check-in with its audit row and the day's count if the badge is valid for the session and the
 * person has none that day, and answers when they first checked in that day and how many did.
 * Scans that arrive while the database is busy with others go together in one call
 * (platform/grouped-calls.ts), a statement prepared once per connection (runPrepared).
 */
const CHECK_IN = {
  name: "accreditation_check_in_batch",
  text: `select * from accreditation_check_in_batch($1::uuid[], $2::text[], $3::uuid[], $4::date[],
    $5::timestamptz[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[])`,
};

/**
 * Groups of scans running at once, and the most scans in one: measured with `npm run bench`
 * (docs/performance.md). Two groups that record the same two people in opposite orders at the same
 * moment may deadlock: PostgreSQL then fails one of them after a second, and its scans run again
 * one by one (groupCalls), so none is lost.
 */
const SCAN_GROUPS = { concurrency: 2, maxGroup: 32 };

function recordScans(db: Db, scans: Scan[]): Promise<CheckinRow[]> {
  const column = <T>(of: (scan: Scan) => T) => scans.map(of);
  return runPrepared<CheckinRow>(db, CHECK_IN, [
    column((s) => ("id" in s.by ? s.by.id : null)),
    column((s) => ("code" in s.by ? s.by.code : null)),
    column((s) => s.sessionId),
    column((s) => s.day),
    column((s) => s.at),
    column((s) => ("actorId" in s.desk ? s.desk.actorId : null)),
    column((s) => ("sessionHash" in s.desk ? s.desk.sessionHash : null)),
    column((s) => ("sessionHash" in s.desk ? s.desk.csrf : null)),
    column((s) => s.requestId),
    column((s) => s.ip),
  ]);
}

const scanners = new WeakMap<Db, (scan: Scan) => Promise<CheckinRow>>();

export function checkInBadge(db: Db, scan: Scan): Promise<CheckinRow> {
  let scanner = scanners.get(db);
  if (!scanner) {
    scanner = groupCalls({ ...SCAN_GROUPS, run: (scans: Scan[]) => recordScans(db, scans) });
    scanners.set(db, scanner);
  }
  return scanner(scan);
}

export async function setDelegateLink(db: Executor, delegateId: string, hash: string) {
  await db.updateTable("delegates").set({ link_token_hash: hash }).where("id", "=", delegateId).execute();
}

export async function sessionName(db: Executor, sessionId: string) {
  const row = await db
    .selectFrom("conference_sessions")
    .select("name")
    .where("id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return row.name;
}

export async function checkinCountsByDay(db: Executor, sessionId: string) {
  const rows = await db
    .selectFrom("checkin_day_counts")
    .select((eb) => [
      eb.cast<string>("day", "text").as("day"),
      eb.fn.sum<string>("checked_in").as("checked_in"),
    ])
    .where("session_id", "=", sessionId)
    .groupBy("day")
    .orderBy("day")
    .execute();
  return rows.map((r) => ({ day: r.day, count: Number(r.checked_in) }));
}
