/**
 * One error type with stable codes. Each code maps to one HTTP status here; one handler (http.ts)
 * renders every error as application/problem+json (or an error page for browsers).
 * Modules add their codes in `<module>.errors.ts`, joined below.
 */

import { accountErrors } from "../modules/accounts/accounts.errors.js";
import { accreditationErrors } from "../modules/accreditation/accreditation.errors.js";
import { organisationErrors } from "../modules/organisations/organisations.errors.js";
import { schedulingErrors } from "../modules/scheduling/scheduling.errors.js";
import { sessionErrors } from "../modules/sessions/sessions.errors.js";
import { sideEventErrors } from "../modules/side-events/side-events.errors.js";

export const platformErrors = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export const errorCodes = {
  ...platformErrors,
  ...accountErrors,
  ...organisationErrors,
  ...sessionErrors,
  ...accreditationErrors,
  ...sideEventErrors,
  ...schedulingErrors,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(detail ?? code);
    this.status = errorCodes[code];
  }
}

export const notFound = () => new AppError("NOT_FOUND");
export const forbidden = (detail?: string) => new AppError("FORBIDDEN", detail);
export const unauthenticated = () => new AppError("UNAUTHENTICATED");

/** PostgreSQL and socket errors that mean "the database is not there right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  const code = e.code ?? "";
  if (["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03", "53300"].includes(code))
    return true;
  if (code.startsWith("08")) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    e.message ?? "",
  );
}
