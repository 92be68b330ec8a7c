/**
 * Migrations: ordered SQL files in /migrations, each applied once in its own transaction, under an
 * advisory lock so that several processes starting together apply each file exactly once.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { rootDir } from "./paths.js";

export const migrationsDir = path.join(rootDir, "migrations");

export function listMigrations(dir = migrationsDir): Array<{ name: string; sql: string; checksum: string }> {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(pool: pg.Pool, dir = migrationsDir): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock(72201001)");
    await client.query(
      `create table if not exists schema_migrations (
         name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
    );
    const done = new Map(
      (await client.query("select name, checksum from schema_migrations")).rows.map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    for (const migration of listMigrations(dir)) {
      const known = done.get(migration.name);
      if (known) {
        if (known !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      await client.query("begin");
      try {
        await client.query(migration.sql);
        await client.query("insert into schema_migrations (name, checksum) values ($1, $2)", [
          migration.name,
          migration.checksum,
        ]);
        await client.query("commit");
        applied.push(migration.name);
      } catch (error) {
        await client.query("rollback");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query("select pg_advisory_unlock(72201001)").catch(() => {});
    client.release();
  }
  return applied;
}
