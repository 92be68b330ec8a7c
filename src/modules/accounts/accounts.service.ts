/**
 * Accounts: sign-up, e-mail verification, sign-in, sign-out, password reset. Answers that could
 * tell whether an address has an account (sign-up, reset request) are the same either way; the
 * difference goes by mail to the address's owner. The first secretariat account is in
 * accounts.setup.service.ts, one's own account in accounts.profile.service.ts.
 */
import { requireActor } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { deleteSession, deleteSessionsOfUser, hashPassword, verifyPassword } from "../../platform/auth.js";
import type { Ctx } from "../../platform/context.js";
import { type Executor, inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { queueMail } from "../../platform/mail.js";
import { consumeRateLimits } from "../../platform/rate-limit.js";
import {
  asActor,
  auditView,
  isTokenUsable,
  LIMITS,
  languageOf,
  limit,
  link,
  type NewSession,
  openSession,
  RESET_TTL_MS,
  type SessionMeta,
  toAccount,
  VERIFY_TTL_MS,
} from "./accounts.common.js";
import {
  findUsableToken,
  findUserByEmail,
  findUserById,
  insertUser,
  issueToken,
  retireTokens,
  type UserRow,
  updateUserRow,
} from "./accounts.queries.js";
import type { Account, SignIn, SignUp } from "./accounts.schemas.js";

export {
  actorToAccount,
  isTokenUsable,
  requireVerifiedActor,
  type SessionMeta,
  safeRedirectPath,
} from "./accounts.common.js";
export { changePassword, getAccount, updateAccount } from "./accounts.profile.service.js";
export { createAccount, firstRunSetupLink, setupSecretariat } from "./accounts.setup.service.js";

async function sendVerification(
  trx: Executor,
  ctx: Ctx,
  user: UserRow,
  now: Date,
  next?: string,
): Promise<void> {
  await retireTokens(trx, "verify_email", user.id, now);
  const token = await issueToken(trx, {
    purpose: "verify_email",
    userId: user.id,
    email: user.email,
    expiresAt: new Date(now.getTime() + VERIFY_TTL_MS),
  });
  await queueMail(trx, ctx.config, {
    to: user.email,
    lang: languageOf(user),
    template: "accounts.verifyEmail",
    values: { name: user.display_name, link: link(ctx, "/verify-email", token, next) },
  });
}

// ---- sign-up and e-mail verification ----

/**
 * Creates an unverified account and mails a confirmation link, or tells the address's owner.
 * `next`, a path on this site, rides along in the link: where the person goes once confirmed.
 */
export async function signUp(ctx: Ctx, input: SignUp, options: { next?: string } = {}): Promise<void> {
  const now = ctx.clock.now();
  await consumeRateLimits(
    ctx.db,
    [limit(`signup:ip:${ctx.ip}`, LIMITS.signUpIp), limit(`signup:email:${input.email}`, LIMITS.signUpEmail)],
    now,
  );
  // Hashed before the address is looked up, so that both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx.db, async (trx) => {
    const user = await insertUser(trx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName,
      preferredLanguage: input.preferredLanguage,
    });
    if (!user) {
      const owner = await findUserByEmail(trx, input.email);
      if (owner && !owner.disabled_at) {
        await queueMail(trx, ctx.config, {
          to: owner.email,
          lang: languageOf(owner),
          template: "accounts.signUpExisting",
          values: { name: owner.display_name, link: link(ctx, "/password-reset") },
        });
      }
      return;
    }
    await sendVerification(trx, ctx, user, now, options.next);
    await audit(
      trx,
      { ...ctx, actor: ctx.actor ?? asActor(user) },
      {
        action: "user.signed_up",
        objectType: "user",
        objectId: user.id,
        after: auditView(user),
      },
    );
  });
}

export async function verifyEmail(ctx: Ctx, token: string): Promise<Account> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const row = await findUsableToken(trx, "verify_email", token, now);
    const user = row?.user_id ? await findUserById(trx, row.user_id, { forUpdate: true }) : undefined;
    // A token sent to an address the account no longer has proves nothing.
    if (!row || !user || user.email.toLowerCase() !== String(row.email).toLowerCase()) {
      throw new AppError("TOKEN_INVALID");
    }
    await retireTokens(trx, "verify_email", user.id, now);
    if (user.email_verified_at) return toAccount(user);
    const updated = await updateUserRow(trx, user.id, { email_verified_at: now }, now);
    await audit(
      trx,
      { ...ctx, actor: ctx.actor ?? asActor(user) },
      {
        action: "user.email_verified",
        objectType: "user",
        objectId: user.id,
        before: { emailVerified: false },
        after: { emailVerified: true },
      },
    );
    return toAccount(updated);
  });
}

