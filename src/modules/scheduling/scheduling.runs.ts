/**
 * Optimiser runs the editor starts: the request returns at once (202) with the run, the solve
 * goes on in this process (HiGHS in a worker thread, so the server keeps answering) under the
 * session's advisory lock, and its progress is written to the run's row, so a status read from
 * any process sees it. A run "around the pins" keeps the pinned events where they are.
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { getSessionDetail } from "../sessions/sessions.service.js";
import type { SeCtx } from "../side-events/side-events.service.js";
import { instanceAroundPins } from "./scheduling.draft.service.js";
import { tryLockSession } from "./scheduling.lock.js";
import * as q from "./scheduling.queries.js";
import { loadInstance, type StoredProposal, storeProposal, toStored } from "./scheduling.service.js";
import { optimise } from "./scheduling.solver.js";
import type { RunProgress } from "./scheduling.tables.js";

export interface RunView {
  id: string;
  status: "running" | "done" | "failed";
  aroundPins: boolean;
  waitlisted: boolean;
  timeLimitSeconds: number;
  progress: RunProgress;
  proposalId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

type RunRow = NonNullable<Awaited<ReturnType<typeof q.findRun>>>;

export const toRunView = (row: RunRow): RunView => ({
  id: row.id,
  status: row.status,
  aroundPins: row.around_pins,
  waitlisted: row.waitlisted,
  timeLimitSeconds: row.time_limit_seconds,
  progress: row.progress,
  proposalId: row.proposal_id,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

const finite = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Starts a run; 409 SCHEDULING_RUNNING when one is under way for the session in any process. */
export async function startRun(
  ctx: SeCtx,
  sessionSlug: string,
  options: { timeLimitSeconds?: number; aroundPins?: boolean; waitlisted?: boolean },
): Promise<{ run: RunView; finished: Promise<void> }> {
  const actor = requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const unlock = await tryLockSession(ctx.db, session.id);
  if (!unlock) throw new AppError("SCHEDULING_RUNNING");
  const timeLimit = options.timeLimitSeconds ?? 30;
  const aroundPins = options.aroundPins ?? true;
  const waitlisted = options.waitlisted ?? false;
  let row: RunRow;
  try {
    row = await ctx.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("schedule_runs")
        .values({
          session_id: session.id,
          status: "running",
          around_pins: aroundPins,
          waitlisted,
          time_limit_seconds: timeLimit,
          progress: JSON.stringify({
            phase: "starting",
            elapsedSeconds: 0,
            heartbeatAt: new Date().toISOString(),
          }),
          started_by: actor.id,
          started_at: ctx.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, ctx, {
        action: "scheduling.run.start",
        objectType: "schedule_run",
        objectId: inserted.id,
        after: { sessionId: session.id, aroundPins, waitlisted, timeLimitSeconds: timeLimit },
      });
      return inserted;
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const started = Date.now();
  let progress: RunProgress = { phase: "solving", elapsedSeconds: 0 };
  const write = (
    status: "running" | "done" | "failed",
    extra: { proposalId?: string; error?: string } = {},
  ) =>
    ctx.db
      .updateTable("schedule_runs")
      .set({
        status,
        progress: JSON.stringify({
          ...progress,
          elapsedSeconds: Math.round((Date.now() - started) / 100) / 10,
          heartbeatAt: new Date().toISOString(),
        }),
        ...(extra.proposalId ? { proposal_id: extra.proposalId } : {}),
        ...(extra.error ? { error: extra.error } : {}),
        ...(status === "running" ? {} : { finished_at: ctx.clock.now() }),
      })
      .where("id", "=", row.id)
      // a late tick never turns a finished run back into a running one
      .where("status", "=", "running")
      .execute();
  const timer = setInterval(() => void write("running").catch(() => {}), 1000);
  const finished = (async () => {
    try {
      const instance = aroundPins
        ? await instanceAroundPins(ctx, session, { waitlisted })
        : await loadInstance(ctx, session, { waitlisted });
      // the solver reports its phase, the incumbent's objective and the bound as it goes
      const result = await optimise(instance, {
        timeLimitMs: timeLimit * 1000,
        onProgress: (p) => {
          progress = {
            phase: p.phase,
            objective: finite(p.objective) ?? progress.objective ?? null,
            bound: finite(p.bound) ?? progress.bound ?? null,
            gap: finite(p.gap) ?? progress.gap ?? null,
          };
        },
      });
      progress = { phase: "done", objective: result.objective, bound: result.bound, gap: result.gap };
      const stored = await storeProposal(ctx, session.id, result);
      clearInterval(timer);
      await write("done", { proposalId: stored.id });
    } catch (error) {
      clearInterval(timer);
      progress = { ...progress, phase: "failed" };
      await write("failed", { error: (error as Error).message.slice(0, 500) }).catch(() => {});
    } finally {
      clearInterval(timer);
      await unlock();
    }
  })();
  return { run: toRunView(row), finished };
}

/** A run of the session, with its proposal once done. */
export async function getRun(
  ctx: SeCtx,
  sessionSlug: string,
  runId: string | "latest",
): Promise<{ run: RunView | null; proposal: StoredProposal | null }> {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const row =
    runId === "latest" ? await q.latestRun(ctx.db, session.id) : await q.findRun(ctx.db, session.id, runId);
  if (!row) {
    if (runId === "latest") return { run: null, proposal: null };
    throw new AppError("NOT_FOUND");
  }
  if (row.status === "running" && isStale(row)) {
    // the process running it stopped (its lock went with its connection): say so, once
    const failed = await ctx.db
      .updateTable("schedule_runs")
      .set({ status: "failed", error: "interrupted", finished_at: ctx.clock.now() })
      .where("id", "=", row.id)
      .where("status", "=", "running")
      .returningAll()
      .executeTakeFirst();
    if (failed) return { run: toRunView(failed), proposal: null };
  }
  const proposal = row.proposal_id ? await q.findProposalRow(ctx.db, session.id, row.proposal_id) : undefined;
  return { run: toRunView(row), proposal: proposal ? toStored(proposal, ctx.lang) : null };
}

/** A running run whose process has not written for a minute (it writes every second). */
export function isStale(row: { progress: RunProgress; started_at: Date }, now = Date.now()): boolean {
  const beat = Date.parse(row.progress.heartbeatAt ?? "") || row.started_at.getTime();
  return now - beat > 60_000;
}
