/**
 * Jobs on a PostgreSQL-backed queue. A worker claims due jobs with FOR UPDATE SKIP LOCKED, so any
 * number of processes can run workers and no job runs twice at once. A failed job is retried
 * with exponential back-off. Scheduled jobs carry a deterministic dedupe_key.
 */
import { hostname } from "node:os";
import { sql } from "kysely";
import type { Clock } from "./context.js";
import type { Db, Executor } from "./database.js";

export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: number; attempts: number },
) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export async function enqueueJob(
  db: Executor,
  kind: string,
  payload: Record<string, unknown>,
  options: { runAt?: Date; dedupeKey?: string; maxAttempts?: number } = {},
): Promise<void> {
  await db
    .insertInto("jobs")
    .values({
      kind,
      payload: JSON.stringify(payload),
      // No runAt: due at once, whatever clock the caller runs on.
      run_at: options.runAt ?? new Date(0),
      dedupe_key: options.dedupeKey ?? null,
      max_attempts: options.maxAttempts ?? 8,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

const workerId = `${hostname()}:${process.pid}`;

/** Claims and runs due jobs until none is left (or `limit` ran). Returns how many ran. */
export async function runDueJobs(db: Db, handlers: JobHandlers, clock: Clock, limit = 100): Promise<number> {
  let ran = 0;
  while (ran < limit) {
    const now = clock.now();
    const job = await db.transaction().execute(async (trx) => {
      const next = await trx
        .selectFrom("jobs")
        .select(["id", "kind", "payload", "attempts", "max_attempts"])
        .where("done_at", "is", null)
        .where("failed_at", "is", null)
        .where("run_at", "<=", now)
        .where("kind", "in", Object.keys(handlers))
        .orderBy("run_at")
        .orderBy("id")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!next) return null;
      // Lease: another worker may take it again only if this one dies for 5 minutes.
      await trx
        .updateTable("jobs")
        .set({
          locked_at: now,
          locked_by: workerId,
          attempts: next.attempts + 1,
          run_at: new Date(now.getTime() + 5 * 60_000),
        })
        .where("id", "=", next.id)
        .execute();
      return { ...next, attempts: next.attempts + 1 };
    });
    if (!job) break;
    ran++;
    const handler = handlers[job.kind];
    try {
      await handler!(job.payload as Record<string, unknown>, { id: job.id, attempts: job.attempts });
      await db
        .updateTable("jobs")
        .set({ done_at: clock.now(), last_error: null })
        .where("id", "=", job.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = job.attempts >= job.max_attempts;
      const backoffMs = Math.min(3_600_000, 2 ** job.attempts * 5_000);
      await db
        .updateTable("jobs")
        .set({
          last_error: message.slice(0, 1000),
          failed_at: giveUp ? clock.now() : null,
          run_at: new Date(clock.now().getTime() + backoffMs),
          locked_at: null,
          locked_by: null,
        })
        .where("id", "=", job.id)
        .execute();
    }
  }
  return ran;
}

/** Polls for due jobs every `intervalMs` until stopped. */
export function startJobWorker(
  db: Db,
  handlers: JobHandlers,
  clock: Clock,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = runDueJobs(db, handlers, clock).catch((error) => options.onError?.(error));
    await running;
    if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 1_000);
  };
  let timer = setTimeout(tick, options.intervalMs ?? 1_000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export async function pendingJobCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("jobs")
    .select(sql<number>`count(*)`.as("n"))
    .where("done_at", "is", null)
    .where("failed_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}
