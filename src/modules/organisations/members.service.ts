/**
 * The people of an organisation: focal points and members, and the invitations that bring them
 * in. Access is read from organisation_members on every call, so a removed member loses it on
 * their very next request. Rules on the number of focal points lock the organisation row.
 */
import { requireActor, requireOrganisationRole } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { hashToken, randomToken } from "../../platform/auth.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang } from "../../platform/i18n/languages.js";
import { queueMail } from "../../platform/mail.js";
import {
  addMember,
  coalitionLinks,
  countFocalPoints,
  findInvitationByHash,
  findMember,
  findOrganisationBySlug,
  listMembers as listMemberRows,
  lockOrganisation,
  pendingInvitations,
} from "./organisations.queries.js";
import type { InvitationCreate } from "./organisations.schemas.js";
import type { OrgCtx } from "./organisations.service.js";
import type { OrganisationRole } from "./organisations.tables.js";

export const INVITATION_DAYS = 7;

async function organisationOrNotFound(ctx: OrgCtx, slug: string) {
  const org = await findOrganisationBySlug(ctx.db, slug);
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}

/** The members of an organisation, for its members and the secretariat (404 for anyone else). */
export async function listMembers(ctx: OrgCtx, slug: string) {
  const org = await organisationOrNotFound(ctx, slug);
  await requireOrganisationRole(ctx, org.id);
  const rows = await listMemberRows(ctx.db, org.id);
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    email: r.email,
    role: r.role,
    since: r.created_at,
  }));
}

/**
 * Everything the members page shows, for a member (404 for anyone else): the people, and for
 * those who manage the organisation the pending invitations; the coalition memberships.
 */
export async function membersOverview(ctx: OrgCtx, slug: string) {
  const org = await organisationOrNotFound(ctx, slug);
  const { role } = await requireOrganisationRole(ctx, org.id);
  const manages = role === "focal_point" || role === "secretariat";
  const [members, invitations, links] = await Promise.all([
    listMemberRows(ctx.db, org.id),
    manages ? pendingInvitations(ctx.db, org.id, ctx.clock.now()) : Promise.resolve([]),
    coalitionLinks(ctx.db, org.id, ["invited", "active"]),
  ]);
  const toLink = (row: (typeof links.asCoalition)[number]) => ({
    organisation: { slug: row.slug, name: row.name },
    status: row.status,
  });
  return {
    org: { slug: org.slug, name: org.name, kind: org.kind },
    role,
    members: members.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
      since: r.created_at,
    })),
    invitations: invitations.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      expiresAt: r.expires_at,
    })),
    coalitions: { asCoalition: links.asCoalition.map(toLink), asMember: links.asMember.map(toLink) },
  };
}

/** Pending invitations, for the focal points and the secretariat. */
export async function listInvitations(ctx: OrgCtx, slug: string) {
  const org = await organisationOrNotFound(ctx, slug);
  await requireOrganisationRole(ctx, org.id, ["focal_point"]);
  const rows = await pendingInvitations(ctx.db, org.id, ctx.clock.now());
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
  }));
}

/**
 * A focal point invites someone by e-mail. The mail carries a single-use token valid for seven
 * days, in the invitee's language if they have an account, else in the inviter's. A newer
 * invitation to the same address replaces the pending one. Returns the token for callers that
 * deliver it themselves (the demo data); the API never shows it.
 */
export async function inviteMember(ctx: OrgCtx, slug: string, input: InvitationCreate) {
  const org = await organisationOrNotFound(ctx, slug);
  const { actor } = await requireOrganisationRole(ctx, org.id, ["focal_point"]);
  const now = ctx.clock.now();
  const token = randomToken();
  const invitation = await inTransaction(ctx.db, async (trx) => {
    const account = await trx
      .selectFrom("users")
      .select(["id", "preferred_language"])
      .where("email", "=", input.email)
      .executeTakeFirst();
    if (account && (await findMember(trx, org.id, account.id))) throw new AppError("ALREADY_MEMBER");
    await trx
      .updateTable("organisation_invitations")
      .set({ revoked_at: now })
      .where("organisation_id", "=", org.id)
      .where("email", "=", input.email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    const row = await trx
      .insertInto("organisation_invitations")
      .values({
        organisation_id: org.id,
        email: input.email,
        role: input.role,
        token_hash: hashToken(token),
        invited_by: actor.id,
        expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
        created_at: now,
      })
      .returning(["id", "email", "role", "expires_at", "created_at"])
      .executeTakeFirstOrThrow();
    const lang = account && isLang(account.preferred_language) ? account.preferred_language : ctx.lang;
    await queueMail(trx, ctx.config, {
      to: input.email,
      lang,
      template: "organisationInvitation",
      values: {
        organisation: org.name,
        inviter: actor.displayName,
        role: input.role,
        days: INVITATION_DAYS,
        link: `${ctx.config.baseUrl}/invitations/${token}`,
      },
    });
    await audit(trx, ctx, {
      action: "organisation_invitation.created",
      objectType: "organisation_invitation",
      objectId: row.id,
      organisationId: org.id,
      after: { email: row.email, role: row.role, expires_at: row.expires_at },
    });
    return row;
  });
  return {
    invitation: {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expires_at,
      createdAt: invitation.created_at,
    },
    token,
  };
}

function checkUsable(
  invitation: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date },
  now: Date,
) {
  if (invitation.accepted_at || invitation.revoked_at) throw new AppError("INVITATION_USED");
  if (invitation.expires_at.getTime() <= now.getTime()) throw new AppError("INVITATION_EXPIRED");
}

