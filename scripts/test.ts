/**
 * `npm test` after the checks: starts the test PostgreSQL server, migrates the template, then runs
 * every *.test.ts with node's test runner, each file in its own process on its own database.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildTemplate, startTestDatabaseServer } from "./test-database.js";

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : findTests(full);
    return entry.name.endsWith(".test.ts") || entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

const filters = process.argv.slice(2);
const files = [...findTests("src"), ...findTests("test")]
  .filter((f) => filters.length === 0 || filters.some((needle) => f.includes(needle)))
  .sort();
if (files.length === 0) {
  console.error("No test file matches.");
  process.exit(1);
}

const started = Date.now();
const server = await startTestDatabaseServer();
await buildTemplate(server.serverUrl);
console.log(`test database ready in ${Date.now() - started} ms; ${files.length} test files`);

fs.mkdirSync("test-output", { recursive: true });

// Files that time the process (start-up, restart) run last and alone, on an otherwise idle machine.
const solo = (file: string) => /runtime\.test\.ts$/.test(file);

function runFiles(batch: string[], concurrency: number): Promise<number> {
  if (batch.length === 0) return Promise.resolve(0);
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      `--test-concurrency=${concurrency}`,
      "--test-timeout=300000",
      "--test-reporter=spec",
      ...batch,
    ],
    {
      stdio: "inherit",
      env: { ...process.env, CONVENE_TEST_SERVER_URL: server.serverUrl, NODE_ENV: "test" },
    },
  );
  // A hung test file must fail the run, not hold CI until its limit.
  const watchdog = setTimeout(() => {
    console.error("A test batch ran for more than 30 minutes: stopping it.");
    child.kill("SIGKILL");
  }, 30 * 60_000);
  return new Promise((resolve) =>
    child.on("exit", (c) => {
      clearTimeout(watchdog);
      resolve(c ?? 1);
    }),
  );
}

const code = Math.max(
  await runFiles(
    files.filter((f) => !solo(f)),
    2,
  ),
  await runFiles(files.filter(solo), 1),
);
await server.stop();
process.exit(code);
