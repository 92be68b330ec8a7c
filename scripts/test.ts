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
const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=2",
    "--test-timeout=300000",
    "--test-reporter=spec",
    ...files,
  ],
  { stdio: "inherit", env: { ...process.env, CONVENE_TEST_SERVER_URL: server.serverUrl, NODE_ENV: "test" } },
);
// A hung test file must fail the run, not hold CI until its limit.
const watchdog = setTimeout(() => {
  console.error("The tests ran for more than 30 minutes: stopping them.");
  child.kill("SIGKILL");
}, 30 * 60_000);
const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
clearTimeout(watchdog);
await server.stop();
process.exit(code);
