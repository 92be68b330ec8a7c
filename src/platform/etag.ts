/**
 * ETag / If-Match for jointly edited objects: the ETag is the row's version; an update sent with
 * a stale If-Match gets 412 and changes nothing. API updates require If-Match (428 without it).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.js";

export function etagOf(kind: string, id: string, version: number): string {
  return `"${kind}-${id}-v${version}"`;
}

export function setEtag(reply: FastifyReply, kind: string, id: string, version: number): void {
  reply.header("etag", etagOf(kind, id, version));
}

/**
 * The version the client says it edits: from If-Match (API) or a `version` form field (pages).
 * Returns the number to compare in the UPDATE's WHERE clause.
 */
export function expectedVersion(
  request: FastifyRequest,
  kind: string,
  id: string,
  formVersion?: string,
): number {
  const header = request.headers["if-match"];
  if (typeof header === "string") {
    const version = Number(header.match(/-v(\d+)"$/)?.[1]);
    if (!Number.isInteger(version) || header.replace(/^W\//, "") !== etagOf(kind, id, version)) {
      throw new AppError("PRECONDITION_FAILED");
    }
    return version;
  }
  if (formVersion && /^\d+$/.test(formVersion)) return Number(formVersion);
  throw new AppError("PRECONDITION_REQUIRED", "If-Match header required");
}
