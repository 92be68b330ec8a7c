/**
 * What a module adds to `npm run bench`: scripts/bench/<module>.ts default-exports a BenchModule.
 * The harness (scripts/bench.ts) starts the demo on a fresh embedded database, calls each module's
 * `prepare` with a handle on that database, then measures every route against the bare route and
 * runs every timing.
 */
import type { Db } from "../../src/platform/database.js";

export interface BenchRoute {
  /** The name printed in the table and accepted by --only, e.g. "programme-page". */
  name: string;
  path: string;
  method?: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** autocannon's `requests`, e.g. with setupRequest to send a different badge token each time. */
  requests?: Array<Record<string, unknown>>;
  /** What the issue asks, printed beside the figure. */
  target?: { ratio?: number; p99_ms?: number; rps?: number };
  /** Concurrent connections for this route (default: the run's --connections, 50). */
  connections?: number;
  /** Status codes that count as success (default: any 2xx). */
  expect?: number[];
}

export interface BenchTiming {
  /** e.g. "delegates-xlsx-2000" */
  name: string;
  target_ms?: number;
  /** One measured run (called once to warm up, then five times); throws if the answer is wrong. */
  run: () => Promise<void>;
}

export interface BenchContext {
  /** http://127.0.0.1:<port> */
  base: string;
  /** Kysely on the bench database: seed what the scenarios need. */
  db: Db;
  log: (line: string) => void;
  /** Signs in through the HTTP API as an account; returns the headers to send (cookie and CSRF token). */
  signIn: (email: string, password?: string) => Promise<Record<string, string>>;
}

export interface BenchModule {
  name: string;
  prepare(ctx: BenchContext): Promise<{ routes: BenchRoute[]; timings?: BenchTiming[] }>;
}
