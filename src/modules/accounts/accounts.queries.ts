/** SQL of the accounts module: users, their single-use tokens. */
import { sql } from "kysely";
import { hashToken, randomToken } from "../../platform/auth.js";
import type { Executor } from "../../platform/database.js";
import type { AccountTokensTable } from "../../platform/database.types.js";

export type TokenPurpose = AccountTokensTable["purpose"];

const userColumns = [
  "id",
  "email",
  "password_hash",
  "display_name",
  "preferred_language",
  "roles",
  "email_verified_at",
  "disabled_at",
  "created_at",
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom("users").select(userColumns).where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  if (!UUID.test(id)) return undefined;
  let query = db.selectFrom("users").select(userColumns).where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** Inserts the account; undefined when the address already has one (even from a concurrent insert). */
export function insertUser(
  db: Executor,
  values: {
    email: string;
    passwordHash: string;
    displayName: string;
    preferredLanguage: string;
    roles?: string[];
    emailVerifiedAt?: Date | null;
  },
) {
  return db
    .insertInto("users")
    .values({
      email: values.email,
      password_hash: values.passwordHash,
      display_name: values.displayName,
      preferred_language: values.preferredLanguage,
      roles: values.roles ?? [],
      email_verified_at: values.emailVerifiedAt ?? null,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning(userColumns)
    .executeTakeFirst();
}

export function updateUserRow(
  db: Executor,
  id: string,
  values: {
    password_hash?: string;
    display_name?: string;
    preferred_language?: string;
    roles?: string[];
    email_verified_at?: Date;
    disabled_at?: Date | null;
  },
  now: Date,
) {
  return db
    .updateTable("users")
    .set({ ...values, updated_at: now })
    .where("id", "=", id)
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

export async function secretariatExists(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where(sql<boolean>`'secretariat' = any(roles)`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a new single-use token (hashed) and returns it in clear, to be mailed or printed once. */
export async function issueToken(
  db: Executor,
  values: { purpose: TokenPurpose; userId?: string | null; email?: string | null; expiresAt: Date },
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto("account_tokens")
    .values({
      purpose: values.purpose,
      token_hash: hashToken(token),
      user_id: values.userId ?? null,
      email: values.email ?? null,
      expires_at: values.expiresAt,
    })
    .execute();
  return token;
}

/** The valid (unused, unexpired) token of that purpose, locked until the transaction ends. */
export function findUsableToken(db: Executor, purpose: TokenPurpose, token: string, now: Date) {
  return db
    .selectFrom("account_tokens")
    .selectAll()
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks every unused token of the purpose (of that user, or all of them) as used. */
export async function retireTokens(db: Executor, purpose: TokenPurpose, userId: string | null, now: Date) {
  let query = db
    .updateTable("account_tokens")
    .set({ used_at: now })
    .where("purpose", "=", purpose)
    .where("used_at", "is", null);
  if (userId) query = query.where("user_id", "=", userId);
  await query.execute();
}

export async function deleteOtherSessions(db: Executor, userId: string, keepSessionId: string | null) {
  let query = db.deleteFrom("user_sessions").where("user_id", "=", userId);
  if (keepSessionId) query = query.where("id", "<>", keepSessionId);
  await query.execute();
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers(db: Executor, filter: { q?: string; page: number; pageSize: number }) {
  let query = db.selectFrom("users");
  if (filter.q) {
    const pattern = likePattern(filter.q);
    // The same expression as the trigram index of migrations/0100_accounts.sql.
    query = query.where(sql<string>`(email::text || ' ' || display_name)`, "ilike", pattern);
  }
  const [items, total] = await Promise.all([
    query
      .select(userColumns)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}
