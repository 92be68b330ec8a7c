/**
 * The last hundredths of a percent: a proven bound from the LP's duals, and a large-neighbourhood
 * search (LNS) that solves small sub-MIPs with HiGHS, on the MIP's own rows (both models).
 *
 * Why: the LP bound of these models is within a few thousandths of a percent of the integer
 * optimum, so a schedule within the target gap (0.01 %) of the LP bound is proven optimal and the
 * whole MIP need not run. Rounding and local search get within 0.03–0.1 %; HiGHS's MIP then spends
 * tens of seconds in its own sub-MIP heuristic for the rest. Measured on the benchmark's instances
 * (four seeds of 300 events in 10 × 30), sub-MIPs of ~600–2,500 columns — every event placed in a
 * few slots, and the events left out, free to move among those slots; all others fixed — take
 * 0.05–0.3 s each and reach the gap in 20–90 (docs/performance.md has the figures).
 *
 * - `lagrangian`: for any row duals y ≥ 0, c·x ≤ Σ y_r u_r + Σ_j max(d_j l_j, d_j u_j) with
 *   d = c − Aᵀy (weak duality): a bound that holds whatever the LP solver's tolerances (interior
 *   point without crossover gives no exact vertex), and reduced costs that go with it.
 * - `allowedColumns`: the columns that can be 1 in a schedule better than the incumbent
 *   (bound + d_j ≥ incumbent); the others are left out of every neighbourhood.
 * - `Neighbourhoods`: slots chosen at random, weighted by how much the incumbent differs from the
 *   LP there, until the sub-MIP has `budget` columns; the budget grows after failures and shrinks
 *   when a sub-MIP runs out of time, so the size adapts to the instance. Drawn from a fixed seed
 *   (the path still depends on which sub-MIPs hit their time limit).
 * - `subModel` / `mergeSub`: the sub-MIP (fixed columns' activity taken off each row's bound, a
 *   penalty column per penalty row it touches) and its answer put back into a full vector.
 */
import { random } from "./generate.js";
import type { Mip } from "./model.js";

export interface Lagrangian {
  bound: number;
  reduced: Float64Array;
}

/** A valid upper bound from row duals (clamped to a dual-feasible sign), and the reduced costs. */
export function lagrangian(mip: Mip, rowDual: ArrayLike<number>): Lagrangian {
  const reduced = Float64Array.from(mip.colCost);
  let bound = mip.offset;
  const penaltyOf = new Map(mip.penaltyRows.map((row, i) => [row, mip.columns.length + i]));
  for (let r = 0; r < mip.rowUpper.length; r++) {
    let y = rowDual[r] ?? 0;
    const hi = mip.rowUpper[r] ?? 0;
    const lo = mip.rowLower[r] ?? 0;
    if (y > 0 && !Number.isFinite(hi)) y = 0;
    if (y < 0 && !Number.isFinite(lo)) y = 0;
    // a penalty column (cost −w, coefficient −1) has d = y − w: keep it ≤ 0, else the bound is ∞
    const pc = penaltyOf.get(r);
    if (pc !== undefined) y = Math.min(y, -(mip.colCost[pc] ?? 0));
    if (y === 0) continue;
    bound += y * (y > 0 ? hi : lo);
    for (let k = mip.starts[r] ?? 0; k < (mip.starts[r + 1] ?? 0); k++) {
      const c = mip.indices[k] ?? 0;
      reduced[c] = (reduced[c] ?? 0) - y * (mip.values[k] ?? 0);
    }
  }
  for (let j = 0; j < mip.numCols; j++) {
    const d = reduced[j] ?? 0;
    const at = d > 0 ? (mip.colUpper[j] ?? 0) : (mip.colLower[j] ?? 0);
    if (d === 0) continue;
    if (!Number.isFinite(at)) return { bound: Number.POSITIVE_INFINITY, reduced };
    bound += d * at;
  }
  return { bound, reduced };
}

