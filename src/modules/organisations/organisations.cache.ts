/**
 * Public reads of the organisations module, cached in-process under one tag. Every mutation calls
 * `invalidateOrganisations` in its transaction: PostgreSQL NOTIFYs every process at commit and
 * this one drops its entries at once, so a user reads their own write.
 *
 * A load that runs while a change commits must not store what it read before the change: each
 * load notes the tag's current generation marker (an entry carrying the same tag, so any drop
 * removes it) and stores its result only if the marker is still there when it finishes.
 * Concurrent misses of one key share one load (50 connections on a cold entry make one query).
 */
import type { PublicCache } from "../../platform/cache.js";
import { invalidate } from "../../platform/cache.js";
import type { Executor } from "../../platform/database.js";

export const ORGANISATIONS_TAG = "organisations";
const TAGS = [ORGANISATIONS_TAG];
const GENERATION_KEY = "organisations:generation";

export interface Generation {
  inflight: Map<string, Promise<unknown>>;
}

/** The tag's current generation: take it before reading what a derived value is built from. */
export function currentGeneration(cache: PublicCache): Generation {
  let generation = cache.get<Generation>(GENERATION_KEY);
  if (!generation) {
    generation = { inflight: new Map() };
    cache.set(GENERATION_KEY, generation, TAGS);
  }
  return generation;
}

export async function cachedRead<T>(cache: PublicCache, key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get<T>(key);
  if (hit !== undefined) return hit;
  const generation = currentGeneration(cache);
  const running = generation.inflight.get(key);
  if (running) return running as Promise<T>;
  const promise = (async () => {
    try {
      const value = await load();
      if (cache.get(GENERATION_KEY) === generation) cache.set(key, value, TAGS);
      return value;
    } finally {
      generation.inflight.delete(key);
    }
  })();
  generation.inflight.set(key, promise);
  return promise;
}

/**
 * A value derived from cached reads (rendered HTML, serialised JSON): stored only if no change
 * committed since `generation` was taken, i.e. before the reads it is built from.
 */
export function cachedDerived<T>(
  cache: PublicCache,
  key: string,
  generation: Generation,
  derive: () => T,
): T {
  const hit = cache.get<T>(key);
  if (hit !== undefined) return hit;
  const value = derive();
  if (cache.get(GENERATION_KEY) === generation) cache.set(key, value, TAGS);
  return value;
}

export function invalidateOrganisations(trx: Executor, cache: PublicCache): Promise<void> {
  return invalidate(trx, cache, ORGANISATIONS_TAG);
}
