/**
 * Runs one MIP with HiGHS (WebAssembly) in a worker thread, so the server keeps answering while it
 * solves. The worker starts from the given vector (greedy's placement), posts progress (incumbent,
 * proven bound) as HiGHS finds it, and answers with the best vector, the status and the bound.
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
    rowLower: d.rowLower, rowUpper: d.rowUpper, integrality: d.integrality,
    matrix: { format: "csr", numRows: d.rowLower.length, numCols: d.numCols, starts: d.starts, indices: d.indices, values: d.values },
  });
  try {
    model.options.set({ output_flag: false, time_limit: d.timeLimit, mip_rel_gap: d.relGap, random_seed: 1 });
    try { model.setSolution({ colValue: d.start }); } catch (e) {}
    let last = 0;
    const report = (data) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      parentPort.postMessage({ type: "progress", primal: data.mip_primal_bound, dual: data.mip_dual_bound });
    };
    const cb = highs.constants.callbackType;
    const code = model.run({
      [cb.mipImprovingSolution]: (e) => { last = 0; report(e.data); },
      [cb.mipInterrupt]: (e) => report(e.data),
    }).modelStatus;
    let bound = null;
    try { bound = Number(model.info.get("mip_dual_bound")); } catch (e) {}
    const colValue = model.getSolution().colValue;
    parentPort.postMessage({ type: "result", status: names[code] || "HiGHS status " + code, objective: model.getObjectiveValue(), bound, colValue, peakRss: peak() });
  } finally {
    model.dispose();
  }
}).catch((e) => parentPort.postMessage({ type: "result", status: "Error", error: String((e && e.message) || e) }));
`;

export interface MipAnswer {
  status: string;
  objective?: number;
  bound?: number | null;
  colValue?: Float64Array;
  error?: string;
  /** the process's peak resident memory (bytes) when the solve ended, where the system says */
  peakRss?: number;
}

export function runMip(
  mip: Mip,
  start: Float64Array,
  options: { timeLimitMs: number; relGap: number; onProgress?: (primal: number, dual: number) => void },
): Promise<MipAnswer> {
  const highs = createRequire(import.meta.url).resolve("highs");
  const workerData = {
    highs,
    numCols: mip.numCols,
    offset: mip.offset,
    colCost: mip.colCost,
    colLower: mip.colLower,
    colUpper: mip.colUpper,
    integrality: mip.integrality,
    rowLower: mip.rowLower,
    rowUpper: mip.rowUpper,
    starts: mip.starts,
    indices: mip.indices,
    values: mip.values,
    start,
    timeLimit: Math.max(0.05, options.timeLimitMs / 1000),
    relGap: options.relGap,
  };
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    const guard = setTimeout(() => {
      void worker.terminate();
      resolve({ status: "Time limit reached" });
    }, options.timeLimitMs + 15_000);
    worker.on("message", (m: { type: string; primal?: number; dual?: number } & MipAnswer) => {
      if (m.type === "progress") {
        if (Number.isFinite(m.primal) && Number.isFinite(m.dual))
          options.onProgress?.(m.primal ?? 0, m.dual ?? 0);
        return;
      }
      clearTimeout(guard);
      void worker.terminate();
      resolve(m);
    });
    worker.once("error", (error) => {
      clearTimeout(guard);
      resolve({ status: "Error", error: error.message });
    });
  });
}
