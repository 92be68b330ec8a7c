/**
 * `npm run bench`: builds, starts an embedded PostgreSQL on a fresh ./data-bench, runs the demo server
 * (`node dist/demo.js`, the demo data) on it as a child process, lets each scenario module in
 * scripts/bench/ seed what it measures, and measures with autocannon, in the same run, the bare route
 * and every scenario's routes (ratios against the bare route), then each scenario's timings.
 * Prints a table, or with --json one object per line.
 *
 *   npm run bench -- [--json] [--duration 10] [--connections 50] [--warmup 2] [--only name]
 *                    [--profile dir]   (the server writes a V8 CPU profile there when it stops)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  createDb,
  createPool,
  type EmbeddedServer,
  startEmbeddedPostgres,
} from "../src/platform/database.js";
import type { BenchModule, BenchRoute, BenchTiming } from "./bench/types.js";

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  statusCodeStats: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  method?: string;
  body?: string;
  requests?: Array<Record<string, unknown>>;
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const { values: opts } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    warmup: { type: "string", default: "2" },
    only: { type: "string", multiple: true },
    profile: { type: "string" },
  },
});
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const warmup = Number(opts.warmup);
const log = (line: string) => process.stderr.write(`${line}\n`);

const HTML = { accept: "text/html" };
const JSON_ = { accept: "application/json" };
const DATA_DIR = path.resolve("data-bench");
const DEMO_PASSWORD = "convene-demo-2012";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

let server: ChildProcess | null = null;
let database: EmbeddedServer | null = null;
async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (child && child.exitCode === null) {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
  const db = database;
  database = null;
  await db?.stop();
}
process.once("SIGINT", () => void stopServer().finally(() => process.exit(130)));

/** A fresh embedded database each run, so every scenario seeds onto the same demo data. */
async function startDatabase(): Promise<string> {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  database = await startEmbeddedPostgres(path.join(DATA_DIR, "db"));
  return database.connectionString("postgres");
}

async function startServer(port: number, databaseUrl: string): Promise<string> {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error("the build failed");
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: path.join(DATA_DIR, "app"),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
  };
  const profile = opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(opts.profile)}`] : [];
  const child = spawn(process.execPath, [...profile, "dist/demo.js"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000; // the first start migrates and loads the demo
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${base}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return base;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer within 120 s:\n${output}`);
}

async function check(base: string, route: BenchRoute): Promise<void> {
  const request = route.requests?.[0] as { setupRequest?: unknown } | undefined;
  if (request?.setupRequest) return; // per-request bodies: the scenario checks its own answers
  const response = await fetch(base + route.path, {
    method: route.method ?? "GET",
    headers: route.headers,
    body: route.body,
  });
  if (!succeeded(route, response.status))
    throw new Error(
      `${route.method ?? "GET"} ${route.path} answered ${response.status}: ${await response.text()}`,
    );
}

function succeeded(route: BenchRoute, status: number): boolean {
  return route.expect ? route.expect.includes(status) : status >= 200 && status < 300;
}

/** Signs in through the API, as a browser would, and returns the headers to send afterwards. */
function signInAt(base: string) {
  return async (email: string, password = DEMO_PASSWORD): Promise<Record<string, string>> => {
    const response = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { cookie, "x-csrf-token": csrfToken };
  };
}

/** Every scripts/bench/*.ts but the types, in name order. */
async function scenarioModules(): Promise<BenchModule[]> {
  const dir = path.resolve("scripts/bench");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && f !== "types.ts")
    .sort();
  const modules: BenchModule[] = [];
  for (const file of files)
    modules.push((await import(pathToFileURL(path.join(dir, file)).href)).default as BenchModule);
  return modules;
}

const load = () => loadavg()[0]!.toFixed(2);

interface Row {
  name: string;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  ratio: number;
  failed: number;
  target: string;
}

function describeTarget(target: BenchRoute["target"]): string {
  if (!target) return "";
  const parts: string[] = [];
  if (target.ratio !== undefined) parts.push(`≥${Math.round(target.ratio * 100)}%`);
  if (target.rps !== undefined) parts.push(`≥${target.rps} req/s`);
  if (target.p99_ms !== undefined) parts.push(`p99<${target.p99_ms} ms`);
  return parts.join(", ");
}

function metTarget(row: Row, target: BenchRoute["target"]): boolean {
  if (!target) return true;
  return (
    (target.ratio === undefined || row.ratio >= target.ratio) &&
    (target.rps === undefined || row.rps >= target.rps) &&
    (target.p99_ms === undefined || row.p99_ms < target.p99_ms)
  );
}

