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
import { fixByReducedCost, improveAsync, objectiveOf, roundLp } from "./optimiser/rounding.js";
import { type MipAnswer, startSolver } from "./optimiser/worker.js";
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
  /** stop once the proven relative gap is at most this (default 1e-4, HiGHS's own for optimal) */
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

/**
 * Solves one phase: the LP relaxation (a proven bound), its rounding and greedy's start improved by
 * local search (often within the gap: then done), else the MIP from the better of them, with the
 * columns the LP rules out fixed. The placements it proposes (rooms assigned), status and bound.
 */
async function solvePhase(
  p: Prepared,
  mip: Mip,
  start: Placement[],
  deadline: number,
  relGap: number,
  trivialBound: number,
  progress: (objective: number, bound: number) => void,
): Promise<{ placements: Placement[] | null; status: string; bound: number | null; peakRss: number }> {
  if (mip.columns.length === 0)
    return { placements: [...p.pins], status: "Optimal", bound: mip.offset, peakRss: 0 };
  const left = () => Math.max(50, deadline - Date.now());
  const session = startSolver(mip, { lpTimeLimitMs: left() * 0.8, onProgress: progress });
  let x = startVector(mip, start);
  // while the worker solves the LP: greedy's start improved by local search
  x = await improveAsync(mip, x, Date.now() + Math.min(3000, left() * 0.05));
  let value = objectiveOf(mip, x);
  progress(value, trivialBound);
  const lp = await session.lp;
  let bound: number | null = lp?.optimal ? lp.objective : null;
  if (lp?.optimal) {
    // the LP's rounding and greedy's placement, each improved by local search: the better one
    const until = Date.now() + Math.min(5000, left() * 0.1);
    for (const from of [roundLp(mip, lp.colValue)]) {
      const candidate = await improveAsync(mip, from, until);
      const candidateValue = objectiveOf(mip, candidate);
      if (candidateValue > value) {
        x = candidate;
        value = candidateValue;
      }
    }
    progress(value, lp.objective);
  }
  let status = "Optimal";
  const accept = (answer: MipAnswer) => {
    if (answer.colValue && objectiveOf(mip, answer.colValue) > value + 1e-9) {
      x = answer.colValue;
      value = objectiveOf(mip, x);
      progress(value, bound ?? value);
    }
  };
  const within = () => bound !== null && gapOf(value, bound) <= relGap;
  if (!within()) {
    // the whole problem, without the columns the LP proves cannot beat the incumbent
    const zero = lp?.optimal
      ? fixByReducedCost(mip, lp.objective, lp.colValue, lp.colDual, value)
      : new Int32Array();
    const answer = await session.mip(x, { zero, one: new Int32Array() }, left(), relGap, true);
    status = answer.status;
    accept(answer);
    // columns fixed by reduced cost cannot beat the incumbent: the MIP's bound holds for the rest
    const mipBound =
      answer.bound !== null && answer.bound !== undefined && Number.isFinite(answer.bound)
        ? Math.max(answer.bound, value)
        : null;
    bound = bound === null ? mipBound : mipBound === null ? bound : Math.min(bound, mipBound);
    if (status !== "Optimal" && within()) status = "Optimal";
  }
  const peakRss = await session.stop();
  const chosen = mip.columns.filter((_, j) => (x[j] ?? 0) > 0.5);
  const placements =
    mip.kind === "cells"
      ? [...p.pins, ...chosen.map((c) => ({ eventId: c.eventId, slotId: c.slotId, roomId: c.roomId ?? "" }))]
      : assignRooms(p, chosen);
  return { placements, status, bound, peakRss };
}

/** Greedy, then HiGHS; the better valid schedule, with bound, gap and each event's share. */
export async function optimise(
  instance: Instance,
  options: OptimiseOptions = {},
  stats?: SolveStats,
): Promise<OptimiseResult> {
  const t0 = Date.now();
  const limit = options.timeLimitMs ?? (options.timeLimit !== undefined ? options.timeLimit * 1000 : 60_000);
  const relGap = options.gap ?? 1e-4;
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
  const hasOptional = instance.events.some((e) => e.optional);
  const greedyAll = greedyPlacements(p);
  const greedyAccepted = greedyAll.filter((x) => !isOptional(x.eventId));
  const greedyValue = acceptedPart(p, greedyAccepted);
  const trivial = upperBound(instance, (optional) => !optional);
  best = greedyValue;
  bound = trivial;

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
  const first = await solvePhase(
    p,
    mip,
    greedyAccepted,
    // what comes after (rooms, reasons, the wait-list) needs a moment of the limit too
    t0 + (hasOptional ? 0.8 : 0.96) * limit - 200,
    relGap,
    trivial,
    (o, b) => {
      best = best === null ? o : Math.max(best, o);
      bound = b;
      report();
    },
  );
  if (stats) stats.peakRss = Math.max(stats.peakRss, first.peakRss);
  phase = "rooms";
  let accepted = greedyAccepted;
  let source: "greedy" | "highs" = "greedy";
  if (
    first.placements &&
    acceptable(p, first.placements) &&
    acceptedPart(p, first.placements) >= greedyValue - 1e-9
  ) {
    accepted = first.placements;
    source = "highs";
  }
  const acceptedObjective = acceptedPart(p, accepted);
  const acceptedBound = round(Math.max(acceptedObjective, Math.min(first.bound ?? trivial, trivial)));
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
    const fixed = new Map(accepted.filter((x) => !p.pins.includes(x)).map((x) => [x.eventId, x.slotId]));
    const mip2 = buildModel(p, { fixed, kind: options.model });
    const second = await solvePhase(
      p,
      mip2,
      fill,
      Math.max(t0 + limit, Date.now() + 1000),
      relGap,
      Number.POSITIVE_INFINITY,
      () => {},
    );
    if (stats) stats.peakRss = Math.max(stats.peakRss, second.peakRss);
    const kept = (x: Placement[]) =>
      accepted.every((a) => x.some((b) => b.eventId === a.eventId && b.slotId === a.slotId));
    if (
      second.placements &&
      acceptable(p, second.placements) &&
      kept(second.placements) &&
      scorePrepared(p, second.placements).objective >= scorePrepared(p, fill).objective - 1e-9
    )
      placements = second.placements;
    // the fill's bound holds for the accepted events as placed: a bound of the whole only when
    // their schedule is proven optimal; otherwise every wait-listed event at its best on top
    const extra = Math.max(0, upperBound(instance) - trivial);
    totalBound = round(
      second.bound !== null && acceptedBound <= acceptedObjective + 1e-9
        ? second.bound
        : acceptedBound + extra,
    );
  }
  const schedule = finish(p, placements);
  const finalBound = round(Math.max(totalBound, schedule.objective));
  phase = "done";
  best = schedule.objective;
  bound = finalBound;
  report();
  return {
    ...schedule,
    bound: finalBound,
    gap: gapOf(schedule.objective, finalBound),
    source,
    status: first.status,
    greedyObjective: scorePrepared(p, greedyAll).objective,
    acceptedObjective,
    model: mip.columns.length ? mip.kind : "none",
    elapsedMs: Date.now() - t0,
  };
}
