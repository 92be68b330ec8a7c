/**
 * The optimiser: greedy first (the baseline and the starting point), then HiGHS in a worker thread
 * on the slots model (rooms counted per slot, assigned afterwards), then — when the instance has
 * wait-listed events — a second solve that only fills what the accepted events leave free, their
 * slots fixed. The accepted events' schedule is never worse than greedy's: the solver's answer is
 * kept only when it is valid and at least as good. Progress goes to `onProgress` as it comes.
 */
import { greedyPlacements } from "./optimiser/greedy.js";
import { type Placement, type Prepared, round } from "./optimiser/instance.js";
import { buildModel, type Mip, startVector } from "./optimiser/model.js";
import { scorePrepared } from "./optimiser/objective.js";
import { assignRooms } from "./optimiser/rooms.js";
import { type MipAnswer, runMip } from "./optimiser/worker.js";
import {
  acceptable,
  acceptedPart,
  finish,
  type Instance,
  type OptimiseResult,
  type Phase,
  type Progress,
  prepare,
  upperBound,
} from "./scheduling.optimiser.js";

export interface OptimiseOptions {
  /** wall-clock limit of the whole run, in ms (default 60 s) */
  timeLimitMs?: number;
  /** @deprecated seconds; use timeLimitMs */
  timeLimit?: number;
  /** stop once the proven gap is at most this (default 1e-6: prove optimality) */
  gap?: number;
  /** called with each progress report (phase, elapsed, best objective, bound, gap) */
  onProgress?: (progress: Progress) => void;
  /** force a formulation (tests and the benchmark compare them) */
  model?: "slots" | "cells";
}

export interface SolveStats {
  /** peak resident memory of the process (bytes) as the system reports it, 0 where it cannot */
  peakRss: number;
  columns: number;
  rows: number;
}

const gapOf = (objective: number, bound: number) =>
  bound === 0 ? 0 : round(Math.max(0, (bound - objective) / Math.abs(bound)));

/** Solves one phase; the placements it proposes (decoded, rooms assigned) or null. */
async function solvePhase(
  p: Prepared,
  mip: Mip,
  start: Placement[],
  timeLimitMs: number,
  relGap: number,
  progress: (objective: number, bound: number) => void,
): Promise<{ placements: Placement[] | null; answer: MipAnswer }> {
  if (mip.columns.length === 0)
    return { placements: [...p.pins], answer: { status: "Optimal", bound: mip.offset } };
  const answer = await runMip(mip, startVector(mip, start), {
    timeLimitMs,
    relGap,
    onProgress: (primal, dual) => progress(primal, dual),
  });
  if (!answer.colValue) return { placements: null, answer };
  const chosen = mip.columns.filter((_, j) => (answer.colValue?.[j] ?? 0) > 0.5);
  const placements =
    mip.kind === "cells"
      ? [...p.pins, ...chosen.map((c) => ({ eventId: c.eventId, slotId: c.slotId, roomId: c.roomId ?? "" }))]
      : assignRooms(p, chosen);
  return { placements, answer };
}