/** Binary columns that may be 1 in a schedule better than `incumbent` (1) or not (0). */
export function allowedColumns(mip: Mip, lag: Lagrangian, incumbent: number): Uint8Array {
  const nx = mip.columns.length;
  const margin = 1e-9 * Math.max(1, Math.abs(lag.bound));
  const allowed = new Uint8Array(nx);
  for (let j = 0; j < nx; j++) {
    const d = lag.reduced[j] ?? 0;
    // x_j = 1 where it sits at 0 in the bound costs −d_j
    allowed[j] = d < 0 && (mip.colLower[j] ?? 0) < 0.5 && lag.bound + d < incumbent - margin ? 0 : 1;
  }
  return allowed;
}

/** Whether a 0/1 vector keeps every hard row of the MIP. */
export function feasible(mip: Mip, x: Float64Array): boolean {
  const nx = mip.columns.length;
  const penalty = new Set(mip.penaltyRows);
  for (let j = 0; j < nx; j++) if ((mip.colLower[j] ?? 0) > 0.5 && (x[j] ?? 0) < 0.5) return false;
  for (let r = 0; r < mip.rowUpper.length; r++) {
    if (penalty.has(r)) continue;
    let act = 0;
    for (let k = mip.starts[r] ?? 0; k < (mip.starts[r + 1] ?? 0); k++) {
      const c = mip.indices[k] ?? 0;
      if (c < nx && (x[c] ?? 0) > 0.5) act += mip.values[k] ?? 0;
    }
    if (act > (mip.rowUpper[r] ?? 0) + 1e-9 || act < (mip.rowLower[r] ?? 0) - 1e-9) return false;
  }
  return true;
}

/** A small MIP for HiGHS (maximise), as arrays. */
export interface SubMip {
  numCols: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  start: Float64Array;
}

/** A neighbourhood: the events set free and the binary columns they may take (F, in order). */
export interface Neighbourhood {
  slots: Set<string>;
  events: Set<number>;
  columns: number[];
}

/** The sub-MIP of a neighbourhood around the 0/1 vector x. */
export function subModel(mip: Mip, x: Float64Array, n: Neighbourhood, eventOf: Int32Array): SubMip {
  const nx = mip.columns.length;
  const F = n.columns;
  const inF = new Map(F.map((j, i) => [j, i]));
  const rowSet = new Set<number>();
  const byCol = columnRows(mip);
  for (const j of F) for (const r of byCol[j] ?? []) rowSet.add(r);
  const rows = [...rowSet].sort((a, b) => a - b);
  const penaltyOf = new Map(mip.penaltyRows.map((row, i) => [row, nx + i]));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const penaltyCost: number[] = [];
  for (const r of rows) {
    let fixed = 0;
    for (let k = mip.starts[r] ?? 0; k < (mip.starts[r + 1] ?? 0); k++) {
      const c = mip.indices[k] ?? 0;
      if (c >= nx) continue;
      const i = inF.get(c);
      if (i !== undefined) {
        indices.push(i);
        values.push(mip.values[k] ?? 0);
      } else if ((x[c] ?? 0) > 0.5 && !n.events.has(eventOf[c] ?? -1)) fixed += mip.values[k] ?? 0;
    }
    const pc = penaltyOf.get(r);
    if (pc !== undefined) {
      indices.push(F.length + penaltyCost.length);
      values.push(-1);
      penaltyCost.push(mip.colCost[pc] ?? 0);
    }
    starts.push(indices.length);
    lower.push((mip.rowLower[r] ?? 0) - fixed);
    upper.push((mip.rowUpper[r] ?? 0) - fixed);
  }
  const numCols = F.length + penaltyCost.length;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Number.POSITIVE_INFINITY);
  const integrality = new Int32Array(numCols);
  const start = new Float64Array(numCols);
  F.forEach((j, i) => {
    colCost[i] = mip.colCost[j] ?? 0;
    colLower[i] = mip.colLower[j] ?? 0;
    colUpper[i] = 1;
    integrality[i] = 1;
    start[i] = (x[j] ?? 0) > 0.5 ? 1 : 0;
  });
  penaltyCost.forEach((c, i) => {
    colCost[F.length + i] = c;
  });
  // the start's penalty columns: what its rows exceed
  rows.forEach((_, ri) => {
    let act = 0;
    let pc = -1;
    for (let k = starts[ri] ?? 0; k < (starts[ri + 1] ?? 0); k++) {
      const c = indices[k] ?? 0;
      if (c >= F.length) pc = c;
      else act += (values[k] ?? 0) * (start[c] ?? 0);
    }
    if (pc >= 0) start[pc] = Math.max(0, act - (upper[ri] ?? 0));
  });
  return {
    numCols,
    colCost,
    colLower,
    colUpper,
    integrality,
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    start,
  };
}

