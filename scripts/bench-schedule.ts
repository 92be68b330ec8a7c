/**
 * npm run bench:schedule — the schedule optimiser on reproducible instances (fixed seeds) from 30
 * to 1,000 proposals: for each, the size, solve time, objective, proven bound, gap, greedy's
 * objective, the model's size, the CPU time of all its threads and the peak resident memory of the process that solved it (each
 * case runs in its own child process, so the peak is that case's), with the load average.
 *
 *   npm run bench:schedule                       every case
 *   npm run bench:schedule -- 300x10x30          only the cases whose name contains the word
 *   npm run bench:schedule -- --model=cells      the plain one-binary-per-cell model instead
 *   npm run bench:schedule -- --limit=60         time limit per case in seconds (default 60)
 *   npm run bench:schedule -- --gap=0.01         stop at this proven gap (default 0.0001)
 *   npm run bench:schedule -- --workers=2        the neighbourhood search on two workers, not one
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generate } from "../src/modules/scheduling/optimiser/generate.js";
import {
  type OptimiseOptions,
  optimise,
  type SolveStats,
} from "../src/modules/scheduling/scheduling.solver.js";

interface Case {
  name: string;
  seed: number;
  events: number;
  rooms: number;
  slots: number;
  waitlisted?: number;
}

const cases: Case[] = [
  { name: "30x4x10", seed: 1, events: 30, rooms: 4, slots: 10 },
  { name: "100x6x20", seed: 2, events: 100, rooms: 6, slots: 20 },
  { name: "300x6x20", seed: 3, events: 300, rooms: 6, slots: 20 },
  { name: "300x10x30", seed: 4, events: 300, rooms: 10, slots: 30 },
  { name: "300x10x30+60wl", seed: 5, events: 300, rooms: 10, slots: 30, waitlisted: 60 },
  { name: "600x12x40", seed: 6, events: 600, rooms: 12, slots: 40 },
  { name: "1000x15x40", seed: 7, events: 1000, rooms: 15, slots: 40 },
];

interface Row {
  name: string;
  events: number;
  cells: number;
  model: string;
  columns: number;
  rows: number;
  placed: number;
  timeS: number;
  /** CPU seconds of the process, every thread (what a loaded machine does not inflate as much) */
  cpuS: number;
  /** seconds until the proven gap was 1 % or less */
  within1S: number | null;
  objective: number;
  bound: number;
  gapPct: number;
  greedy: number;
  status: string;
  peakMb: number;
  /** the longest the main thread (a server's event loop) went without a turn, in ms */
  stallMs: number;
  load: string;
}

async function runOne(c: Case, options: OptimiseOptions): Promise<Row> {
  const instance = generate({ ...c });
  const stats: SolveStats = { peakRss: 0, columns: 0, rows: 0 };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let within1 = Number.NaN;
  const result = await optimise(
    instance,
    {
      ...options,
      onProgress: (p) => {
        if (Number.isNaN(within1) && p.gap !== null && p.gap <= 0.01 && p.phase !== "greedy")
          within1 = (performance.now() - t0) / 1000;
      },
    },
    stats,
  );
  const timeS = (performance.now() - t0) / 1000;
  loop.disable();
  const cpu = process.cpuUsage(cpu0);
  return {
    name: c.name,
    events: c.events + (c.waitlisted ?? 0),
    cells: c.rooms * c.slots,
    model: result.model,
    columns: stats.columns,
    rows: stats.rows,
    placed: result.placements.length,
    timeS: Math.round(timeS * 100) / 100,
    cpuS: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    within1S: Number.isNaN(within1) ? null : Math.round(within1 * 100) / 100,
    objective: Math.round(result.objective * 100) / 100,
    bound: Math.round(result.bound * 100) / 100,
    gapPct: Math.round(result.gap * 1e6) / 1e4,
    greedy: Math.round(result.greedyObjective * 100) / 100,
    status: result.status,
    peakMb: Math.round(Math.max(stats.peakRss, process.memoryUsage().rss) / 1048576),
    stallMs: Math.round(loop.max / 1e6),
    load: loadavg()
      .map((x) => x.toFixed(2))
      .join(" "),
  };
}

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const options: OptimiseOptions = {
  timeLimitMs: Number(flag("limit") ?? 60) * 1000,
  ...(flag("gap") ? { gap: Number(flag("gap")) } : {}),
  ...(flag("model") ? { model: flag("model") as "slots" | "cells" } : {}),
  ...(flag("workers") === "2" ? { parallel: true } : {}),
};
const only = flag("case");

if (only) {
  // child: one case, one JSON line
  const c = cases.find((x) => x.name === only);
  if (!c) throw new Error(`no case ${only}`);
  process.stdout.write(`${JSON.stringify(await runOne(c, options))}\n`);
} else {
  const words = args.filter((a) => !a.startsWith("--"));
  const chosen = cases.filter((c) => !words.length || words.some((w) => c.name.includes(w)));
  const self = fileURLToPath(import.meta.url);
  console.log(
    `schedule optimiser, time limit ${(options.timeLimitMs ?? 0) / 1000} s, model ${options.model ?? "slots (cells when slots overlap)"}`,
  );
  const header = [
    "case",
    "events",
    "cells",
    "model",
    "cols",
    "rows",
    "placed",
    "time s",
    "cpu s",
    "≤1% at s",
    "objective",
    "bound",
    "gap %",
    "greedy",
    "status",
    "peak MB",
    "stall ms",
    "load 1/5/15",
  ];
  console.log(header.join(" | "));
  for (const c of chosen) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, self, `--case=${c.name}`, ...args.filter((a) => a.startsWith("--"))],
      {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const line = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) {
      console.log(`${c.name} | failed: ${child.stderr.trim().split("\n").slice(-3).join(" ")}`);
      continue;
    }
    const r = JSON.parse(line) as Row;
    console.log(
      [
        r.name,
        r.events,
        r.cells,
        r.model,
        r.columns,
        r.rows,
        r.placed,
        r.timeS,
        r.cpuS,
        r.within1S ?? "–",
        r.objective,
        r.bound,
        r.gapPct,
        r.greedy,
        r.status,
        r.peakMb,
        r.stallMs,
        r.load,
      ].join(" | "),
    );
  }
}