async function measure(base: string, route: BenchRoute, bare: Row | undefined): Promise<Row> {
  const url = base + route.path;
  log(`${route.name}: ${route.method ?? "GET"} ${route.path}`);
  const options = {
    url,
    connections: route.connections ?? connections,
    headers: route.headers,
    ...(route.method ? { method: route.method } : {}),
    ...(route.body !== undefined ? { body: route.body } : {}),
    ...(route.requests ? { requests: route.requests } : {}),
  };
  await autocannon({ ...options, duration: warmup });
  const r = await autocannon({ ...options, duration });
  let failed = r.errors + r.timeouts;
  for (const [status, { count }] of Object.entries(r.statusCodeStats ?? {}))
    if (!succeeded(route, Number(status))) failed += count;
  if (failed > 0) {
    log(`  ${failed} failed answers (${JSON.stringify(r.statusCodeStats)}): NOT a valid figure`);
    process.exitCode = 1;
  }
  const rps = Math.round(r.requests.average);
  const ratio = bare ? Math.round((rps / bare.rps) * 1000) / 1000 : 1;
  return {
    name: route.name,
    rps,
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    ratio,
    failed,
    target: describeTarget(route.target),
  };
}

async function time(
  timing: BenchTiming,
): Promise<{ name: string; median_ms: number; max_ms: number; target: string }> {
  log(`${timing.name}: 1 warm-up + 5 runs`);
  await timing.run();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await timing.run();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return {
    name: timing.name,
    median_ms: Math.round(runs[2]!),
    max_ms: Math.round(runs[4]!),
    target: timing.target_ms ? `<${timing.target_ms} ms` : "",
  };
}

function printTable(table: string[][]): void {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table)
    console.log(
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
    );
}

async function main() {
  const loadBefore = load();
  const databaseUrl = await startDatabase();
  const base = await startServer(await freePort(), databaseUrl);
  const pool = createPool(databaseUrl, 10);
  const db = createDb(pool);
  try {
    const found = (await (
      await fetch(`${base}/api/v1/organisations?q=GAATW`, { headers: JSON_ })
    ).json()) as { items: Array<{ slug: string; acronym: string | null }> };
    const gaatw = (found.items.find((o) => o.acronym === "GAATW") ?? found.items[0])?.slug;
    if (!gaatw) throw new Error("GAATW is not in the directory: does the demo load its organisations?");

    const routes: BenchRoute[] = [
      { name: "bare", path: "/health/live", headers: JSON_ },
      { name: "directory-page", path: "/organisations", headers: HTML, target: { ratio: 0.3, p99_ms: 50 } },
      {
        name: "directory-search",
        path: "/organisations?q=victims",
        headers: HTML,
        target: { ratio: 0.3, p99_ms: 50 },
      },
      {
        name: "organisation-page",
        path: `/organisations/${gaatw}`,
        headers: HTML,
        target: { ratio: 0.2, p99_ms: 50 },
      },
      {
        name: "directory-api",
        path: "/api/v1/organisations",
        headers: JSON_,
        target: { ratio: 0.3, p99_ms: 50 },
      },
      { name: "api-search", path: "/api/v1/organisations?q=traite", headers: JSON_, target: { p99_ms: 50 } },
    ];
    const timings: BenchTiming[] = [];
    const wanted = (name: string) => name === "bare" || !opts.only || opts.only.includes(name);
    for (const module of await scenarioModules()) {
      log(`preparing ${module.name}`);
      const prepared = await module.prepare({ base, db, log, signIn: signInAt(base) });
      routes.push(...prepared.routes);
      timings.push(...(prepared.timings ?? []));
    }
    const names = [...routes, ...timings].map((r) => r.name);
    const unknown = opts.only?.filter((name) => !names.includes(name));
    if (unknown?.length)
      throw new Error(`--only: nothing named ${unknown.join(", ")} (there are: ${names.join(", ")})`);
    const chosenRoutes = routes.filter((r) => wanted(r.name));
    const chosenTimings = timings.filter((t) => wanted(t.name));
    for (const route of chosenRoutes) await check(base, route);

    const rows: Row[] = [];
    for (const route of chosenRoutes) rows.push(await measure(base, route, rows[0]));
    const timed = [];
    for (const timing of chosenTimings) timed.push(await time(timing));

    if (opts.json) {
      for (const row of rows) console.log(JSON.stringify(row));
      for (const row of timed) console.log(JSON.stringify(row));
      return;
    }
    console.log(
      `\n${connections} connections, ${duration} s per route after ${warmup} s of warm-up; ` +
        `${cpus().length} cores, load average ${loadBefore} before, ${load()} after`,
    );
    printTable([
      ["route", "conn", "req/s", "p50 ms", "p99 ms", "ratio", "failed", "target", "met"],
      ...rows.map((r, i) => [
        r.name,
        String(chosenRoutes[i]!.connections ?? connections),
        String(r.rps),
        String(r.p50_ms),
        String(r.p99_ms),
        `${(r.ratio * 100).toFixed(1)}%`,
        String(r.failed),
        r.target,
        r.target ? (metTarget(r, chosenRoutes[i]!.target) ? "yes" : "NO") : "",
      ]),
    ]);
    if (timed.length) {
      console.log("");
      printTable([
        ["timing", "median ms", "max ms", "target"],
        ...timed.map((t) => [t.name, String(t.median_ms), String(t.max_ms), t.target]),
      ]);
    }
  } finally {
    await db.destroy();
  }
}

try {
  await main();
} catch (error) {
  log(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopServer();
}
