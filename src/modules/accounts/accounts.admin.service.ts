/**
 * The secretariat's side of accounts: find them, disable or enable them, grant and revoke the
 * platform roles. Disabling ends every session at once (and the session lookup ignores disabled
 * accounts anyway, so access ends on the very next request).
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { deleteSessionsOfUser } from "../../platform/auth.js";
import type { Ctx } from "../../platform/context.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { toAccount } from "./accounts.common.js";
import { findUserById, listUsers, type UserRow, updateUserRow } from "./accounts.queries.js";
import { type AdminUser, platformRoles, type UserListQuery, type UserPatch } from "./accounts.schemas.js";

export function toAdminUser(user: UserRow): AdminUser {
  return { ...toAccount(user), disabled: user.disabled_at !== null, createdAt: user.created_at };
}

export async function listUsersForAdmin(ctx: Ctx, query: UserListQuery) {
  requireSecretariat(ctx);
  const { items, total } = await listUsers(ctx.db, query);
  return { items: items.map(toAdminUser), total, page: query.page, pageSize: query.pageSize };
}

export async function getUserForAdmin(ctx: Ctx, id: string): Promise<AdminUser> {
  requireSecretariat(ctx);
  const user = await findUserById(ctx.db, id);
  if (!user) throw new AppError("NOT_FOUND");
  return toAdminUser(user);
}

export async function updateUserAccess(ctx: Ctx, id: string, patch: UserPatch): Promise<AdminUser> {
  const actor = requireSecretariat(ctx);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const user = await findUserById(trx, id, { forUpdate: true });
    if (!user) throw new AppError("NOT_FOUND");
    // Keep the order of platformRoles, so that the same set is always stored the same way.
    const roles = patch.roles ? platformRoles.filter((r) => patch.roles?.includes(r)) : undefined;
    if (user.id === actor.id && (patch.disabled === true || (roles && !roles.includes("secretariat")))) {
      // A secretariat locking itself out could leave nobody to undo it.
      throw new AppError("CANNOT_CHANGE_OWN_ACCESS");
    }
    const wasDisabled = user.disabled_at !== null;
    const disabled = patch.disabled ?? wasDisabled;
    const rolesChanged =
      roles !== undefined && roles.join(",") !== [...user.roles].sort(byRoleOrder).join(",");
    if (disabled === wasDisabled && !rolesChanged) return toAdminUser(user);
    const updated = await updateUserRow(
      trx,
      user.id,
      {
        ...(rolesChanged ? { roles } : {}),
        ...(disabled !== wasDisabled ? { disabled_at: disabled ? now : null } : {}),
      },
      now,
    );
    if (disabled && !wasDisabled) await deleteSessionsOfUser(trx, user.id);
    await audit(trx, ctx, {
      action: "user.access_changed",
      objectType: "user",
      objectId: user.id,
      before: { roles: user.roles, disabled: wasDisabled },
      after: { roles: updated.roles, disabled },
    });
    return toAdminUser(updated);
  });
}

function byRoleOrder(a: string, b: string): number {
  return (platformRoles as readonly string[]).indexOf(a) - (platformRoles as readonly string[]).indexOf(b);
}
