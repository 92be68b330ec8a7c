/**
 * `npm run bench`: builds, starts the demo server (`node dist/demo.js`, embedded PostgreSQL in
 * ./data-bench, the demo data) as a child process, and measures with autocannon, in the same run,
 * the bare route and the public reads. Prints a table, or with --json one object per line.
 *
 *   npm run bench -- [--json] [--duration 10] [--connections 50] [--warmup 2] [--only name]
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const { values: opts } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    warmup: { type: "string", default: "2" },
    only: { type: "string", multiple: true },
  },
});
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const warmup = Number(opts.warmup);
const log = (line: string) => process.stderr.write(`${line}\n`);

const HTML = { accept: "text/html" };
const JSON_ = { accept: "application/json" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

let server: ChildProcess | null = null;
async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}
process.once("SIGINT", () => void stopServer().finally(() => process.exit(130)));

async function startServer(port: number): Promise<string> {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error("the build failed");
  // The embedded database, like the demo: no DATABASE_URL.
  const { DATABASE_URL: _external, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), DATA_DIR: "./data-bench", LOG_LEVEL: "warn" };
  const child = spawn(process.execPath, ["dist/demo.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000; // a first start runs initdb and loads the demo
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

async function check(url: string, headers: Record<string, string>): Promise<Response> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}, not 200`);
  return response;
}

const load = () => loadavg()[0]!.toFixed(2);

async function main() {
  const loadBefore = load();
  const base = await startServer(await freePort());
  const found = (await (await check(`${base}/api/v1/organisations?q=GAATW`, JSON_)).json()) as {
    items: Array<{ slug: string; acronym: string | null }>;
  };
  const gaatw = (found.items.find((o) => o.acronym === "GAATW") ?? found.items[0])?.slug;
  if (!gaatw) throw new Error("GAATW is not in the directory: does the demo load its organisations?");

  const all = [
    { name: "bare", path: "/health/live", headers: JSON_ },
    { name: "directory-page", path: "/organisations", headers: HTML },
    { name: "directory-search", path: "/organisations?q=victims", headers: HTML },
    { name: "organisation-page", path: `/organisations/${gaatw}`, headers: HTML },
    { name: "directory-api", path: "/api/v1/organisations", headers: JSON_ },
    { name: "api-search", path: "/api/v1/organisations?q=traite", headers: JSON_ },
  ];
  const unknown = opts.only?.filter((name) => !all.some((r) => r.name === name));
  if (unknown?.length) throw new Error(`--only: no route named ${unknown.join(", ")}`);
  const routes = all.filter((r) => r.name === "bare" || !opts.only || opts.only.includes(r.name));
  for (const route of routes) await check(base + route.path, route.headers);

  const rows: Array<{ name: string; rps: number; p50_ms: number; p99_ms: number; ratio: number }> = [];
  const failures: number[] = [];
  for (const { name, path, headers } of routes) {
    const url = base + path;
    log(`${name}: GET ${path}`);
    await autocannon({ url, connections, duration: warmup, headers });
    const r = await autocannon({ url, connections, duration, headers });
    const failed = r.non2xx + r.errors + r.timeouts;
    if (failed > 0) {
      log(`  ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts: NOT a valid figure`);
      process.exitCode = 1;
    }
    const rps = Math.round(r.requests.average);
    const ratio = rows[0] ? Math.round((rps / rows[0].rps) * 1000) / 1000 : 1;
    rows.push({ name, rps, p50_ms: r.latency.p50, p99_ms: r.latency.p99, ratio });
    failures.push(failed);
  }

  if (opts.json) {
    for (const row of rows) console.log(JSON.stringify(row));
    return;
  }
  const table = [
    ["route", "req/s", "p50 ms", "p99 ms", "ratio", "failed"],
    ...rows.map((r, i) => [
      r.name,
      String(r.rps),
      String(r.p50_ms),
      String(r.p99_ms),
      `${(r.ratio * 100).toFixed(1)}%`,
      String(failures[i]),
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  console.log(
    `\n${connections} connections, ${duration} s per route after ${warmup} s of warm-up; ` +
      `${cpus().length} cores, load average ${loadBefore} before, ${load()} after`,
  );
  for (const row of table)
    console.log(
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
    );
}

try {
  await main();
} catch (error) {
  log(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopServer();
}
