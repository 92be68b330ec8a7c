/**
 * The large-neighbourhood search's loop (the pieces are in lns.ts): each solver (the LP's worker,
 * and, if asked, a helper worker on the other core) takes the next neighbourhood of the schedule,
 * solves its sub-MIP from the schedule as it was, and the answer is put into the schedule as it is
 * now (kept when valid and better). Neighbourhoods in flight share no slot and no event, so two
 * answers rarely collide. Stops at the target (the schedule within the gap of the proven bound),
 * at the deadline, or when it stalls (`patience` sub-MIPs in a row without a better schedule, the
 * neighbourhoods having grown meanwhile): then the whole MIP takes over.
 */
import {
  allowedColumns,
  type Lagrangian,
  mergeSub,
  type Neighbourhood,
  Neighbourhoods,
  subModel,
} from "./lns.js";
import type { Mip } from "./model.js";
import { objectiveOf } from "./rounding.js";
import type { SubSolver } from "./worker.js";

export interface SearchResult {
  x: Float64Array;
  value: number;
  /** sub-MIPs solved, and those that gave a better schedule */
  solved: number;
  improved: number;
  stalled: boolean;
}

export async function searchNeighbourhoods(o: {
  mip: Mip;
  start: Float64Array;
  lp: ArrayLike<number>;
  lag: Lagrangian;
  solvers: SubSolver[];
  deadline: number;
  /** the objective at which the search may stop (the bound less the target gap) */
  target: number;
  onImprove: (value: number) => void;
  patience?: number;
}): Promise<SearchResult> {
  const { mip, lag } = o;
  let x = o.start;
  let value = objectiveOf(mip, x);
  const hoods = new Neighbourhoods(mip, o.lp, allowedColumns(mip, lag, value));
  const busy: Neighbourhood[] = [];
  const patience = o.patience ?? 40;
  let fails = 0;
  let solved = 0;
  let improved = 0;
  const going = () => value < o.target && fails < patience && o.deadline - Date.now() > 100;
  const run = async (solver: SubSolver) => {
    while (going()) {
      const n = hoods.next(x, busy);
      if (!n) return;
      busy.push(n);
      const answer = await solver.sub(
        subModel(mip, x, n, hoods.eventOf),
        Math.min(2000, o.deadline - Date.now()),
      );
      busy.splice(busy.indexOf(n), 1);
      if (answer.status === "Error" || answer.status === "Stopped") return;
      solved++;
      let better = false;
      const y = answer.colValue ? mergeSub(mip, x, n, hoods.eventOf, answer.colValue) : null;
      if (y) {
        const v = objectiveOf(mip, y);
        if (v > value + 1e-9) {
          x = y;
          value = v;
          better = true;
          improved++;
          // a better incumbent rules out more columns
          hoods.allowed = allowedColumns(mip, lag, value);
          o.onImprove(value);
        }
      }
      fails = better ? 0 : fails + 1;
      hoods.record(n, better, answer.status === "Time limit reached");
    }
  };
  await Promise.all(o.solvers.map(run));
  return { x, value, solved, improved, stalled: fails >= patience };
}
