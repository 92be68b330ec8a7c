/**
 * Coalitions: an organisation of kind coalition whose members are organisations. The coalition's
 * focal point invites; the member organisation's focal point accepts or declines; either side
 * ends the membership. Active memberships show on both public pages.
 */
import { requireOrganisationRole } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang } from "../../platform/i18n/languages.js";
import { queueMail } from "../../platform/mail.js";
import { invalidateOrganisations } from "./organisations.cache.js";
import {
  type CoalitionLinkRow,
  coalitionLinks,
  findCoalitionMembership,
  findOrganisationBySlug,
  focalPointsOf,
} from "./organisations.queries.js";
import type { OrgCtx } from "./organisations.service.js";
import type { CoalitionStatus } from "./organisations.tables.js";

async function organisationOrNotFound(ctx: OrgCtx, slug: string) {
  const org = await findOrganisationBySlug(ctx.db, slug);
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}

const toLink = (row: CoalitionLinkRow) => ({
  organisation: { slug: row.slug, name: row.name, acronym: row.acronym, verified: row.verified_at !== null },
  status: row.status,
  invitedAt: row.invited_at,
  respondedAt: row.responded_at,
  endedAt: row.ended_at,
});

/** Every coalition membership of an organisation, pending ones included: for its members. */
export async function listCoalitionLinks(ctx: OrgCtx, slug: string) {
  const org = await organisationOrNotFound(ctx, slug);
  await requireOrganisationRole(ctx, org.id);
  const links = await coalitionLinks(ctx.db, org.id, ["invited", "active", "declined", "ended"]);
  return { asCoalition: links.asCoalition.map(toLink), asMember: links.asMember.map(toLink) };
}

/** The coalition's focal point invites an organisation (by its slug); its focal points are told by mail. */
export async function inviteCoalitionMember(ctx: OrgCtx, coalitionSlug: string, memberSlug: string) {
  const coalition = await organisationOrNotFound(ctx, coalitionSlug);
  const { actor } = await requireOrganisationRole(ctx, coalition.id, ["focal_point"]);
  if (coalition.kind !== "coalition") throw new AppError("NOT_A_COALITION");
  const member = await findOrganisationBySlug(ctx.db, memberSlug);
  if (!member) throw new AppError("MEMBER_ORGANISATION_NOT_FOUND");
  if (member.id === coalition.id) throw new AppError("COALITION_SELF");
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const existing = await findCoalitionMembership(trx, coalition.id, member.id);
    if (existing && (existing.status === "invited" || existing.status === "active")) {
      throw new AppError("COALITION_MEMBERSHIP_EXISTS");
    }
    const fresh = {
      status: "invited" as const,
      invited_by: actor.id,
      invited_at: now,
      responded_at: null,
      ended_at: null,
    };
    const row = existing
      ? await trx
          .updateTable("coalition_memberships")
          .set({ ...fresh, updated_at: now })
          .where("id", "=", existing.id)
          .returning(["id"])
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto("coalition_memberships")
          .values({
            ...fresh,
            coalition_id: coalition.id,
            member_id: member.id,
            created_at: now,
            updated_at: now,
          })
          .returning(["id"])
          .executeTakeFirstOrThrow();
    for (const focalPoint of await focalPointsOf(trx, member.id)) {
      await queueMail(trx, ctx.config, {
        to: focalPoint.email,
        lang: isLang(focalPoint.preferred_language) ? focalPoint.preferred_language : ctx.lang,
        template: "coalitionInvitation",
        values: {
          coalition: coalition.name,
          organisation: member.name,
          link: `${ctx.config.baseUrl}/organisations/${member.slug}/members`,
        },
      });
    }
    await audit(trx, ctx, {
      action: "coalition_membership.invited",
      objectType: "coalition_membership",
      objectId: row.id,
      organisationId: coalition.id,
      before: existing ? { status: existing.status } : undefined,
      after: { coalition: coalition.slug, member: member.slug, status: "invited" },
    });
  });
}

/** The invited organisation's focal point accepts or declines. */
export async function respondToCoalitionInvitation(
  ctx: OrgCtx,
  memberSlug: string,
  coalitionSlug: string,
  accept: boolean,
) {
  const member = await organisationOrNotFound(ctx, memberSlug);
  await requireOrganisationRole(ctx, member.id, ["focal_point"]);
  const coalition = await findOrganisationBySlug(ctx.db, coalitionSlug);
  if (!coalition) throw new AppError("COALITION_MEMBERSHIP_NOT_FOUND");
  const status: CoalitionStatus = accept ? "active" : "declined";
  await inTransaction(ctx.db, async (trx) => {
    const existing = await findCoalitionMembership(trx, coalition.id, member.id);
    if (existing?.status !== "invited") throw new AppError("COALITION_MEMBERSHIP_NOT_FOUND");
    const now = ctx.clock.now();
    await trx
      .updateTable("coalition_memberships")
      .set({ status, responded_at: now, updated_at: now })
      .where("id", "=", existing.id)
      .execute();
    await audit(trx, ctx, {
      action: accept ? "coalition_membership.accepted" : "coalition_membership.declined",
      objectType: "coalition_membership",
      objectId: existing.id,
      organisationId: member.id,
      before: { status: existing.status },
      after: { coalition: coalition.slug, member: member.slug, status },
    });
    if (accept) await invalidateOrganisations(trx, ctx.cache);
  });
}

/**
 * Either side ends a membership (or withdraws a pending invitation). `side` says which
 * organisation acts: the coalition (`actingSlug` is the coalition) or the member.
 */
export async function endCoalitionMembership(
  ctx: OrgCtx,
  side: "coalition" | "member",
  actingSlug: string,
  otherSlug: string,
) {
  const acting = await organisationOrNotFound(ctx, actingSlug);
  await requireOrganisationRole(ctx, acting.id, ["focal_point"]);
  const other = await findOrganisationBySlug(ctx.db, otherSlug);
  if (!other) throw new AppError("COALITION_MEMBERSHIP_NOT_FOUND");
  const [coalition, member] = side === "coalition" ? [acting, other] : [other, acting];
  await inTransaction(ctx.db, async (trx) => {
    const existing = await findCoalitionMembership(trx, coalition.id, member.id);
    if (!existing || (existing.status !== "active" && existing.status !== "invited")) {
      throw new AppError("COALITION_MEMBERSHIP_NOT_FOUND");
    }
    const now = ctx.clock.now();
    await trx
      .updateTable("coalition_memberships")
      .set({ status: "ended", ended_at: now, updated_at: now })
      .where("id", "=", existing.id)
      .execute();
    await audit(trx, ctx, {
      action: "coalition_membership.ended",
      objectType: "coalition_membership",
      objectId: existing.id,
      organisationId: acting.id,
      before: { status: existing.status },
      after: { coalition: coalition.slug, member: member.slug, status: "ended", by: side },
    });
    await invalidateOrganisations(trx, ctx.cache);
  });
}

/**
 * Invites and accepts in one step, for an actor who may act for both sides (the secretariat, or a
 * focal point of both): the demo data builds the NGO Alliance's membership this way.
 */
export async function addCoalitionMember(ctx: OrgCtx, coalitionSlug: string, memberSlug: string) {
  await inviteCoalitionMember(ctx, coalitionSlug, memberSlug);
  await respondToCoalitionInvitation(ctx, memberSlug, coalitionSlug, true);
}