/** Mails a new confirmation link to the signed-in account, if its address is not confirmed yet. */
export async function resendVerification(ctx: Ctx, options: { next?: string } = {}): Promise<void> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  await consumeRateLimits(
    ctx.db,
    [
      limit(`verify:email:${actor.email.toLowerCase()}`, LIMITS.verifyEmail),
      limit(`verify:ip:${ctx.ip}`, LIMITS.verifyIp),
    ],
    now,
  );
  await inTransaction(ctx.db, async (trx) => {
    const user = await findUserById(trx, actor.id, { forUpdate: true });
    if (!user || user.email_verified_at) return;
    await sendVerification(trx, ctx, user, now, options.next);
    await audit(trx, ctx, { action: "user.verification_sent", objectType: "user", objectId: user.id });
  });
}

// ---- sign-in and sign-out ----

export async function signIn(ctx: Ctx, input: SignIn, meta: SessionMeta): Promise<NewSession> {
  const now = ctx.clock.now();
  await consumeRateLimits(
    ctx.db,
    [
      limit(`signin:account:${input.email}`, LIMITS.signInAccount),
      limit(`signin:ip:${ctx.ip}`, LIMITS.signInIp),
    ],
    now,
  );
  const user = await findUserByEmail(ctx.db, input.email);
  // verifyPassword spends the same time when there is no account: the answer is the same too.
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok) throw new AppError("INVALID_CREDENTIALS");
  if (user.disabled_at) throw new AppError("ACCOUNT_DISABLED");
  return inTransaction(ctx.db, async (trx) => {
    const session = await openSession(trx, ctx, user, meta, now);
    await audit(
      trx,
      { ...ctx, actor: asActor(user) },
      { action: "user.signed_in", objectType: "user", objectId: user.id },
    );
    return { ...session, user: toAccount(user) };
  });
}

export async function signOut(ctx: Ctx, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  await inTransaction(ctx.db, async (trx) => {
    await deleteSession(trx, sessionId);
    if (ctx.actor) {
      await audit(trx, ctx, { action: "user.signed_out", objectType: "user", objectId: ctx.actor.id });
    }
  });
}

// ---- forgotten password ----

export async function requestPasswordReset(ctx: Ctx, email: string): Promise<void> {
  const now = ctx.clock.now();
  await consumeRateLimits(
    ctx.db,
    [limit(`reset:email:${email}`, LIMITS.resetEmail), limit(`reset:ip:${ctx.ip}`, LIMITS.resetIp)],
    now,
  );
  await inTransaction(ctx.db, async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user || user.disabled_at) return;
    // Only the newest link works.
    await retireTokens(trx, "reset_password", user.id, now);
    const token = await issueToken(trx, {
      purpose: "reset_password",
      userId: user.id,
      email: user.email,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
    await queueMail(trx, ctx.config, {
      to: user.email,
      lang: languageOf(user),
      template: "accounts.passwordReset",
      values: { name: user.display_name, link: link(ctx, "/password-reset/confirm", token) },
    });
    await audit(trx, ctx, { action: "user.password_reset_requested", objectType: "user", objectId: user.id });
  });
}

/** Sets a new password from a reset link, ends every session of the account, and signs in afresh. */
export async function confirmPasswordReset(
  ctx: Ctx,
  input: { token: string; password: string },
  meta: SessionMeta,
): Promise<NewSession> {
  const now = ctx.clock.now();
  // A hash costs time and memory: not for a token that cannot work.
  if (!(await isTokenUsable(ctx, "reset_password", input.token))) throw new AppError("TOKEN_INVALID");
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    const row = await findUsableToken(trx, "reset_password", input.token, now);
    const user = row?.user_id ? await findUserById(trx, row.user_id, { forUpdate: true }) : undefined;
    if (!row || !user || user.disabled_at || user.email.toLowerCase() !== String(row.email).toLowerCase()) {
      throw new AppError("TOKEN_INVALID");
    }
    // The link came by mail: the address is proven too.
    const updated = await updateUserRow(
      trx,
      user.id,
      { password_hash: passwordHash, ...(user.email_verified_at ? {} : { email_verified_at: now }) },
      now,
    );
    await retireTokens(trx, "reset_password", user.id, now);
    await deleteSessionsOfUser(trx, user.id);
    const session = await openSession(trx, ctx, updated, meta, now);
    await queueMail(trx, ctx.config, {
      to: user.email,
      lang: languageOf(user),
      template: "accounts.passwordChanged",
      values: { name: user.display_name, link: link(ctx, "/password-reset") },
    });
    await audit(
      trx,
      { ...ctx, actor: asActor(updated) },
      {
        action: "user.password_reset",
        objectType: "user",
        objectId: user.id,
        before: { emailVerified: user.email_verified_at !== null },
        after: { emailVerified: true, sessionsEnded: true },
      },
    );
    return { ...session, user: toAccount(updated) };
  });
}