const rowsOfColumn = new WeakMap<Mip, number[][]>();
function columnRows(mip: Mip): number[][] {
  let out = rowsOfColumn.get(mip);
  if (!out) {
    const nx = mip.columns.length;
    const built: number[][] = Array.from({ length: nx }, () => []);
    for (let r = 0; r < mip.rowUpper.length; r++)
      for (let k = mip.starts[r] ?? 0; k < (mip.starts[r + 1] ?? 0); k++) {
        const c = mip.indices[k] ?? 0;
        if (c < nx) built[c]?.push(r);
      }
    rowsOfColumn.set(mip, built);
    out = built;
  }
  return out;
}

/**
 * The sub-MIP's answer in `current` (a copy): the neighbourhood's events take the columns it chose;
 * null when that breaks a hard row (another neighbourhood changed the schedule meanwhile).
 */
export function mergeSub(
  mip: Mip,
  current: Float64Array,
  n: Neighbourhood,
  eventOf: Int32Array,
  values: ArrayLike<number>,
): Float64Array | null {
  const nx = mip.columns.length;
  const y = Float64Array.from(current);
  for (let j = 0; j < nx; j++) if (n.events.has(eventOf[j] ?? -1)) y[j] = 0;
  n.columns.forEach((j, i) => {
    if ((values[i] ?? 0) > 0.5) y[j] = 1;
  });
  return feasible(mip, y) ? y : null;
}

const keyOf = (n: Neighbourhood) => n.columns.join(",");

/** Chooses neighbourhoods of about `budget` columns (see the file's comment). */
export class Neighbourhoods {
  readonly eventOf: Int32Array;
  budget: number;
  private readonly slotOf: string[];
  private readonly bySlot = new Map<string, number[]>();
  private readonly byEvent = new Map<number, number[]>();
  private turn = 0;
  private readonly tried = new Set<string>();
  private readonly rng = random(1);
  private fails = 0;
  private readonly fixedEvents = new Set<number>();

  constructor(
    private readonly mip: Mip,
    private readonly lp: ArrayLike<number>,
    public allowed: Uint8Array,
    budget = 600,
  ) {
    const ids = new Map<string, number>();
    this.eventOf = Int32Array.from(mip.columns, (c) => {
      const known = ids.get(c.eventId);
      if (known !== undefined) return known;
      ids.set(c.eventId, ids.size);
      return ids.size - 1;
    });
    this.slotOf = mip.columns.map((c) => c.slotId);
    this.slotOf.forEach((s, j) => {
      const list = this.bySlot.get(s);
      if (list) list.push(j);
      else this.bySlot.set(s, [j]);
      const e = this.eventOf[j] ?? -1;
      const mine = this.byEvent.get(e);
      if (mine) mine.push(j);
      else this.byEvent.set(e, [j]);
      if ((mip.colLower[j] ?? 0) > 0.5) this.fixedEvents.add(e);
    });
    this.budget = budget;
  }

  /**
   * the next neighbourhood around x, avoiding the slots and events of those still being solved and
   * those that already failed around this schedule (heavy slots would otherwise be drawn again and
   * again once the neighbourhoods are large)
   */
  next(x: Float64Array, busy: Neighbourhood[] = []): Neighbourhood | null {
    let n = this.draw(x, busy);
    for (let k = 0; n && this.tried.has(keyOf(n)) && k < 20; k++) n = this.draw(x, busy);
    return n;
  }

