/** SQL of the side-events module. */
import { sql } from "kysely";
import type { Executor } from "../../platform/database.js";

export async function findCall(db: Executor, sessionId: string) {
  return db.selectFrom("side_event_calls").selectAll().where("session_id", "=", sessionId).executeTakeFirst();
}
export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

export async function findProposal(db: Executor, id: string, options: { lock?: boolean } = {}) {
  let query = db
    .selectFrom("side_event_proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .selectAll("p")
    .select([
      "o.slug as lead_slug",
      "o.name as lead_name",
      "o.acronym as lead_acronym",
      "s.slug as session_slug",
    ])
    .where("p.id", "=", id);
  if (options.lock) query = query.forUpdate("p");
  return query.executeTakeFirst();
}
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

export async function listCoorganisers(db: Executor, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return db
    .selectFrom("side_event_coorganisers as c")
    .leftJoin("organisations as o", "o.id", "c.organisation_id")
    .select([
      "c.id",
      "c.proposal_id",
      "c.organisation_id",
      "c.invited_name",
      "c.invited_email",
      "c.invited_kind",
      "c.status",
      "o.slug",
      "o.name",
      "o.acronym",
      "o.kind as organisation_kind",
      "o.regional_group",
    ])
    .where("c.proposal_id", "in", proposalIds)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .execute();
}
export type CoorganiserRow = Awaited<ReturnType<typeof listCoorganisers>>[number];

export async function listPanellists(db: Executor, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return db
    .selectFrom("side_event_panellists")
    .selectAll()
    .where("proposal_id", "in", proposalIds)
    .orderBy("position")
    .orderBy("created_at")
    .execute();
}
export type PanellistRow = Awaited<ReturnType<typeof listPanellists>>[number];

/**
 * Organisations admitted as observers of the session. Read here because the accreditation module
 * exposes no service function for it yet; move it there when it does.
 */
export async function admittedOrganisations(db: Executor, sessionId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom("observer_applications")
    .select("organisation_id")
    .where("session_id", "=", sessionId)
    .where("status", "=", "admitted")
    .where("organisation_id", "in", organisationIds)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/** Focal points of the organisations, with their language, for mails. */
export async function focalPoints(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom("organisation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.email", "u.preferred_language", "m.organisation_id"])
    .where("m.organisation_id", "in", organisationIds)
    .where("m.role", "=", "focal_point")
    .where("u.disabled_at", "is", null)
    .execute();
}

/** Organisations of which the user is a member (any role). */
export async function membershipsOf(db: Executor, userId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom("organisation_members")
    .select(["organisation_id", "role"])
    .where("user_id", "=", userId)
    .where("organisation_id", "in", organisationIds)
    .execute();
}

export async function findAssignment(db: Executor, proposalId: string, reviewerId: string) {
  return db
    .selectFrom("side_event_reviewers")
    .selectAll()
    .where("proposal_id", "=", proposalId)
    .where("reviewer_id", "=", reviewerId)
    .executeTakeFirst();
}

/** Organisations admitted as observers of the session (for choosing co-organisers). */
export async function listAdmittedOrganisations(db: Executor, sessionId: string) {
  return db
    .selectFrom("observer_applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["o.id", "o.slug", "o.name"])
    .where("a.session_id", "=", sessionId)
    .where("a.status", "=", "admitted")
    .orderBy("o.name")
    .execute();
}

/** Accounts with the platform role 'reviewer'. */
export async function listReviewerUsers(db: Executor) {
  return db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where(sql<boolean>`'reviewer' = any(roles)`)
    .where("disabled_at", "is", null)
    .orderBy("display_name")
    .execute();
}

/** Who reviews which proposal of the session, and whether they have scored. */
export async function listSessionAssignments(db: Executor, sessionId: string) {
  return db
    .selectFrom("side_event_reviewers as r")
    .innerJoin("side_event_proposals as p", "p.id", "r.proposal_id")
    .innerJoin("users as u", "u.id", "r.reviewer_id")
    .select(["r.proposal_id", "u.display_name", "r.scored_at"])
    .where("p.session_id", "=", sessionId)
    .orderBy("r.assigned_at")
    .execute();
}

/** The proposals assigned to a reviewer (never drafts). */
export async function listAssignmentsOf(db: Executor, reviewerId: string) {
  return db
    .selectFrom("side_event_reviewers as r")
    .innerJoin("side_event_proposals as p", "p.id", "r.proposal_id")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select([
      "p.id",
      "p.title",
      "p.abstract",
      "p.status",
      "o.name as lead_name",
      "s.slug as session_slug",
      "r.scores",
      "r.comment",
      "r.scored_at",
    ])
    .where("r.reviewer_id", "=", reviewerId)
    .where("p.status", "!=", "draft")
    .orderBy("p.submitted_at")
    .execute();
}