/** What an invitation link offers, for whoever holds the link. */
export async function viewInvitation(ctx: OrgCtx, token: string) {
  const invitation = await findInvitationByHash(ctx.db, hashToken(token));
  if (!invitation) throw new AppError("INVITATION_NOT_FOUND");
  checkUsable(invitation, ctx.clock.now());
  return {
    organisation: {
      slug: invitation.slug,
      name: invitation.name,
      acronym: invitation.acronym,
      verified: invitation.verified_at !== null,
    },
    role: invitation.role,
    expiresAt: invitation.expires_at,
  };
}

/**
 * The person the invitation was sent to joins the organisation; the token is used up. A link
 * forwarded to someone else does not let them in: the account's verified e-mail address must be
 * the invited one.
 */
export async function acceptInvitation(
  ctx: OrgCtx,
  token: string,
): Promise<{ slug: string; role: OrganisationRole }> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const invitation = await findInvitationByHash(trx, hashToken(token), true);
    if (!invitation) throw new AppError("INVITATION_NOT_FOUND");
    checkUsable(invitation, now);
    if (invitation.email.toLowerCase() !== actor.email.toLowerCase())
      throw new AppError("INVITATION_FOR_ANOTHER_ACCOUNT");
    if (!actor.emailVerified) throw new AppError("EMAIL_NOT_VERIFIED");
    if (await findMember(trx, invitation.organisation_id, actor.id)) throw new AppError("ALREADY_MEMBER");
    await addMember(trx, invitation.organisation_id, actor.id, invitation.role);
    await trx
      .updateTable("organisation_invitations")
      .set({ accepted_at: now, accepted_by: actor.id })
      .where("id", "=", invitation.id)
      .execute();
    await audit(trx, ctx, {
      action: "organisation_member.added",
      objectType: "organisation_member",
      objectId: actor.id,
      organisationId: invitation.organisation_id,
      after: { user_id: actor.id, role: invitation.role, invitation_id: invitation.id },
    });
    return { slug: invitation.slug, role: invitation.role };
  });
}

/** A focal point changes a member's role; the last focal point cannot step down. */
export async function changeMemberRole(ctx: OrgCtx, slug: string, userId: string, role: OrganisationRole) {
  const org = await organisationOrNotFound(ctx, slug);
  await requireOrganisationRole(ctx, org.id, ["focal_point"]);
  await inTransaction(ctx.db, async (trx) => {
    await lockOrganisation(trx, org.id);
    const member = await findMember(trx, org.id, userId);
    if (!member) throw new AppError("MEMBER_NOT_FOUND");
    if (member.role === role) return;
    if (member.role === "focal_point" && (await countFocalPoints(trx, org.id)) <= 1) {
      throw new AppError("LAST_FOCAL_POINT");
    }
    await trx
      .updateTable("organisation_members")
      .set({ role })
      .where("organisation_id", "=", org.id)
      .where("user_id", "=", userId)
      .execute();
    await audit(trx, ctx, {
      action: "organisation_member.role_changed",
      objectType: "organisation_member",
      objectId: userId,
      organisationId: org.id,
      before: { role: member.role },
      after: { role },
    });
  });
}

/**
 * A focal point removes a member, or a member leaves. The organisation keeps at least one focal
 * point. The removed person loses access on their next request.
 */
export async function removeMember(ctx: OrgCtx, slug: string, userId: string) {
  const org = await organisationOrNotFound(ctx, slug);
  const { actor, role } = await requireOrganisationRole(ctx, org.id);
  if (role === "member" && actor.id !== userId) throw new AppError("FORBIDDEN");
  await inTransaction(ctx.db, async (trx) => {
    await lockOrganisation(trx, org.id);
    const member = await findMember(trx, org.id, userId);
    if (!member) throw new AppError("MEMBER_NOT_FOUND");
    if (member.role === "focal_point" && (await countFocalPoints(trx, org.id)) <= 1) {
      throw new AppError("LAST_FOCAL_POINT");
    }
    await trx
      .deleteFrom("organisation_members")
      .where("organisation_id", "=", org.id)
      .where("user_id", "=", userId)
      .execute();
    await audit(trx, ctx, {
      action: "organisation_member.removed",
      objectType: "organisation_member",
      objectId: userId,
      organisationId: org.id,
      before: { user_id: userId, role: member.role },
    });
  });
}
