/**
 * Sign-in sessions kept in the database. The cookie holds a random token; the table holds its
 * SHA-256, so a database dump cannot be used to sign in. Every request re-reads the session with
 * its account, so disabling an account ends its access on the very next request.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import argon2 from "argon2";
import type { Actor, PlatformRole } from "./context.js";
import type { Executor } from "./database.js";
import { isLang } from "./i18n/languages.js";

export const SESSION_COOKIE = "convene_session";
export const CSRF_COOKIE = "convene_csrf";
export const LANG_COOKIE = "convene_lang";
export const SESSION_DAYS = 14;

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The CSRF token as a page carries it: XORed with a random pad sent beside it (`pad.masked`), so
 * that it reads differently in every page. Pages are sent compressed, and a secret that stays the
 * same in compressed answers which also reflect what a visitor typed can be guessed from their
 * sizes (BREACH); a masked token never stays the same. Tokens hold no ".", so a masked one is told
 * from a plain one (as API clients send it) by its dot.
 */
export function maskCsrfToken(token: string): string {
  const plain = Buffer.from(token);
  const pad = randomBytes(plain.length);
  for (let i = 0; i < plain.length; i++) plain[i] = (plain[i] as number) ^ (pad[i] as number);
  return `${pad.toString("base64url")}.${plain.toString("base64url")}`;
}

/** The token that was sent, masked by a page (maskCsrfToken) or plain. */
export function unmaskCsrfToken(sent: string): string {
  const dot = sent.indexOf(".");
  if (dot < 0) return sent;
  const pad = Buffer.from(sent.slice(0, dot), "base64url");
  const masked = Buffer.from(sent.slice(dot + 1), "base64url");
  if (pad.length === 0 || pad.length !== masked.length) return "";
  for (let i = 0; i < masked.length; i++) masked[i] = (masked[i] as number) ^ (pad[i] as number);
  return masked.toString();
}

/** Whether a sent CSRF token, masked or plain, is the request's. */
export function csrfMatches(sent: string, token: string): boolean {
  const plain = unmaskCsrfToken(sent);
  return plain !== "" && safeEqual(plain, token);
}

// OWASP's argon2id parameters (19 MiB, 2 iterations): strong, and fast enough on two cores.
const argonOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, argonOptions);
}

const dummyHash = hashPassword(randomToken());

/** Verifies a password; with no hash it still spends the same time, so timing does not tell. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await dummyHash), password).then((ok) => ok && hash !== null);
  } catch {
    return false;
  }
}

export interface SignedInSession {
  id: string;
  csrfToken: string;
  actor: Actor;
}

export async function createSession(
  db: Executor,
  userId: string,
  meta: { ip: string; userAgent?: string; now: Date },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db
    .insertInto("user_sessions")
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(meta.now.getTime() + SESSION_DAYS * 86_400_000),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(db: Executor, token: string, now: Date): Promise<SignedInSession | null> {
  const row = await db
    .selectFrom("user_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.csrf_token",
      "u.id as user_id",
      "u.email",
      "u.display_name",
      "u.roles",
      "u.preferred_language",
      "u.email_verified_at",
    ])
    .where("s.id", "=", hashToken(token))
    .where("s.expires_at", ">", now)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    actor: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles as PlatformRole[],
      preferredLanguage: isLang(row.preferred_language) ? row.preferred_language : "en",
      emailVerified: row.email_verified_at !== null,
    },
  };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom("user_sessions").where("id", "=", sessionId).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom("user_sessions").where("user_id", "=", userId).execute();
}
