/**
 * A Convene app on a database of its own, cloned from the migrated template (a few hundred ms),
 * for one test file. Requests go through app.inject(); `listen()` serves it for the browser.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { TEMPLATE } from "../../scripts/test-database.js";
import { createApp } from "../../src/app.js";
import { PublicCache } from "../../src/platform/cache.js";
import { loadConfig } from "../../src/platform/config.js";
import { createDb, createPool } from "../../src/platform/database.js";
import type { App } from "../../src/platform/http.js";
import { jobHandlers } from "../../src/platform/job-handlers.js";
import { runDueJobs } from "../../src/platform/jobs.js";
import { mailJobs } from "../../src/platform/mail.js";
import { TestClock } from "./clock.js";

export interface TestContext {
  app: App;
  db: App["services"]["db"];
  services: App["services"];
  clock: TestClock;
  databaseUrl: string;
  runJobs(): Promise<number>;
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.CONVENE_TEST_SERVER_URL;
  if (!url) throw new Error("Run the tests with `npm test` (it starts the test database server).");
  return url;
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `convene_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: TestClock;
    logger?: boolean | object;
    /** routes only this test needs (e.g. a slow one), registered before the app is ready */
    extraRoutes?: (app: App) => Promise<void>;
  } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const pool = createPool(database.url, 10);
  const db = createDb(pool);
  const clock = options.clock ?? new TestClock(new Date());
  const config = loadConfig({ BASE_URL: "http://convene.test", LOG_LEVEL: "silent", ...options.env });
  const cache = new PublicCache();
  await cache.listen(database.url);
  const services = { db, config, clock, dbKind: "external" as const, cache };
  // An app that fails to build (a test expecting exactly that) releases what it holds, or the
  // test file would never exit.
  const app = await createApp(services, {
    logger: options.logger ?? false,
    extraRoutes: options.extraRoutes,
  }).catch(async (error: unknown) => {
    await cache.close();
    await db.destroy();
    await database.drop();
    throw error;
  });
  const handlers = { ...mailJobs(db, config), ...jobHandlers(services) };
  return {
    app,
    db,
    services,
    clock,
    databaseUrl: database.url,
    runJobs: () => runDueJobs(db, handlers, clock),
    close: async () => {
      await app.close();
      await cache.close();
      await db.destroy();
      await database.drop();
    },
  };
}
