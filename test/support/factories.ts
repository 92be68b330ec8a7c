/**
 * Builders that make unique rows, so that tests never share state. The demo data uses the
 * modules' services; these stay minimal and explicit.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../src/platform/auth.js";
import type { PlatformRole } from "../../src/platform/context.js";
import type { Executor } from "../../src/platform/database.js";

export function unique(prefix = "x"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export const TEST_PASSWORD = "correct horse battery staple";
const testPasswordHash = hashPassword(TEST_PASSWORD);

export async function buildUser(
  db: Executor,
  options: { email?: string; name?: string; roles?: PlatformRole[]; verified?: boolean; language?: string } = {},
) {
  return db
    .insertInto("users")
    .values({
      email: options.email ?? `${unique("user")}@example.org`,
      display_name: options.name ?? unique("Person"),
      password_hash: await testPasswordHash,
      roles: options.roles ?? [],
      preferred_language: options.language ?? "en",
      email_verified_at: options.verified === false ? null : new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
