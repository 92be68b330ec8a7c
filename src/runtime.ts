/**
 * Starting and stopping a Convene process: lock the data directory, open the database (embedded
 * or DATABASE_URL), migrate, listen, run jobs; on SIGTERM finish in-flight requests (new ones get
 * 503), stop the jobs and the embedded PostgreSQL cleanly.
 */
import { createApp } from "./app.js";
import { firstRunSetupLink } from "./modules/accounts/accounts.service.js";
import { PublicCache } from "./platform/cache.js";
import { type Config, loadConfig } from "./platform/config.js";
import type { Services } from "./platform/context.js";
import { systemClock } from "./platform/context.js";
import { DataDirLockedError, lockDataDir, openDatabase } from "./platform/database.js";
import { scheduleHousekeeping } from "./platform/housekeeping.js";
import type { App } from "./platform/http.js";
import { jobHandlers } from "./platform/job-handlers.js";
import { startJobWorker } from "./platform/jobs.js";
import { mailJobs } from "./platform/mail.js";
import { migrate } from "./platform/migrate.js";

export interface Running {
  app: App;
  config: Config;
  services: Services & { cache: PublicCache };
  stop(): Promise<void>;
}

export async function run(options: {
  defaults?: Partial<Config>;
  databaseName?: string;
  beforeListen?: (services: Services & { cache: PublicCache }) => Promise<void>;
  announce?: (config: Config, services: Services) => Promise<string[]>;
}): Promise<Running> {
  const started = Date.now();
  const config = loadConfig(process.env, options.defaults);
  let release = () => {};
  if (!config.databaseUrl) {
    try {
      release = lockDataDir(config.dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        console.error(`convene: ${error.message}`);
        process.exit(1);
      }
      throw error;
    }
  }
  const pgLog: string[] = [];
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      databaseName: options.databaseName,
      log: (line) => pgLog.push(line),
    });
  } catch (error) {
    release();
    console.error(pgLog.slice(-20).join("\n"));
    throw error;
  }
  await migrate(handle.pool);
  const cache = new PublicCache();
  await cache.listen(handle.connectionString);
  const services = { db: handle.db, config, clock: systemClock, dbKind: handle.kind, cache };
  if (options.beforeListen) await options.beforeListen(services);
  const app = await createApp(services);
  const worker = startJobWorker(
    handle.db,
    { ...mailJobs(handle.db, config), ...jobHandlers(services) },
    systemClock,
    {
      onError: (error) => app.log.warn({ err: error }, "job worker"),
    },
  );
  await scheduleHousekeeping(handle.db, systemClock);
  await app.listen({ port: config.port, host: config.host });

  const lines = options.announce ? await options.announce(config, services) : [];
  const setup = await firstRunSetupLink(services);
  if (setup)
    lines.push(
      "",
      "No secretariat account exists yet. Create the first one here (the link works once):",
      `  ${setup}`,
    );
  console.log(
    [
      "",
      `Convene is serving ${config.baseUrl} (listening on ${config.host}:${config.port})`,
      `Database: ${handle.kind === "embedded" ? `embedded PostgreSQL in ${config.dataDir}` : "DATABASE_URL"} · ready in ${Date.now() - started} ms`,
      ...lines,
      "",
    ].join("\n"),
  );

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await app.drain(); // new requests get 503; in-flight ones finish
      await worker.stop();
      await cache.close();
      await handle.close();
      release();
    })();
    return stopping;
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  return { app, config, services, stop };
}
