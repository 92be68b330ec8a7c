/** One's own account: name, language, password. */
import { requireActor } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { hashPassword, verifyPassword } from "../../platform/auth.js";
import type { Ctx } from "../../platform/context.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { queueMail } from "../../platform/mail.js";
import { consumeRateLimits } from "../../platform/rate-limit.js";
import { LIMITS, languageOf, limit, link, toAccount } from "./accounts.common.js";
import { deleteOtherSessions, findUserById, retireTokens, updateUserRow } from "./accounts.queries.js";
import type { Account, AccountPatch, PasswordChange } from "./accounts.schemas.js";

export async function getAccount(ctx: Ctx): Promise<Account> {
  const actor = requireActor(ctx);
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return toAccount(user);
}

export async function updateAccount(ctx: Ctx, patch: AccountPatch): Promise<Account> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const user = await findUserById(trx, actor.id, { forUpdate: true });
    if (!user) throw new AppError("UNAUTHENTICATED");
    const changes = {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.preferredLanguage !== undefined ? { preferred_language: patch.preferredLanguage } : {}),
    };
    const updated = await updateUserRow(trx, user.id, changes, now);
    await audit(trx, ctx, {
      action: "user.profile_updated",
      objectType: "user",
      objectId: user.id,
      before: { displayName: user.display_name, preferredLanguage: user.preferred_language },
      after: { displayName: updated.display_name, preferredLanguage: updated.preferred_language },
    });
    return toAccount(updated);
  });
}

/** Changes the password (the current one is required) and ends every other session. */
export async function changePassword(
  ctx: Ctx,
  input: PasswordChange,
  currentSessionId: string | null,
): Promise<void> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  await consumeRateLimits(ctx.db, [limit(`password:user:${actor.id}`, LIMITS.passwordChange)], now);
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError("CURRENT_PASSWORD_WRONG");
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    await updateUserRow(trx, user.id, { password_hash: passwordHash }, now);
    await deleteOtherSessions(trx, user.id, currentSessionId);
    await retireTokens(trx, "reset_password", user.id, now);
    await queueMail(trx, ctx.config, {
      to: user.email,
      lang: languageOf(user),
      template: "accounts.passwordChanged",
      values: { name: user.display_name, link: link(ctx, "/password-reset") },
    });
    await audit(trx, ctx, {
      action: "user.password_changed",
      objectType: "user",
      objectId: user.id,
      after: { otherSessionsEnded: true },
    });
  });
}
