/**
 * The optimiser: greedy first (the baseline and the starting point), then HiGHS in worker threads
 * on the slots model (rooms counted per slot, assigned afterwards): the LP's bound, its rounding,
 * sub-MIPs around the best schedule until it is within the gap of the bound, the whole MIP only if
 * they stall; then — when the instance has wait-listed events — a second solve that only fills
 * what the accepted events leave free, their slots fixed. The accepted events' schedule is never worse than greedy's: the solver's answer is
 * kept only when it is valid and at least as good. Progress goes to `onProgress` as it comes.
 */
import { greedyPlacements } from "./optimiser/greedy.js";
import { type Placement, type Prepared, round } from "./optimiser/instance.js";
import { allowedColumns, lagrangian, withPenalties } from "./optimiser/lns.js";
import { buildModel, type Mip, startVector } from "./optimiser/model.js";
import { scorePrepared } from "./optimiser/objective.js";
import { assignRooms } from "./optimiser/rooms.js";
import { improveAsync, objectiveOf, roundLp } from "./optimiser/rounding.js";
import { searchNeighbourhoods } from "./optimiser/search.js";
import { type MipAnswer, type SubSolver, startHelper, startSolver } from "./optimiser/worker.js";
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
  /**
   * sub-MIPs on a second worker too (default false: measured slower — neighbourhoods in flight
   * must not share slots or events, which makes them smaller and alike; and not reproducible)
   */
  parallel?: boolean;
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
 * Solves one phase: the LP relaxation (its duals a proven bound), its rounding and greedy's start
 * improved by local search, then the large-neighbourhood search (sub-MIPs) until the
 * schedule is within the gap of the bound — proven optimal, the whole MIP never runs — and only if
 * that stalls, the whole MIP from the best schedule, with the columns the LP rules out fixed.
 * The placements it proposes (rooms assigned), status and bound.
 */
async function solvePhase(
  p: Prepared,
  mip: Mip,
  start: Placement[],
  deadline: number,
  relGap: number,
  trivialBound: number,
  progress: (objective: number, bound: number) => void,
  parallel: boolean,
): Promise<{ placements: Placement[] | null; status: string; bound: number | null; peakRss: number }> {
  if (mip.columns.length === 0)
    return { placements: [...p.pins], status: "Optimal", bound: mip.offset, peakRss: 0 };
  const left = () => Math.max(50, deadline - Date.now());
  const session = startSolver(mip, { lpTimeLimitMs: left() * 0.8, onProgress: progress });
  let x = startVector(mip, start);
  // while the worker solves the LP: greedy's start improved by local search (until the LP is there)
  let lpThere = false;
  void session.lp.then((answer) => {
    lpThere = answer !== null;
  });
  x = await improveAsync(mip, x, Date.now() + Math.min(3000, left() * 0.05), () => lpThere);
  let value = objectiveOf(mip, x);
  progress(value, trivialBound);
  const lp = await session.lp;
  // the bound from the LP's duals (valid whatever the interior point's tolerances)
  const lag = lp?.optimal ? lagrangian(mip, lp.rowDual) : null;
  let bound: number | null = lag && Number.isFinite(lag.bound) ? lag.bound : null;
  const within = () => bound !== null && gapOf(value, bound) <= relGap;
  // the helper worker loads HiGHS while the LP is rounded (if the search will need it)
  const helper: SubSolver | null = parallel && lp?.optimal && !within() ? startHelper() : null;
  if (lp?.optimal) {
    // the LP's rounding improved by local search, if better than greedy's
    const candidate = await improveAsync(
      mip,
      roundLp(mip, lp.colValue),
      Date.now() + Math.min(5000, left() * 0.1),
    );
    const candidateValue = objectiveOf(mip, candidate);
    if (candidateValue > value) {
      x = candidate;
      value = candidateValue;
    }
    progress(value, bound ?? value);
  }
  if (!within() && lp?.optimal && lag && bound !== null) {
    // the last hundredths of a percent: sub-MIPs around the best schedule (lns.ts, search.ts)
    const target = bound - relGap * Math.abs(bound);
    const found = await searchNeighbourhoods({
      mip,
      start: x,
      lp: lp.colValue,
      lag,
      solvers: helper ? [session, helper] : [session],
      deadline: deadline - Math.min(5000, left() * 0.1),
      target,
      onImprove: (v) => progress(v, bound ?? v),
    });
    if (found.value > value) {
      x = found.x;
      value = found.value;
    }
  }
  let status = "Optimal";
  const accept = (answer: MipAnswer) => {
    if (answer.colValue && objectiveOf(mip, answer.colValue) > value + 1e-9) {
      x = answer.colValue;
      value = objectiveOf(mip, x);
      progress(value, bound ?? value);
    }
  };
  if (!within()) {
    // the whole problem, without the columns the LP's duals prove cannot beat the incumbent
    const zero = lag ? fixedAtZero(allowedColumns(mip, lag, value)) : new Int32Array();
    const answer = await session.mip(
      withPenalties(mip, x),
      { zero, one: new Int32Array() },
      left(),
      relGap,
      true,
    );
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
  const peakRss = Math.max(await session.stop(), helper ? await helper.stop() : 0);
  const chosen = mip.columns.filter((_, j) => (x[j] ?? 0) > 0.5);
  const placements =
    mip.kind === "cells"
      ? [...p.pins, ...chosen.map((c) => ({ eventId: c.eventId, slotId: c.slotId, roomId: c.roomId ?? "" }))]
      : assignRooms(p, chosen);
  return { placements, status, bound, peakRss };
}

const fixedAtZero = (allowed: Uint8Array) => {
  const out: number[] = [];
  allowed.forEach((a, j) => {
    if (!a) out.push(j);
  });
  return Int32Array.from(out);
};

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
    options.parallel === true,
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
      options.parallel === true,
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
    // their schedule is proven optimal (within the gap: what it may still lack is added);
    // otherwise every wait-listed event at its best on top
    const extra = Math.max(0, upperBound(instance) - trivial);
    const provenAccepted = acceptedBound - acceptedObjective <= relGap * Math.abs(acceptedBound) + 1e-9;
    totalBound = round(
      second.bound !== null && provenAccepted
        ? second.bound + (acceptedBound - acceptedObjective)
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
