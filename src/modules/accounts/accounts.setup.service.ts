/** The first secretariat account: a one-time link printed at start, and the form it opens. */
import { sql } from "kysely";
import { audit } from "../../platform/audit.js";
import { hashPassword, hashToken, randomToken } from "../../platform/auth.js";
import type { Ctx, PlatformRole, Services } from "../../platform/context.js";
import { type Executor, inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import {
  asActor,
  auditView,
  isTokenUsable,
  type NewSession,
  openSession,
  SETUP_TTL_MS,
  type SessionMeta,
  toAccount,
} from "./accounts.common.js";
import { findUsableToken, insertUser, retireTokens, secretariatExists } from "./accounts.queries.js";
import type { Account, Setup, SignUp } from "./accounts.schemas.js";

/** Serialises setup with the start-up link, so two of them never both succeed. */
async function lockSetup(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('convene.accounts.setup'))`.execute(trx);
}

/**
 * On an instance with no secretariat account, returns a one-time link to create the first one
 * (and stores its token); otherwise null. Tokens are stored hashed, so the unused one of an
 * earlier start cannot be shown again: its row gets a fresh token and expiry instead, and only
 * the newest link printed works.
 */
export async function firstRunSetupLink(services: Services): Promise<string | null> {
  const now = services.clock.now();
  return inTransaction(services.db, async (trx) => {
    await lockSetup(trx);
    if (await secretariatExists(trx)) return null;
    const token = randomToken();
    const values = { token_hash: hashToken(token), expires_at: new Date(now.getTime() + SETUP_TTL_MS) };
    const pending = await trx
      .selectFrom("account_tokens")
      .select("id")
      .where("purpose", "=", "setup")
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (pending) {
      await trx.updateTable("account_tokens").set(values).where("id", "=", pending.id).execute();
      await trx
        .updateTable("account_tokens")
        .set({ used_at: now })
        .where("purpose", "=", "setup")
        .where("used_at", "is", null)
        .where("id", "<>", pending.id)
        .execute();
    } else {
      await trx
        .insertInto("account_tokens")
        .values({ purpose: "setup", ...values })
        .execute();
    }
    await audit(trx, null, {
      action: "setup.link_issued",
      objectType: "account_token",
      objectId: pending?.id,
    });
    return `${services.config.baseUrl}/setup?token=${encodeURIComponent(token)}`;
  });
}

export async function setupSecretariat(ctx: Ctx, input: Setup, meta: SessionMeta): Promise<NewSession> {
  const now = ctx.clock.now();
  if (!(await isTokenUsable(ctx, "setup", input.token))) throw new AppError("TOKEN_INVALID");
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    await lockSetup(trx);
    const row = await findUsableToken(trx, "setup", input.token, now);
    if (!row || (await secretariatExists(trx))) throw new AppError("TOKEN_INVALID");
    const user = await insertUser(trx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      preferredLanguage: input.preferredLanguage,
      roles: ["secretariat"],
      emailVerifiedAt: now,
    });
    if (!user) throw new AppError("EMAIL_TAKEN");
    await retireTokens(trx, "setup", null, now);
    const session = await openSession(trx, ctx, user, meta, now);
    await audit(
      trx,
      { ...ctx, actor: asActor(user) },
      {
        action: "user.setup_secretariat",
        objectType: "user",
        objectId: user.id,
        after: auditView(user),
      },
    );
    return { ...session, user: toAccount(user) };
  });
}

/**
 * Creates an account directly (demo data, scripts): verified or not, with the given roles.
 * Audited like any other account creation.
 */
export async function createAccount(
  trx: Executor,
  ctx: Pick<Ctx, "actor" | "requestId" | "ip"> | null,
  input: SignUp & { roles?: PlatformRole[]; verifiedAt?: Date | null },
): Promise<Account> {
  const user = await insertUser(trx, {
    email: input.email,
    passwordHash: await hashPassword(input.password),
    displayName: input.displayName,
    preferredLanguage: input.preferredLanguage,
    roles: input.roles ?? [],
    emailVerifiedAt: input.verifiedAt ?? null,
  });
  if (!user) throw new AppError("EMAIL_TAKEN");
  await audit(trx, ctx, {
    action: "user.created",
    objectType: "user",
    objectId: user.id,
    after: auditView(user),
  });
  return toAccount(user);
}
