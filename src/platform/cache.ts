/**
 * A cache of public reads (directory pages, organisation pages), invalidated correctly across
 * processes: a change calls invalidate(trx, tag) inside its transaction; PostgreSQL delivers the
 * NOTIFY at commit to every process, which drops the entries carrying that tag. This process
 * drops them at commit too, so a user reads their own write at once.
 */

import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { type Executor, onCommit } from "./database.js";

const CHANNEL = "convene_cache";

interface Entry {
  value: unknown;
  tags: string[];
}

export class PublicCache {
  private entries = new Map<string, Entry>();
  private listener: pg.Client | null = null;
  private closed = false;

  /** Tells this process's own notifications (already applied at commit) from other processes'. */
  readonly instanceId = randomUUID();

  constructor(private readonly maxEntries = 5_000) {}

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // refresh recency (Map keeps insertion order: delete + set moves it last)
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value as T;
  }

  set(key: string, value: unknown, tags: string[]): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, tags });
  }

  /**
   * The cached value, or load() stored under its tags — unless one of the tags was dropped while
   * load() ran: then what it read may predate a committed change, and it is returned uncached.
   */
  async wrap<T>(key: string, tags: string[], load: () => Promise<T>): Promise<T> {
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const before = this.generationOf(tags);
    const value = await load();
    if (this.generationOf(tags) === before) this.set(key, value, tags);
    return value;
  }

  private generations = new Map<string, number>();
  private epoch = 0;

  private generationOf(tags: string[]): string {
    return `${this.epoch}:${tags.map((tag) => this.generations.get(tag) ?? 0).join(",")}`;
  }

  drop(tag: string): void {
    this.generations.set(tag, (this.generations.get(tag) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.tags.includes(tag)) this.entries.delete(key);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  /** Listens for invalidations from every process, on a connection of its own; reconnects. */
  async listen(connectionString: string): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString, application_name: "convene-cache" });
    let dead = false;
    const reconnect = () => {
      if (dead) return;
      dead = true;
      this.listener = null;
      // The connection is gone: anything may have changed meanwhile.
      this.clear();
      client.end().catch(() => {});
      if (!this.closed) setTimeout(() => void this.listen(connectionString), 1_000).unref();
    };
    client.on("error", reconnect);
    client.on("end", reconnect);
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const [sender, tag] = message.payload.split(" ", 2);
      if (tag && sender !== this.instanceId) this.drop(tag);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      this.listener = client;
    } catch {
      reconnect();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => {});
  }
}

export async function invalidate(trx: Executor, cache: PublicCache, tag: string): Promise<void> {
  await sql`select pg_notify(${CHANNEL}, ${`${cache.instanceId} ${tag}`})`.execute(trx);
  onCommit(trx, () => cache.drop(tag));
}