/** Greedy, then HiGHS; the better valid schedule, with bound, gap and each event's share. */
export async function optimise(
  instance: Instance,
  options: OptimiseOptions = {},
  stats?: SolveStats,
): Promise<OptimiseResult> {
  const t0 = Date.now();
  const limit = options.timeLimitMs ?? (options.timeLimit !== undefined ? options.timeLimit * 1000 : 60_000);
  const relGap = options.gap ?? 1e-6;
  let phase: Phase = "greedy";
  let best: number | null = null;
  let bound: number | null = null;
  const report = () =>
    options.onProgress?.({
      phase,
      elapsedMs: Date.now() - t0,
      objective: best,
      bound,
      gap: best !== null && bound !== null ? gapOf(best, bound) : null,
    });
  report();
  const p = prepare(instance);
  const isOptional = (id: string) => Boolean(p.events.get(id)?.optional);
  const greedyAll = greedyPlacements(p);
  const greedyAccepted = greedyAll.filter((x) => !isOptional(x.eventId));
  const greedyValue = acceptedPart(p, greedyAccepted);
  best = greedyValue;
  bound = upperBound(instance, (optional) => !optional);

  // first: the accepted events (and the pins)
  phase = "model";
  report();
  const mip = buildModel(p, { skip: isOptional, kind: options.model });
  if (stats) {
    stats.columns = mip.numCols;
    stats.rows = mip.rowLower.length;
  }
  phase = "solve";
  report();
  const hasOptional = instance.events.some((e) => e.optional);
  const first = await solvePhase(
    p,
    mip,
    greedyAccepted,
    hasOptional ? limit * 0.85 - (Date.now() - t0) : limit - (Date.now() - t0),
    relGap,
    (o, b) => {
      best = best === null ? o : Math.max(best, o);
      bound = b;
      report();
    },
  );
  if (stats) stats.peakRss = Math.max(stats.peakRss, first.answer.peakRss ?? 0);
  phase = "rooms";
  let accepted = greedyAccepted;
  let source: "greedy" | "highs" = "greedy";
  if (first.placements && acceptable(p, first.placements)) {
    const value = acceptedPart(p, first.placements);
    if (value >= greedyValue - 1e-9) {
      accepted = first.placements;
      source = "highs";
    }
  }
  const acceptedObjective = acceptedPart(p, accepted);
  const trivial = upperBound(instance, (optional) => !optional);
  const solverBound =
    first.answer.status === "Optimal" && first.answer.bound === undefined
      ? first.answer.objective
      : first.answer.bound;
  const acceptedBound = round(
    Math.max(
      acceptedObjective,
      Math.min(Number.isFinite(solverBound) ? (solverBound ?? trivial) : trivial, trivial),
    ),
  );
  best = acceptedObjective;
  bound = acceptedBound;
  report();

  // then: the wait-listed events fill what is left, the accepted ones kept in their slots
  let placements = accepted;
  let totalBound = acceptedBound;
  if (hasOptional) {
    phase = "waitlist";
    report();
    const fill = greedyPlacements(p, accepted);
    placements = fill;
    const fixed = new Map(accepted.map((x) => [x.eventId, x.slotId]));
    const mip2 = buildModel(p, { fixed, kind: options.model });
    const second = await solvePhase(
      p,
      mip2,
      fill,
      Math.max(1000, limit - (Date.now() - t0)),
      relGap,
      () => {},
    );
    if (stats) stats.peakRss = Math.max(stats.peakRss, second.answer.peakRss ?? 0);
    const fillValue = scorePrepared(p, fill).objective;
    if (
      second.placements &&
      acceptable(p, second.placements) &&
      accepted.every((a) =>
        second.placements?.some((x) => x.eventId === a.eventId && x.slotId === a.slotId),
      ) &&
      scorePrepared(p, second.placements).objective >= fillValue - 1e-9
    )
      placements = second.placements;
    const extra = Math.max(0, upperBound(instance) - trivial);
    const b = second.answer.bound;
    totalBound = round(
      Number.isFinite(b) && b !== null && b !== undefined && acceptedBound === round(acceptedObjective)
        ? b
        : acceptedBound + extra,
    );
  }
  const schedule = finish(p, placements);
  phase = "done";
  best = schedule.objective;
  bound = Math.max(totalBound, schedule.objective);
  report();
  return {
    ...schedule,
    bound: round(Math.max(totalBound, schedule.objective)),
    gap: gapOf(schedule.objective, Math.max(totalBound, schedule.objective)),
    source,
    status: first.answer.status,
    greedyObjective: scorePrepared(p, greedyAll).objective,
    acceptedObjective,
    model: mip.columns.length ? mip.kind : "none",
    elapsedMs: Date.now() - t0,
  };
}
