/**
 * Rate limits kept in PostgreSQL, so that they hold across every app process. Fixed windows:
 * one upsert per attempt.
 */
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
      .values({ key: limit.key, window_start: windowStart, hits: 1 })
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
