/**
 * The PostgreSQL server the tests use: TEST_DATABASE_URL (a server URL; its database is ignored),
 * or an embedded server under ./data-test. Builds the migrated template that every test file
 * clones.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../src/platform/database.js";
import { migrate } from "../src/platform/migrate.js";

export const TEMPLATE = "convene_test_template";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startTestDatabaseServer(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { serverUrl: external, stop: async () => {} };
  // A directory per run, so that two runs at once (two terminals, two engineers) never collide.
  fs.mkdirSync("data-test", { recursive: true });
  for (const entry of fs.readdirSync("data-test")) {
    const pid = Number(entry.replace(/^run-/, ""));
    if (pid && !isAlive(pid)) fs.rmSync(path.join("data-test", entry), { recursive: true, force: true });
  }
  const dir = path.join("data-test", `run-${process.pid}`);
  const server = await startEmbeddedPostgres(dir);
  return {
    serverUrl: server.connectionString("postgres"),
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function buildTemplate(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const stale = await admin.query("select datname from pg_database where datname like 'convene_t_%'");
    for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.query(`create database ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  await migrate(pool);
  await pool.end();
}
