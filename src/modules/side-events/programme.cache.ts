/**
 * The public programme's answers cached as bytes with their ETag and compressed copies
 * (platform/cached-body.ts): the API's JSON (built
 * once through the output schema) per session, filter and page, and for anonymous visitors the
 * whole programme page per address and language. Entries carry the module's tag and "sessions":
 * any change to side events (decisions, merges, schedules published) or to the session drops them,
 * in every process, at commit (platform/cache.ts).
 */
import type { FastifyRequest } from "fastify";
import type { PublicCache } from "../../platform/cache.js";
import { type CachedBody, withEncodings } from "../../platform/cached-body.js";
import { CACHE_TAG } from "./side-events.service.js";

export const PROGRAMME_TAGS = [CACHE_TAG, "sessions"];
export const PAGE_SIZE = 50;
const MAX_CACHED_URL = 600;

/** The cached body (with its compressed copies), or the one `build` makes (stored unless a change committed meanwhile). */
export async function cachedBody(
  cache: PublicCache | undefined,
  key: string,
  build: () => Promise<string>,
): Promise<CachedBody> {
  if (!cache) return withEncodings(await build());
  return cache.wrap(key, PROGRAMME_TAGS, async () => withEncodings(await build()));
}

/** Whether this request's whole page may come from the shared cache: anonymous, a short address. */
export const sharedPage = (request: FastifyRequest) => !request.actor && request.url.length <= MAX_CACHED_URL;

/** One page of a list: 1-based, clamped. */
export function pageOf<T>(items: T[], page: number | undefined, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page ?? 1), pages);
  return {
    items: items.slice((current - 1) * size, current * size),
    page: current,
    pages,
    total: items.length,
  };
}
