/**
 * Runs HiGHS (WebAssembly) on a scheduling instance in a worker thread, so the server keeps
 * answering while it solves; greedy is computed first and kept whenever the solver does not
 * return something at least as good (or fails, or runs out of time without a solution).
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import {
  best,
  buildLp,
  greedy,
  type Instance,
  type OptimiseResult,
  readLpSolution,
} from "./scheduling.optimiser.js";

// CommonJS, evaluated in the worker: loads highs from its resolved path, reads the LP text, starts
// from greedy's placement (a sparse start HiGHS completes), solves, and reports the proven bound.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const names = { 7: "Optimal", 8: "Infeasible", 13: "Time limit reached", 17: "Interrupted" };
require(workerData.highs)().then((highs) => {
  const model = highs.createModel({ format: "lp", data: workerData.lp });
  try {
    model.options.set({ output_flag: false, time_limit: workerData.timeLimit, mip_rel_gap: 1e-6 });
    if (workerData.start.length) {
      try {
        model.setSolution({
          indices: workerData.start.map((name) => model.getColByName(name)),
          values: workerData.start.map(() => 1),
        });
      } catch (e) {}
    }
    const code = model.run().modelStatus;
    const n = model.getDimensions().numCols;
    const sol = model.getSolution().colValue;
    const values = {};
    for (let i = 0; i < n; i++) values[model.getColName(i)] = sol[i];
    let bound = null;
    try { bound = Number(model.info.get("mip_dual_bound")); } catch (e) {}
    parentPort.postMessage({ status: names[code] || "HiGHS status " + code, objective: model.getObjectiveValue(), bound, values });
  } finally {
    model.dispose();
  }
}).catch((e) => parentPort.postMessage({ status: "Error", error: String((e && e.message) || e) }));
`;

interface WorkerAnswer {
  status: string;
  objective?: number;
  bound?: number | null;
  values?: Record<string, number>;
  error?: string;
}

function runWorker(lp: string, timeLimit: number, start: string[]): Promise<WorkerAnswer> {
  const highs = createRequire(import.meta.url).resolve("highs");
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { lp, timeLimit, highs, start } });
    const guard = setTimeout(
      () => {
        void worker.terminate();
        resolve({ status: "Time limit reached" });
      },
      (timeLimit + 10) * 1000,
    );
    worker.once("message", (answer: WorkerAnswer) => {
      clearTimeout(guard);
      void worker.terminate();
      resolve(answer);
    });
    worker.once("error", (error) => {
      clearTimeout(guard);
      resolve({ status: "Error", error: error.message });
    });
  });
}

/** Greedy, then HiGHS from the same model; the better valid schedule, with bound and gap. */
export async function optimise(
  instance: Instance,
  options: { timeLimit?: number } = {},
): Promise<OptimiseResult> {
  const baseline = greedy(instance);
  const model = buildLp(instance);
  if (model.columns.size === 0)
    return best(instance, baseline, { placements: [], bound: 0, status: "Optimal" });
  const key = (p: { eventId: string; roomId: string; slotId: string }) =>
    `${p.eventId}|${p.roomId}|${p.slotId}`;
  const byCell = new Map([...model.columns].map(([name, p]) => [key(p), name]));
  const start = baseline.placements.flatMap((p) => byCell.get(key(p)) ?? []);
  const answer = await runWorker(model.lp, options.timeLimit ?? 30, start);
  const placements = answer.values ? readLpSolution(model, answer.values) : null;
  const bound =
    answer.status === "Optimal" && answer.objective !== undefined
      ? answer.objective
      : answer.bound !== undefined && answer.bound !== null && Number.isFinite(answer.bound)
        ? answer.bound
        : null;
  return best(instance, baseline, { placements, bound, status: answer.status });
}
