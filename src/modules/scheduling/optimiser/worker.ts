/**
 * HiGHS (WebAssembly) in a worker thread, so the server keeps answering while it solves. A session
 * answers the LP relaxation first (its duals give a proven bound, its solution guides the rounding
 * in rounding.ts), then, one at a time until told to stop, the sub-MIPs of the large-neighbourhood
 * search (lns.ts: a fresh small model each) and MIPs on the whole model — each from a start, with
 * the columns the LP proves useless fixed. The worker posts progress while a whole MIP runs. A
 * helper worker (`startHelper`) solves sub-MIPs only, on the other core.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { SubMip } from "./lns.js";
import type { Mip } from "./model.js";

// CommonJS, evaluated in the worker (no TypeScript loader or bundle path needed there)
const WORKER = `
const { parentPort, workerData: d } = require("node:worker_threads");
const names = { 7: "Optimal", 8: "Infeasible", 13: "Time limit reached", 17: "Interrupted" };
const peak = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"))[1]) * 1024; } catch (e) { return 0; } };
require(d.highs)().then((highs) => {
  const log = d.verbose ? { [highs.constants.callbackType.logging]: (e) => parentPort.postMessage({ type: "log", text: e.message }) } : {};
  const base = (m) => { m.options.set({ output_flag: Boolean(d.verbose), random_seed: 1 }); if (d.extra) m.options.set(d.extra); };
  // a sub-MIP of the LNS (lns.ts): a fresh small model each time, solved from the start given
  const sub = (m) => {
    const t = m.model;
    const small = highs.createModel({
      numCols: t.numCols, numRows: t.rowLower.length, sense: highs.constants.objectiveSense.maximize, offset: 0,
      colCost: t.colCost, colLower: t.colLower, colUpper: t.colUpper, rowLower: t.rowLower, rowUpper: t.rowUpper, integrality: t.integrality,
      matrix: { format: "csr", numRows: t.rowLower.length, numCols: t.numCols, starts: t.starts, indices: t.indices, values: t.values },
    });
    try {
      base(small);
      small.options.set({ time_limit: m.timeLimit, mip_rel_gap: 0 });
      try { small.setSolution({ colValue: t.start }); } catch (e) {}
      const code = small.run(log).modelStatus;
      parentPort.postMessage({ type: "result", status: names[code] || "HiGHS status " + code, colValue: small.getSolution().colValue, peakRss: peak() });
    } finally { small.dispose(); }
  };
  if (!d.numCols) {
    // a helper: sub-MIPs only
    parentPort.on("message", (m) => {
      if (m.type !== "sub") { parentPort.postMessage({ type: "done", peakRss: peak() }); return parentPort.close(); }
      try { sub(m); } catch (e) { parentPort.postMessage({ type: "result", status: "Error", error: String((e && e.message) || e) }); }
    });
    parentPort.postMessage({ type: "ready" });
    return;
  }
  const model = highs.createModel({
    numCols: d.numCols, numRows: d.rowLower.length, sense: highs.constants.objectiveSense.maximize,
    offset: d.offset, colCost: d.colCost, colLower: d.colLower, colUpper: d.colUpper,
    rowLower: d.rowLower, rowUpper: d.rowUpper,
    matrix: { format: "csr", numRows: d.rowLower.length, numCols: d.numCols, starts: d.starts, indices: d.indices, values: d.values },
  });
  base(model);
  // 1. the LP relaxation, by interior point without crossover: a third faster than with it, and its
  // interior solution rounds better than a vertex; the bound is recomputed from its duals (lns.ts)
  // Presolve finds nothing to remove in a model without fixed columns (model.ts writes no empty,
  // duplicate or dominated rows): measured "not reduced" on every benchmark instance, 0.3–0.6 s saved
  model.options.set({ time_limit: d.lpTimeLimit, solver: "ipm", run_crossover: "off", presolve: d.lpPresolve ? "choose" : "off" });
  const lpCode = model.run(log).modelStatus;
  model.options.set({ solver: "choose", run_crossover: "on", presolve: "choose" });
  const lp = model.getSolution();
  parentPort.postMessage({ type: "lp", status: names[lpCode] || "HiGHS status " + lpCode, optimal: lpCode === 7,
    objective: model.getObjectiveValue(), colValue: lp.colValue, colDual: lp.colDual, rowDual: lp.rowDual });
  let integral = false;
  const finish = () => { model.dispose(); parentPort.postMessage({ type: "done", peakRss: peak() }); parentPort.close(); };
  parentPort.on("message", (m) => {
    if (m.type === "sub") {
      try { sub(m); } catch (e) { parentPort.postMessage({ type: "result", status: "Error", error: String((e && e.message) || e) }); }
      return;
    }
    if (m.type !== "mip") return finish();
    try {
      // 2. a MIP from the best start: some columns fixed at 0 or 1 (the bounds are reset each time)
      const cols = new Float64Array(d.colLower);
      const upper = new Float64Array(d.colUpper);
      for (const j of m.zero) upper[j] = 0;
      for (const j of m.one) cols[j] = 1;
      model.changeColsBounds({ kind: "range", from: 0, to: d.numCols - 1 }, cols, upper);
      if (!integral) model.changeColsIntegrality({ kind: "range", from: 0, to: d.binaries - 1 }, new Int32Array(d.binaries).fill(1));
      integral = true;
      model.options.set({ time_limit: m.timeLimit, mip_rel_gap: m.relGap });
      try { model.setSolution({ colValue: m.start }); } catch (e) {}
      let last = 0;
      const report = (data) => {
        const now = Date.now();
        if (now - last < 200) return;
        last = now;
        if (m.report) parentPort.postMessage({ type: "progress", primal: data.mip_primal_bound, dual: data.mip_dual_bound });
      };
      const cb = highs.constants.callbackType;
      const code = model.run({
        [cb.mipImprovingSolution]: (e) => { last = 0; report(e.data); },
        [cb.mipInterrupt]: (e) => report(e.data),
        ...log,
      }).modelStatus;
      let bound = null;
      try { bound = Number(model.info.get("mip_dual_bound")); } catch (e) {}
      parentPort.postMessage({ type: "result", status: names[code] || "HiGHS status " + code, objective: model.getObjectiveValue(),
        bound, colValue: model.getSolution().colValue, peakRss: peak() });
    } catch (e) {
      parentPort.postMessage({ type: "result", status: "Error", error: String((e && e.message) || e) });
    }
  });
}).catch((e) => parentPort.postMessage({ type: "result", status: "Error", error: String((e && e.message) || e) }));
`;

export interface LpAnswer {
  status: string;
  optimal: boolean;
  objective: number;
  colValue: Float64Array;
  colDual: Float64Array;
  rowDual: Float64Array;
}

export interface MipAnswer {
  status: string;
  objective?: number;
  bound?: number | null;
  colValue?: Float64Array;
  error?: string;
  /** the process's peak resident memory (bytes) when the solve ended, where the system says */
  peakRss?: number;
}

