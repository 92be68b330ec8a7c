/**
 * Badges and check-in. A badge's QR code carries `badgeId.sessionId.signature`, the signature an
 * HMAC-SHA256 under a server secret kept in the database (accreditation_keys); a badge is revoked
 * by setting revoked_at. A short code printed under the QR code can be typed instead.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import type { Db, Executor } from "../../platform/database.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { getSessionBySlug } from "../sessions/sessions.service.js";
import { instantToZoned } from "../sessions/sessions.time.js";
import type { AccCtx } from "./accreditation.service.js";

const keys = new WeakMap<object, Buffer>();

/** The signing secret, created once per database (all processes share it). */
export async function badgeKey(db: Db | Executor): Promise<Buffer> {
  const known = keys.get(db);
  if (known) return known;
  await db
    .insertInto("accreditation_keys")
    .values({ name: "badge", secret: randomBytes(32) })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("accreditation_keys")
    .select("secret")
    .where("name", "=", "badge")
    .executeTakeFirstOrThrow();
  keys.set(db, row.secret);
  return row.secret;
}

const sign = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

export function badgeToken(key: Buffer, badgeId: string, sessionId: string): string {
  const payload = `${badgeId}.${sessionId}`;
  return `${payload}.${sign(key, payload)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The badge and session of a token whose signature holds; BADGE_INVALID otherwise. */
export function verifyBadgeToken(key: Buffer, token: string): { badgeId: string; sessionId: string } {
  const [badgeId = "", sessionId = "", signature = "", ...rest] = token.trim().split(".");
  if (rest.length || !UUID.test(badgeId) || !UUID.test(sessionId)) throw new AppError("BADGE_INVALID");
  const expected = Buffer.from(sign(key, `${badgeId}.${sessionId}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new AppError("BADGE_INVALID");
  return { badgeId, sessionId };
}

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const newCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export async function issueBadge(trx: Executor, ctx: AccCtx, delegateId: string, sessionId: string) {
  const existing = await trx
    .selectFrom("badges")
    .select("id")
    .where("delegate_id", "=", delegateId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx
    .insertInto("badges")
    .values({ delegate_id: delegateId, session_id: sessionId, code: newCode(), issued_at: ctx.clock.now() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeValidBadge(trx: Executor, delegateId: string, at: Date, reason: string) {
  await trx
    .updateTable("badges")
    .set({ revoked_at: at, revoked_reason: reason })
    .where("delegate_id", "=", delegateId)
    .where("revoked_at", "is", null)
    .execute();
}

/** The secretariat revokes a badge (lost, stolen); the delegate stays approved, a new badge can follow. */
export async function revokeBadge(ctx: AccCtx, badgeId: string, reason: string) {
  requireSecretariat(ctx);
  if (!UUID.test(badgeId)) throw new AppError("NOT_FOUND");
  await inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .updateTable("badges")
      .set({ revoked_at: ctx.clock.now(), revoked_reason: reason })
      .where("id", "=", badgeId)
      .where("revoked_at", "is", null)
      .returning(["id", "delegate_id"])
      .executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND");
    await audit(trx, ctx, {
      action: "badge.revoked",
      objectType: "badge",
      objectId: badgeId,
      after: { reason },
    });
  });
}

/** A new badge for an approved delegate whose badge was revoked. */
export async function reissueBadge(ctx: AccCtx, delegateId: string) {
  requireSecretariat(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const d = await trx
      .selectFrom("delegates")
      .select(["id", "status", "session_id", "organisation_id"])
      .where("id", "=", UUID.test(delegateId) ? delegateId : "00000000-0000-0000-0000-000000000000")
      .forUpdate()
      .executeTakeFirst();
    if (!d) throw new AppError("NOT_FOUND");
    if (d.status !== "approved") throw new AppError("DELEGATE_NOT_APPROVED");
    const id = await issueBadge(trx, ctx, d.id, d.session_id);
    await audit(trx, ctx, {
      action: "badge.issued",
      objectType: "badge",
      objectId: id,
      organisationId: d.organisation_id,
    });
    return id;
  });
}

export interface CheckinResult {
  result: "checked_in" | "already_checked_in";
  firstCheckedInAt: Date;
  day: string;
  delegate: { id: string; fullName: string; organisation: string; hasPhoto: boolean };
  checkedInToday: number;
}

/** Staff type or scan a badge at the venue: the person is shown and the check-in recorded. */
export async function checkIn(ctx: AccCtx, sessionSlug: string, code: string): Promise<CheckinResult> {
  const actor = requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const text = code.trim();
  let badge: { id: string; session_id: string; revoked_at: Date | null; delegate_id: string } | undefined;
  if (text.includes(".")) {
    const { badgeId, sessionId } = verifyBadgeToken(await badgeKey(ctx.db), text);
    if (sessionId !== session.id) throw new AppError("BADGE_OTHER_SESSION");
    badge = await ctx.db
      .selectFrom("badges")
      .select(["id", "session_id", "revoked_at", "delegate_id"])
      .where("id", "=", badgeId)
      .executeTakeFirst();
  } else {
    const normal = text.toUpperCase().replace(/[\s-]/g, "");
    if (!/^[A-Z0-9]{8}$/.test(normal)) throw new AppError("BADGE_INVALID");
    badge = await ctx.db
      .selectFrom("badges")
      .select(["id", "session_id", "revoked_at", "delegate_id"])
      .where("code", "=", normal)
      .executeTakeFirst();
  }
  if (!badge) throw new AppError("BADGE_INVALID");
  if (badge.session_id !== session.id) throw new AppError("BADGE_OTHER_SESSION");
  if (badge.revoked_at) throw new AppError("BADGE_REVOKED");
  const now = ctx.clock.now();
  const day = instantToZoned(now, session.timeZone).date;
  const badgeId = badge.id;
  const delegateId = badge.delegate_id;
  return inTransaction(ctx.db, async (trx) => {
    const inserted = await trx
      .insertInto("checkins")
      .values({
        badge_id: badgeId,
        session_id: session.id,
        delegate_id: delegateId,
        day,
        at: now,
        recorded_by: actor.id,
      })
      .onConflict((oc) => oc.constraint("checkins_once_a_day").doNothing())
      .returning("at")
      .executeTakeFirst();
    if (inserted)
      await audit(trx, ctx, {
        action: "delegate.checked_in",
        objectType: "delegate",
        objectId: delegateId,
        after: { day },
      });
    const first = await trx
      .selectFrom("checkins")
      .select("at")
      .where("delegate_id", "=", delegateId)
      .where("day", "=", day)
      .executeTakeFirstOrThrow();
    const person = await trx
      .selectFrom("delegates as d")
      .innerJoin("organisations as o", "o.id", "d.organisation_id")
      .select(["d.id", "d.full_name", "o.name as organisation", "d.photo_file_id"])
      .where("d.id", "=", delegateId)
      .executeTakeFirstOrThrow();
    const { n } = await trx
      .selectFrom("checkins")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("session_id", "=", session.id)
      .where("day", "=", day)
      .executeTakeFirstOrThrow();
    return {
      result: inserted ? "checked_in" : "already_checked_in",
      firstCheckedInAt: first.at,
      day,
      delegate: {
        id: person.id,
        fullName: person.full_name,
        organisation: person.organisation,
        hasPhoto: person.photo_file_id !== null,
      },
      checkedInToday: Number(n),
    };
  });
}

/** Check-ins per day of a session, for the secretariat. */
export async function checkinCounts(ctx: AccCtx, sessionSlug: string) {
  requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rows = await ctx.db
    .selectFrom("checkins")
    .select((eb) => [eb.cast<string>("day", "text").as("day"), eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", session.id)
    .groupBy("day")
    .orderBy("day")
    .execute();
  return { session, days: rows.map((r) => ({ day: r.day, count: Number(r.n) })) };
}
