/**
 * HiGHS (WebAssembly) in a worker thread, so the server keeps answering while it solves. A session
 * answers the LP relaxation first (its optimum is a proven bound, its solution guides the rounding
 * in rounding.ts), then as many MIPs as asked on the same model — each from a start, with some
 * columns fixed (a small neighbourhood of the LP, or the columns the LP proves useless) — until
 * told to stop. The worker posts progress (incumbent, proven bound) while a MIP runs.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Mip } from "./model.js";

// CommonJS, evaluated in the worker (no TypeScript loader or bundle path needed there)
const WORKER = `
const { parentPort, workerData: d } = require("node:worker_threads");
const names = { 7: "Optimal", 8: "Infeasible", 13: "Time limit reached", 17: "Interrupted" };
const peak = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"))[1]) * 1024; } catch (e) { return 0; } };
require(d.highs)().then((highs) => {
  const model = highs.createModel({
    numCols: d.numCols, numRows: d.rowLower.length, sense: highs.constants.objectiveSense.maximize,
    offset: d.offset, colCost: d.colCost, colLower: d.colLower, colUpper: d.colUpper,
    rowLower: d.rowLower, rowUpper: d.rowUpper,
    matrix: { format: "csr", numRows: d.rowLower.length, numCols: d.numCols, starts: d.starts, indices: d.indices, values: d.values },
  });
  const log = d.verbose ? { [highs.constants.callbackType.logging]: (e) => parentPort.postMessage({ type: "log", text: e.message }) } : {};
  model.options.set({ output_flag: Boolean(d.verbose), random_seed: 1 });
  if (d.extra) model.options.set(d.extra);
  // 1. the LP relaxation
  // interior point (with crossover, for a basic solution and reduced costs): faster here than simplex
  model.options.set({ time_limit: d.lpTimeLimit, solver: "ipm" });
  const lpCode = model.run(log).modelStatus;
  model.options.set({ solver: "choose" });
  const lp = model.getSolution();
  parentPort.postMessage({ type: "lp", status: names[lpCode] || "HiGHS status " + lpCode, optimal: lpCode === 7,
    objective: model.getObjectiveValue(), colValue: lp.colValue, colDual: lp.colDual });
  let integral = false;
  const finish = () => { model.dispose(); parentPort.postMessage({ type: "done", peakRss: peak() }); parentPort.close(); };
  parentPort.on("message", (m) => {
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

export interface SolverSession {
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
  /** ends the worker without a MIP; resolves with the process's peak memory */
  stop(): Promise<number>;
}

type Message =
  | ({ type: "lp" } & LpAnswer)
  | ({ type: "result" } & MipAnswer)
  | { type: "progress"; primal?: number; dual?: number }
  | { type: "log"; text?: string }
  | { type: "done"; peakRss?: number };

export function startSolver(
  mip: Mip,
  options: { lpTimeLimitMs: number; onProgress?: (primal: number, dual: number) => void },
): SolverSession {
  const highs = createRequire(import.meta.url).resolve("highs");
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      highs,
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
      lpTimeLimit: Math.max(0.05, options.lpTimeLimitMs / 1000),
      verbose: process.env.SCHEDULE_SOLVER_LOG === "1",
      extra: process.env.SCHEDULE_SOLVER_OPTIONS ? JSON.parse(process.env.SCHEDULE_SOLVER_OPTIONS) : null,
    },
  });
  let onLp: (a: LpAnswer | null) => void = () => {};
  let onResult: (a: MipAnswer) => void = () => {};
  let onDone: (peak: number) => void = () => {};
  let failed: string | null = null;
  // HiGHS checks its time limit only now and then: past it by 2 s, the worker is ended
  const lp = new Promise<LpAnswer | null>((resolve) => {
    const guard = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, options.lpTimeLimitMs + 2000);
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
      if (Number.isFinite(m.primal) && Number.isFinite(m.dual))
        options.onProgress?.(m.primal ?? 0, m.dual ?? 0);
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
  return {
    lp,
    mip(start, fixed, timeLimitMs, relGap, report) {
      return new Promise<MipAnswer>((resolve) => {
        if (exited) return resolve({ status: "Time limit reached" });
        const guard = setTimeout(() => {
          void worker.terminate();
          resolve({ status: "Time limit reached" });
        }, timeLimitMs + 2000);
        onResult = (a) => {
          clearTimeout(guard);
          resolve(a);
        };
        worker.postMessage({
          type: "mip",
          start,
          zero: fixed.zero,
          one: fixed.one,
          timeLimit: Math.max(0.05, timeLimitMs / 1000),
          relGap,
          report,
        });
      });
    },
    stop() {
      worker.postMessage({ type: "stop" });
      return done;
    },
  };
}
