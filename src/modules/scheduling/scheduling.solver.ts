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

// CommonJS, evaluated in the worker: loads highs from its resolved path and solves the LP text.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
require(workerData.highs)().then((highs) => {
  const r = highs.solve(workerData.lp, {
    output_flag: false,
    time_limit: workerData.timeLimit,
    mip_rel_gap: 1e-6,
  });
  const values = {};
  for (const [name, c] of Object.entries(r.Columns || {})) values[name] = c.Primal;
  parentPort.postMessage({ status: r.Status, objective: r.ObjectiveValue, values });
}).catch((e) => parentPort.postMessage({ status: "Error", error: String(e && e.message || e) }));
`;

interface WorkerAnswer {
  status: string;
  objective?: number;
  values?: Record<string, number>;
  error?: string;
}

function runWorker(lp: string, timeLimit: number): Promise<WorkerAnswer> {
  const highs = createRequire(import.meta.url).resolve("highs");
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { lp, timeLimit, highs } });
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
  const answer = await runWorker(model.lp, options.timeLimit ?? 30);
  const placements = answer.values ? readLpSolution(model, answer.values) : null;
  const bound = answer.status === "Optimal" && answer.objective !== undefined ? answer.objective : null;
  return best(instance, baseline, { placements, bound, status: answer.status });
}