  private draw(x: Float64Array, busy: Neighbourhood[]): Neighbourhood | null {
    const nx = this.mip.columns.length;
    const placedIn = new Map<number, string>();
    const slotWeight = new Map<string, number>();
    const eventWeight = new Map<number, number>();
    const usable = (j: number) => Boolean(this.allowed[j] ?? 1) || (x[j] ?? 0) > 0.5;
    let open = 0;
    for (let j = 0; j < nx; j++) {
      const on = (x[j] ?? 0) > 0.5;
      const e = this.eventOf[j] ?? -1;
      const s = this.slotOf[j] ?? "";
      if (on) placedIn.set(e, s);
      if (usable(j)) open++;
      const off = Math.abs((on ? 1 : 0) - (this.lp[j] ?? 0));
      slotWeight.set(s, (slotWeight.get(s) ?? 0.5) + off);
      eventWeight.set(e, (eventWeight.get(e) ?? 0.5) + off);
    }
    // at most half of what is open: neighbourhoods stay different from one another
    const budget = Math.min(this.budget, Math.ceil(open / 2));
    const taken = new Set(busy.flatMap((b) => [...b.slots]));
    const takenEvents = new Set(busy.flatMap((b) => [...b.events]));
    // weighted order without replacement: smallest Exp(1)/w first
    const ordered = <T>(w: Map<T, number>, skip: (k: T) => boolean) =>
      [...w]
        .filter(([k]) => !skip(k))
        .map(([k, v]) => [k, -Math.log(1 - this.rng.next()) / v] as const)
        .sort((a, b) => a[1] - b[1])
        .map(([k]) => k);
    const slots = new Set<string>();
    let columns: number[] = [];
    const blocked = (e: number) => this.fixedEvents.has(e) || takenEvents.has(e);
    if (this.budget >= open / 2 && this.turn++ % 2 === 1) {
      // once slots alone would free half of what is open, every other time: events (weighted the
      // same way), each free to take any column open to it — by then the incumbent is close to
      // the bound and its reduced costs leave each event only a few columns
      const chosen = new Set<number>();
      for (const e of ordered(eventWeight, blocked)) {
        if (columns.length >= budget) break;
        chosen.add(e);
        for (const j of this.byEvent.get(e) ?? []) if (usable(j)) columns.push(j);
      }
    } else {
      const isFree = (e: number) => {
        if (blocked(e)) return false;
        const at = placedIn.get(e);
        return at === undefined || slots.has(at);
      };
      for (const s of ordered(slotWeight, (k) => taken.has(k))) {
        if (columns.length >= budget) break;
        slots.add(s);
        columns = [];
        for (const t of slots)
          for (const j of this.bySlot.get(t) ?? [])
            if (isFree(this.eventOf[j] ?? -1) && usable(j)) columns.push(j);
      }
    }
    if (!columns.length) return null;
    const events = new Set(columns.map((j) => this.eventOf[j] ?? -1));
    // an event placed outside the slots is not free: its column there stays as it is
    return { slots, events, columns: columns.sort((a, b) => a - b) };
  }

  /** after a sub-MIP: grow the neighbourhoods after three failures, shrink after a time-out */
  record(n: Neighbourhood, improved: boolean, timedOut: boolean): void {
    if (improved) this.tried.clear();
    else if (!timedOut) this.tried.add(keyOf(n));
    if (timedOut) this.budget = Math.max(100, Math.round(this.budget / 1.5));
    if (improved) this.fails = 0;
    else if (++this.fails >= 3) {
      this.budget = Math.min(this.mip.columns.length, Math.round(this.budget * 1.25));
      this.fails = 0;
    }
  }
}

/** x with each penalty column at what its row exceeds (a valid start for the whole MIP). */
export function withPenalties(mip: Mip, x: Float64Array): Float64Array {
  const nx = mip.columns.length;
  const y = Float64Array.from(x);
  mip.penaltyRows.forEach((row, i) => {
    let act = 0;
    for (let k = mip.starts[row] ?? 0; k < (mip.starts[row + 1] ?? 0); k++) {
      const c = mip.indices[k] ?? 0;
      if (c < nx && (y[c] ?? 0) > 0.5) act += mip.values[k] ?? 0;
    }
    y[nx + i] = Math.max(0, act - (mip.rowUpper[row] ?? 0));
  });
  return y;
}
