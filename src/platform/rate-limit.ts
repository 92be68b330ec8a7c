/**
 * Rate limits kept in PostgreSQL, so that they hold across every app process. Fixed windows:
 * one upsert per attempt. The table keeps the kind of a key in clear and a hash of what it
 * counts (an e-mail address, an IP address), not the address itself.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Executor } from "./database.js";
import { AppError } from "./errors.js";

export interface Limit {
  /** e.g. "signin:ip:203.0.113.9" or "signin:account:ana@example.org" */
  key: string;
  max: number;
  windowSeconds: number;
}

/** Counts one attempt against each limit; throws RATE_LIMITED (429) if any is exceeded. */
export async function consumeRateLimits(db: Executor, limits: Limit[], now: Date): Promise<void> {
  for (const limit of limits) {
    const windowStart = new Date(
      Math.floor(now.getTime() / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000,
    );
    const row = await db
      .insertInto("rate_limits")
      .values({ key: storedKey(limit.key), window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          hits: sql`case when rate_limits.window_start = excluded.window_start then rate_limits.hits + 1 else 1 end`,
          window_start: sql`excluded.window_start`,
        }),
      )
      .returning(["hits"])
      .executeTakeFirstOrThrow();
    if (row.hits > limit.max) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((windowStart.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000),
      );
      throw new AppError("RATE_LIMITED", undefined, { retryAfterSeconds });
    }
  }
}

/** "signin:account:ana@example.org" is kept as "signin:account:" and the SHA-256 of the whole key. */
export function storedKey(key: string): string {
  const kind = key.split(":", 2).join(":");
  return `${kind}:${createHash("sha256").update(key).digest("base64url")}`;
}
