/**
 * The platform's hourly housekeeping, one job per hour whatever the number of processes (its
 * dedupe key is the hour): what is kept only for a while is deleted when its time is up.
 * - Idempotency keys and the first answers they keep: a day (see idempotency.ts).
 * - Mail in the outbox, once sent or stored (never one still waiting for SMTP): MAIL_RETENTION_DAYS.
 *   A mail can carry a private link (a delegate's page, a panellist's schedule, a password reset)
 *   and always a name and an address; the record of what was sent need not outlive the session it
 *   concerns. The secretariat's outbox page shows what is left.
 */
import type { Clock, Services } from "./context.js";
import type { Executor } from "./database.js";
import { expireIdempotencyKeys } from "./idempotency.js";
import { enqueueJob, type JobHandlers } from "./jobs.js";

export const MAIL_RETENTION_DAYS = 90;
const JOB = "platform.housekeeping";
const HOUR_MS = 3_600_000;

/** Deletes outbox mail older than MAIL_RETENTION_DAYS that is no longer waiting to be sent. */
export async function expireOutbox(db: Executor, clock: Clock): Promise<number> {
  const result = await db
    .deleteFrom("mail_outbox")
    .where("created_at", "<", new Date(clock.now().getTime() - MAIL_RETENTION_DAYS * 86_400_000))
    .where("status", "<>", "queued")
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Schedules the next run, at the next full hour (the dedupe key makes it one across processes). */
export async function scheduleHousekeeping(db: Executor, clock: Clock): Promise<void> {
  const next = new Date((Math.floor(clock.now().getTime() / HOUR_MS) + 1) * HOUR_MS);
  await enqueueJob(db, JOB, {}, { runAt: next, dedupeKey: `${JOB}:${next.toISOString()}` });
}

export function housekeepingJobs(services: Pick<Services, "db" | "clock">): JobHandlers {
  return {
    [JOB]: async () => {
      await expireIdempotencyKeys(services.db, services.clock);
      await expireOutbox(services.db, services.clock);
      await scheduleHousekeeping(services.db, services.clock);
    },
  };
}
