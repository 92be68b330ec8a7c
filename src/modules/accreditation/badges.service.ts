/**
 * Badges and check-in. A badge's QR code carries `badgeId.sessionId.signature`, the signature an
 * HMAC-SHA256 under a server secret kept in the database (accreditation_keys); a badge is revoked
 * by setting revoked_at. A short code printed under the QR code can be typed instead.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import type { DeferredSession } from "../../platform/context.js";
import type { Db, Executor } from "../../platform/database.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { queueMail } from "../../platform/mail.js";
import { getSessionBySlug, localized, type Session } from "../sessions/sessions.service.js";
import { instantToZoned } from "../sessions/sessions.time.js";
import type { AccCtx } from "./accreditation.service.js";
import * as q from "./badges.queries.js";
import { newLinkToken } from "./delegates.service.js";

const keys = new WeakMap<object, Buffer>();

/** The signing secret, created once per database (all processes share it). */
export async function badgeKey(db: Db | Executor): Promise<Buffer> {
  const known = keys.get(db);
  if (known) return known;
  const secret = await q.ensureKey(db, "badge", randomBytes(32));
  keys.set(db, secret);
  return secret;
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
  const existing = await q.findValidBadgeOf(trx, delegateId);
  if (existing) return existing.id;
  return q.insertBadge(trx, { delegateId, sessionId, code: newCode(), issuedAt: ctx.clock.now() });
}

export async function revokeValidBadge(trx: Executor, delegateId: string, at: Date, reason: string) {
  await q.revokeBadgeOfDelegate(trx, delegateId, at, reason);
}

/**
 * The secretariat revokes a badge (lost, stolen, misused), with a reason that the check-in desk
 * shows when the badge is scanned; the delegate stays approved and a new badge can be issued.
 */
export async function revokeBadge(ctx: AccCtx, badgeId: string, reason: string) {
  requireSecretariat(ctx);
  if (!UUID.test(badgeId)) throw new AppError("NOT_FOUND");
  await inTransaction(ctx.db, async (trx) => {
    const row = await q.revokeBadgeById(trx, badgeId, ctx.clock.now(), reason);
    if (!row) throw new AppError("NOT_FOUND");
    await audit(trx, ctx, {
      action: "badge.revoked",
      objectType: "badge",
      objectId: badgeId,
      organisationId: row.organisation_id,
      before: { delegateId: row.delegate_id, revoked: false },
      after: { delegateId: row.delegate_id, revoked: true, reason },
    });
  });
}

/**
 * A new badge for an approved delegate: the valid one, if any, is revoked ("reissued"), so its QR
 * code and printed code are refused from now on. The delegate gets a mail with a new link to their
 * page and badge.
 */
export async function reissueBadge(ctx: AccCtx, delegateId: string): Promise<string> {
  requireSecretariat(ctx);
  const id = await inTransaction(ctx.db, async (trx) => {
    const d = await q.lockDelegateForBadge(trx, UUID.test(delegateId) ? delegateId : q.NIL_UUID);
    if (!d) throw new AppError("NOT_FOUND");
    if (d.status !== "approved") throw new AppError("DELEGATE_NOT_APPROVED");
    const now = ctx.clock.now();
    const revoked = await q.revokeBadgeOfDelegate(trx, d.id, now, "reissued");
    const badgeId = await q.insertBadge(trx, {
      delegateId: d.id,
      sessionId: d.session_id,
      code: newCode(),
      issuedAt: now,
    });
    await audit(trx, ctx, {
      action: "badge.reissued",
      objectType: "badge",
      objectId: badgeId,
      organisationId: d.organisation_id,
      before: { delegateId: d.id, badgeIds: revoked },
      after: { delegateId: d.id, badgeId },
    });
    await mailBadgeReissued(trx, ctx, d);
    return badgeId;
  });
  return id;
}

/** The delegate's mail: a new badge, on their page behind a new link (the old link no longer works). */
async function mailBadgeReissued(
  trx: Executor,
  ctx: AccCtx,
  d: { id: string; email: string; full_name: string; session_id: string },
) {
  const link = newLinkToken();
  await q.setDelegateLink(trx, d.id, link.hash);
  const name = await q.sessionName(trx, d.session_id);
  await queueMail(trx, ctx.config, {
    to: d.email,
    lang: ctx.lang,
    template: "accreditation.badgeReissued",
    values: {
      name: d.full_name,
      session: localized(name, ctx.lang),
      link: `${ctx.config.baseUrl}/delegate/${link.token}`,
    },
  });
}