/** Solves sub-MIPs (lns.ts), one at a time; resolves with the MIP's columns and status. */
export interface SubSolver {
  sub(model: SubMip, timeLimitMs: number): Promise<MipAnswer>;
  /** ends the worker; resolves with the process's peak memory */
  stop(): Promise<number>;
}

export interface SolverSession extends SubSolver {
  /** the LP relaxation's answer, or null when the worker failed or ran out of time before */
  lp: Promise<LpAnswer | null>;
  /**
   * the MIP from `start` with the columns in `zero` at 0 and those in `one` at 1 (none: the whole
   * problem); `report` forwards its progress (a sub-MIP's bound is not the problem's)
   */
  mip(
    start: Float64Array,
    fixed: { zero: Int32Array; one: Int32Array },
    timeLimitMs: number,
    relGap: number,
    report: boolean,
  ): Promise<MipAnswer>;
}

type Message =
  | ({ type: "lp" } & LpAnswer)
  | ({ type: "result" } & MipAnswer)
  | { type: "progress"; primal?: number; dual?: number }
  | { type: "log"; text?: string }
  | { type: "ready" }
  | { type: "done"; peakRss?: number };

function spawn(
  workerData: Record<string, unknown>,
  lpTimeLimitMs: number | null,
  onProgress?: (p: number, d: number) => void,
) {
  const highs = createRequire(import.meta.url).resolve("highs");
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      highs,
      verbose: process.env.SCHEDULE_SOLVER_LOG === "1",
      extra: process.env.SCHEDULE_SOLVER_OPTIONS ? JSON.parse(process.env.SCHEDULE_SOLVER_OPTIONS) : null,
      ...workerData,
    },
  });
  let onLp: (a: LpAnswer | null) => void = () => {};
  let onResult: (a: MipAnswer) => void = () => {};
  let onDone: (peak: number) => void = () => {};
  let failed: string | null = null;
  // HiGHS checks its time limit only now and then: past it by 2 s, the worker is ended
  const lp = new Promise<LpAnswer | null>((resolve) => {
    if (lpTimeLimitMs === null) return resolve(null);
    const guard = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, lpTimeLimitMs + 2000);
    onLp = (a) => {
      clearTimeout(guard);
      resolve(a);
    };
  });
  const done = new Promise<number>((resolve) => {
    onDone = resolve;
  });
  worker.on("message", (m: Message) => {
    if (m.type === "log") process.stderr.write(m.text ?? "");
    else if (m.type === "lp") onLp(m);
    else if (m.type === "progress") {
      if (Number.isFinite(m.primal) && Number.isFinite(m.dual)) onProgress?.(m.primal ?? 0, m.dual ?? 0);
    } else if (m.type === "result") {
      onLp(null);
      onResult(m);
    } else if (m.type === "done") {
      onDone(m.peakRss ?? 0);
      void worker.terminate();
    }
  });
  worker.once("error", (error) => {
    failed = error.message;
    onLp(null);
    onResult({ status: "Error", error: error.message });
    onDone(0);
  });
  let exited = false;
  worker.once("exit", () => {
    exited = true;
    onLp(null);
    onResult({ status: failed ? "Error" : "Stopped", ...(failed ? { error: failed } : {}) });
    onDone(0);
  });
  /** posts a request; resolves with its result, or a time-out 2 s past the limit */
  const ask = (message: Record<string, unknown>, timeLimitMs: number) =>
    new Promise<MipAnswer>((resolve) => {
      if (exited) return resolve({ status: "Time limit reached" });
      const guard = setTimeout(() => {
        void worker.terminate();
        resolve({ status: "Time limit reached" });
      }, timeLimitMs + 2000);
      onResult = (a) => {
        clearTimeout(guard);
        resolve(a);
      };
      worker.postMessage({ ...message, timeLimit: Math.max(0.05, timeLimitMs / 1000) });
    });
  return {
    lp,
    ask,
    sub: (model: SubMip, timeLimitMs: number) => ask({ type: "sub", model }, timeLimitMs),
    stop() {
      worker.postMessage({ type: "stop" });
      return done;
    },
  };
}

