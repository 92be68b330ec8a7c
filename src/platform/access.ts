/**
 * Who may act, decided in one place. Routes declare the level they need (public, signed-in,
 * secretariat); services check the specific organisation here. Another organisation's private
 * objects answer 404, byte-identical to an id that does not exist.
 */
import type { OrganisationRole } from "../modules/organisations/organisations.tables.js";
import type { Actor, Ctx } from "./context.js";
import { isSecretariat } from "./context.js";
import { AppError } from "./errors.js";

export type RouteAccess = "public" | "signed-in" | "secretariat";

export function requireActor(ctx: Pick<Ctx, "actor">): Actor {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  return ctx.actor;
}

export function requireSecretariat(ctx: Pick<Ctx, "actor">): Actor {
  const actor = requireActor(ctx);
  if (!isSecretariat(actor)) throw new AppError("FORBIDDEN");
  return actor;
}

/** The actor's role in each of the given organisations (one query for any number of ids). */
export async function organisationRoles(
  ctx: Pick<Ctx, "actor" | "db">,
  organisationIds: string[],
): Promise<Map<string, OrganisationRole>> {
  const roles = new Map<string, OrganisationRole>();
  if (!ctx.actor || organisationIds.length === 0) return roles;
  const rows = await ctx.db
    .selectFrom("organisation_members")
    .select(["organisation_id", "role"])
    .where("user_id", "=", ctx.actor.id)
    .where("organisation_id", "in", organisationIds)
    .execute();
  for (const row of rows) roles.set(row.organisation_id, row.role);
  return roles;
}

/**
 * Requires one of `allowed` roles in the organisation (the secretariat always passes).
 * Not a member: 404, as if the object did not exist. A member without the role: 403.
 */
export async function requireOrganisationRole(
  ctx: Pick<Ctx, "actor" | "db">,
  organisationId: string,
  allowed: OrganisationRole[] = ["focal_point", "member"],
): Promise<{ actor: Actor; role: OrganisationRole | "secretariat" }> {
  const actor = requireActor(ctx);
  if (isSecretariat(actor)) return { actor, role: "secretariat" };
  const role = (await organisationRoles(ctx, [organisationId])).get(organisationId);
  if (!role) throw new AppError("NOT_FOUND");
  if (!allowed.includes(role)) throw new AppError("FORBIDDEN");
  return { actor, role };
}
