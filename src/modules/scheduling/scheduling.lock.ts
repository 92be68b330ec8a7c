/**
 * One optimisation per session at a time across every process: a PostgreSQL session-level
 * advisory lock held on a connection of its own for the whole run. A process that dies closes
 * its connection, and PostgreSQL releases the lock with it.
 */
import { sql } from "kysely";
import type { Db } from "../../platform/database.js";

/** The lock namespace of scheduling runs (the second key is the session id's hash). */
const NAMESPACE = 6001;

/**
 * Tries to take the session's lock: null when another run holds it, else a function that
 * releases it (and resolves once it is released).
 */
export function tryLockSession(db: Db, sessionId: string): Promise<(() => Promise<void>) | null> {
  return new Promise((resolve, reject) => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    db.connection()
      .execute(async (conn) => {
        const { rows } = await sql<{ ok: boolean }>`
          select pg_try_advisory_lock(${NAMESPACE}, hashtext(${sessionId})) as ok`.execute(conn);
        if (!rows[0]?.ok) {
          resolve(null);
          return;
        }
        let released: () => void = () => {};
        const finished = new Promise<void>((r) => {
          released = r;
        });
        resolve(async () => {
          release();
          await finished;
        });
        try {
          await held;
          await sql`select pg_advisory_unlock(${NAMESPACE}, hashtext(${sessionId}))`.execute(conn);
        } finally {
          released();
        }
      })
      .catch(reject);
  });
}