export function startSolver(
  mip: Mip,
  options: { lpTimeLimitMs: number; onProgress?: (primal: number, dual: number) => void },
): SolverSession {
  const w = spawn(
    {
      numCols: mip.numCols,
      offset: mip.offset,
      colCost: mip.colCost,
      colLower: mip.colLower,
      colUpper: mip.colUpper,
      rowLower: mip.rowLower,
      rowUpper: mip.rowUpper,
      starts: mip.starts,
      indices: mip.indices,
      values: mip.values,
      binaries: mip.columns.length,
      lpPresolve: mip.colLower.some((l) => l > 0),
      lpTimeLimit: Math.max(0.05, options.lpTimeLimitMs / 1000),
    },
    options.lpTimeLimitMs,
    options.onProgress,
  );
  return {
    lp: w.lp,
    sub: w.sub,
    stop: w.stop,
    mip: (start, fixed, timeLimitMs, relGap, report) =>
      w.ask({ type: "mip", start, zero: fixed.zero, one: fixed.one, relGap, report }, timeLimitMs),
  };
}

/** A second worker for sub-MIPs only (the search on both cores, when asked for; the tests). */
export function startHelper(): SubSolver {
  const w = spawn({ numCols: 0 }, null);
  return { sub: w.sub, stop: w.stop };
}