export interface CheckinResult {
  result: "checked_in" | "already_checked_in";
  firstCheckedInAt: Date;
  day: string;
  delegate: { id: string; fullName: string; organisation: string; hasPhoto: boolean };
  checkedInToday: number;
}

/** A scan checked as far as it can be before the statement: session visible, code well-formed. */
interface Scan {
  session: Session;
  by: { id: string } | { code: string };
}

async function scanOf(ctx: AccCtx, sessionSlug: string, code: string): Promise<Scan> {
  const session = await getSessionBySlug(ctx, sessionSlug);
  const text = code.trim();
  if (text.includes(".")) {
    const { badgeId, sessionId } = verifyBadgeToken(await badgeKey(ctx.db), text);
    if (sessionId !== session.id) throw new AppError("BADGE_OTHER_SESSION");
    return { session, by: { id: badgeId } };
  }
  const normal = text.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-Z0-9]{8}$/.test(normal)) throw new AppError("BADGE_INVALID");
  return { session, by: { code: normal } };
}

const deskRefusals = {
  unauthenticated: "UNAUTHENTICATED",
  csrf: "CSRF_TOKEN_INVALID",
  forbidden: "FORBIDDEN",
} as const;

/**
 * Staff type or scan a badge at the venue: the person is shown and the check-in recorded.
 *
 * Made for many scans a second from a few devices: the token is an HMAC checked in memory, and
 * the badge's lookup, the check-in, its audit row, the day's count and the answer are one call of
 * a database function (see migrations/0401, 0404). Called with the request's deferred session
 * (the API route, config.deferSession), that call also checks the desk's sign-in, CSRF token and
 * role before writing anything, so that a scan is one round trip in all; a scan that cannot go that
 * way (a session only the secretariat may see, a malformed, forged or other session's code) settles
 * the session first the usual way, so that nobody learns more than the hooks would let them. No rate
 * limit applies: only signed-in secretariat staff reach it, a desk scans in bursts, and a forged
 * token costs one HMAC.
 */
export async function checkIn(
  ctx: AccCtx,
  sessionSlug: string,
  code: string,
  deferred?: DeferredSession | null,
): Promise<CheckinResult> {
  if (deferred && !deferred.settled) {
    const scan = await scanOf({ ...ctx, actor: null }, sessionSlug, code).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    if (scan) return record(ctx, scan, { sessionHash: deferred.sessionHash, csrf: deferred.csrf }, deferred);
    ctx = { ...ctx, actor: await deferred.settle() };
  }
  const actor = requireSecretariat(ctx);
  return record(ctx, await scanOf(ctx, sessionSlug, code), { actorId: actor.id });
}

async function record(
  ctx: AccCtx,
  { session, by }: Scan,
  desk: q.CheckinDesk,
  deferred?: DeferredSession,
): Promise<CheckinResult> {
  const now = ctx.clock.now();
  const day = instantToZoned(now, session.timeZone).date;
  const row = await q.checkInBadge(ctx.db, {
    by,
    sessionId: session.id,
    day,
    at: now,
    desk,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
  });
  if (row.auth !== "ok") throw new AppError(deskRefusals[row.auth]);
  if (deferred) deferred.settled = true;
  if (row.badge_id === null) throw new AppError("BADGE_INVALID");
  if (row.badge_session_id !== session.id) throw new AppError("BADGE_OTHER_SESSION");
  if (row.revoked_at) throw new AppError("BADGE_REVOKED", row.revoked_reason ?? undefined);
  const inserted = row.inserted_at !== null;
  const firstAt = row.inserted_at ?? row.first_at ?? now;
  return {
    result: inserted ? "checked_in" : "already_checked_in",
    firstCheckedInAt: firstAt,
    day,
    delegate: {
      id: row.delegate_id,
      fullName: row.full_name,
      organisation: row.organisation,
      hasPhoto: row.photo_file_id !== null,
    },
    checkedInToday: Number(row.today),
  };
}

/** Check-ins per day of a session, for the secretariat. */
export async function checkinCounts(ctx: AccCtx, sessionSlug: string) {
  requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  return { session, days: await q.checkinCountsByDay(ctx.db, session.id) };
}
