/**
 * What the accounts services share: time limits and rate limits, the shapes of an account, the
 * session a sign-in opens, and the checks other modules may use.
 */
import { requireActor } from "../../platform/access.js";
import { createSession, deleteSession, hashToken } from "../../platform/auth.js";
import type { Actor, Ctx, PlatformRole, Services } from "../../platform/context.js";
import type { Executor } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang, type Lang } from "../../platform/i18n/languages.js";
import { secretariatExists, type TokenPurpose, type UserRow } from "./accounts.queries.js";
import { type Account, platformRoles } from "./accounts.schemas.js";

const HOUR = 3_600_000;
export const VERIFY_TTL_MS = 48 * HOUR;
export const RESET_TTL_MS = 1 * HOUR;
export const SETUP_TTL_MS = 24 * HOUR;

/** Limits per window; keys name the target address or account and the client address. */
export const LIMITS = {
  signInAccount: { max: 10, windowSeconds: 900 },
  signInIp: { max: 30, windowSeconds: 900 },
  signUpEmail: { max: 3, windowSeconds: 3600 },
  signUpIp: { max: 20, windowSeconds: 3600 },
  verifyEmail: { max: 5, windowSeconds: 3600 },
  verifyIp: { max: 20, windowSeconds: 3600 },
  resetEmail: { max: 5, windowSeconds: 3600 },
  resetIp: { max: 20, windowSeconds: 3600 },
  passwordChange: { max: 10, windowSeconds: 900 },
} as const;

/** Where the browser came from, so signing in replaces its session (no session fixation). */
export interface SessionMeta {
  previousSessionId: string | null;
  userAgent?: string;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  user: Account;
}

export function languageOf(user: { preferred_language: string }): Lang {
  return isLang(user.preferred_language) ? user.preferred_language : "en";
}

function rolesOf(user: { roles: string[] }): PlatformRole[] {
  return user.roles.filter((r): r is PlatformRole => (platformRoles as readonly string[]).includes(r));
}

export function toAccount(user: UserRow): Account {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    preferredLanguage: languageOf(user),
    roles: rolesOf(user),
    emailVerified: user.email_verified_at !== null,
  };
}

export function actorToAccount(actor: Actor): Account {
  return {
    id: actor.id,
    email: actor.email,
    displayName: actor.displayName,
    preferredLanguage: actor.preferredLanguage,
    roles: actor.roles,
    emailVerified: actor.emailVerified,
  };
}

export function asActor(user: UserRow): Actor {
  const account = toAccount(user);
  return { ...account, roles: account.roles };
}

/** What the audit log may keep of an account: never its password hash nor any token. */
export function auditView(user: UserRow) {
  return {
    email: user.email,
    displayName: user.display_name,
    preferredLanguage: user.preferred_language,
    roles: user.roles,
    emailVerified: user.email_verified_at !== null,
    disabled: user.disabled_at !== null,
  };
}

/**
 * A redirect target after sign-in: a path on this site, or "/". Rejects "//host" and "/\host"
 * (both read as another host by browsers), backslashes anywhere, and any whitespace or control
 * character (browsers drop tabs and newlines, turning "/\t/evil" into "//evil").
 */
export function safeRedirectPath(next: string | undefined | null): string {
  if (!next || next.length > 2000) return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\\\s\u0000-\u001f\u007f]/.test(next)) return "/";
  return next;
}

/** For the modules that must not let an account with an unconfirmed address act. */
export function requireVerifiedActor(ctx: Pick<Ctx, "actor">): Actor {
  const actor = requireActor(ctx);
  if (!actor.emailVerified) throw new AppError("EMAIL_NOT_VERIFIED");
  return actor;
}

/**
 * A link in a mail: always on BASE_URL, never on the Host of a request. `next` (a path on this
 * site, else left out) says where the person goes once done: the page that sent them to sign up.
 */
export function link(ctx: Pick<Services, "config">, path: string, token?: string, next?: string): string {
  const params = new URLSearchParams();
  if (token) params.set("token", token);
  const to = next === undefined ? "/" : safeRedirectPath(next);
  if (to !== "/") params.set("next", to);
  const query = params.toString();
  return `${ctx.config.baseUrl}${path}${query ? `?${query}` : ""}`;
}

export function limit(key: string, rule: { max: number; windowSeconds: number }) {
  return { key, ...rule };
}

/** Opens a new session, deleting the one the browser carried. */
export async function openSession(trx: Executor, ctx: Ctx, user: UserRow, meta: SessionMeta, now: Date) {
  if (meta.previousSessionId) await deleteSession(trx, meta.previousSessionId);
  return createSession(trx, user.id, { ip: ctx.ip, userAgent: meta.userAgent, now });
}

/** Whether a token can still be used (to show its form); the action itself checks it again. */
export async function isTokenUsable(
  ctx: Ctx,
  purpose: TokenPurpose,
  token: string | undefined,
): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const row = await ctx.db
    .selectFrom("account_tokens")
    .select("id")
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", ctx.clock.now())
    .executeTakeFirst();
  if (!row) return false;
  return purpose !== "setup" || !(await secretariatExists(ctx.db));
}
