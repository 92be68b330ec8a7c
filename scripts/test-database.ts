/**
 * The PostgreSQL server the tests use: TEST_DATABASE_URL (a server URL; its database is ignored),
 * or an embedded server under ./data-test. Builds the migrated template that every test file
 * clones.
 */
import pg from "pg";
import { startEmbeddedPostgres } from "../src/platform/database.js";
import { migrate } from "../src/platform/migrate.js";

export const TEMPLATE = "convene_test_template";

export async function startTestDatabaseServer(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { serverUrl: external, stop: async () => {} };
  const server = await startEmbeddedPostgres("./data-test");
  return { serverUrl: server.connectionString("postgres"), stop: () => server.stop() };
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
