/** What the accounts routes share: session and language cookies, and the anonymous-form defences. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  CSRF_COOKIE,
  hashToken,
  LANG_COOKIE,
  randomToken,
  SESSION_COOKIE,
  SESSION_DAYS,
} from "../../platform/auth.js";
import type { Config } from "../../platform/config.js";
import { AppError, type ErrorCode } from "../../platform/errors.js";
import type { Lang } from "../../platform/i18n/languages.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, formErrors } from "../../platform/ui/forms.js";
import type { SessionMeta } from "./accounts.service.js";

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/** Remembers the chosen language in this browser, so that it applies from the next page on. */
export function setLangCookie(reply: FastifyReply, config: Config, lang: Lang): void {
  reply.setCookie(LANG_COOKIE, lang, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: config.secureCookies,
    maxAge: 365 * 86_400,
  });
}

/** The CSRF token of an anonymous API client, issued on demand (the page hook skips /api/). */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  if (request.csrfToken) return request.csrfToken;
  const token = randomToken();
  reply.setCookie(CSRF_COOKIE, token, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: config.secureCookies,
  });
  request.csrfToken = token;
  return token;
}

/**
 * The session the browser carried, valid or not, so that signing in deletes it: whatever id an
 * attacker may have planted never becomes a signed-in session.
 */
export function sessionMeta(request: FastifyRequest): SessionMeta {
  const carried = request.cookies[SESSION_COOKIE];
  const ua = request.headers["user-agent"];
  return {
    previousSessionId: request.sessionId ?? (carried ? hashToken(carried) : null),
    userAgent: typeof ua === "string" ? ua : undefined,
  };
}

/**
 * Requests with no cookie of ours skip the CSRF token check (nothing to forge), but a forged
 * sign-in would still sign the victim into the attacker's account: browsers say where a request
 * comes from, and a cross-site one is refused here.
 */
export function assertNotCrossSite(request: FastifyRequest): void {
  if (request.headers["sec-fetch-site"] === "cross-site") throw new AppError("CSRF_TOKEN_INVALID");
}

/**
 * Turns an expected failure of a form's action into an error next to one field, so the form can be
 * shown again with what was typed; anything else is rethrown to the error handler.
 */
export function formFailure(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  fields: Partial<Record<ErrorCode, string>>,
): { errors: FormErrors; status: number } {
  if (!(error instanceof AppError)) throw error;
  const field = fields[error.code];
  if (!field) throw error;
  if (error.extra.retryAfterSeconds) reply.header("retry-after", String(error.extra.retryAfterSeconds));
  return { errors: { [field]: request.t(`error.${error.code}` as MessageKey) }, status: error.status };
}

/** What was typed, minus anything secret, to show the form again. */
export function typed(body: unknown): FormValues {
  const values = { ...(body as FormValues) };
  for (const key of ["password", "currentPassword", "newPassword", "token"]) delete values[key];
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, request: FastifyRequest) {
  const parsed = schema.safeParse(request.body);
  return parsed.success
    ? ({ ok: true, data: parsed.data as z.output<S> } as const)
    : ({ ok: false, errors: formErrors(request.t, parsed.error) } as const);
}
