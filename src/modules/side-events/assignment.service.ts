/**
 * The reviewer assignment Convene proposes for a session's submitted proposals (HiGHS, see
 * assignment.solver.ts), which the secretariat adjusts and confirms; reviewers declare the themes
 * they know. Confirmation checks every pair again (role, conflict), keeps assignments already made,
 * audits each new one and mails every reviewer once, in their language.
 */
import { requireActor, requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { isLang, type Lang } from "../../platform/i18n/languages.js";
import { translate } from "../../platform/i18n/translate.js";
import { queueMail } from "../../platform/mail.js";
import { getSessionDetail, localized } from "../sessions/sessions.service.js";
import {
  type AssignmentInstance,
  conflictOf,
  type ExpertiseMode,
  type Infeasibility,
  solveAssignment,
} from "./assignment.solver.js";
import { mutate, type SeCtx } from "./side-events.service.js";

export interface AssignmentOptions {
  perProposal: number;
  expertise: ExpertiseMode;
}

/** The session's submitted proposals and the reviewers, as the model sees them. */
async function loadInstance(ctx: SeCtx, sessionId: string, options: AssignmentOptions, lang: Lang) {
  const proposals = await ctx.db
    .selectFrom("side_event_proposals")
    .select(["id", "title", "themes", "lead_organisation_id"])
    .where("session_id", "=", sessionId)
    .where("status", "=", "submitted")
    .orderBy("submitted_at")
    .orderBy("id")
    .execute();
  const ids = proposals.map((p) => p.id);
  const [coorganisers, reviewers, existing] = await Promise.all([
    ids.length
      ? ctx.db
          .selectFrom("side_event_coorganisers")
          .select(["proposal_id", "organisation_id"])
          .where("proposal_id", "in", ids)
          .where("organisation_id", "is not", null)
          .where("status", "!=", "declined")
          .execute()
      : [],
    ctx.db
      .selectFrom("users as u")
      .leftJoin("side_event_reviewer_expertise as x", "x.user_id", "u.id")
      .select(["u.id", "u.display_name", "u.email", "u.preferred_language", "x.themes"])
      .where((eb) => eb(eb.val("reviewer"), "=", eb.fn.any("u.roles")))
      .where("u.disabled_at", "is", null)
      .orderBy("u.display_name")
      .orderBy("u.id")
      .execute(),
    ids.length
      ? ctx.db
          .selectFrom("side_event_reviewers")
          .select(["proposal_id as proposalId", "reviewer_id as reviewerId"])
          .where("proposal_id", "in", ids)
          .execute()
      : [],
  ]);
  const memberships = reviewers.length
    ? await ctx.db
        .selectFrom("organisation_members")
        .select(["user_id", "organisation_id"])
        .where(
          "user_id",
          "in",
          reviewers.map((r) => r.id),
        )
        .execute()
    : [];
  const instance: AssignmentInstance = {
    proposals: proposals.map((p) => ({
      id: p.id,
      title: localized(p.title, lang),
      themes: p.themes,
      organisers: [
        p.lead_organisation_id,
        ...coorganisers.filter((c) => c.proposal_id === p.id).flatMap((c) => c.organisation_id ?? []),
      ],
    })),
    reviewers: reviewers.map((r) => ({
      id: r.id,
      name: r.display_name,
      themes: r.themes ?? [],
      organisations: memberships.filter((m) => m.user_id === r.id).map((m) => m.organisation_id),
    })),
    existing: existing.filter((e) => reviewers.some((r) => r.id === e.reviewerId)),
    perProposal: options.perProposal,
    expertise: options.expertise,
  };
  return { instance, reviewers, proposals };
}

/** One sentence per proposal that cannot get its reviewers. */
export function explain(lang: Lang, reasons: Infeasibility[]): string[] {
  return reasons.map((r) =>
    [
      translate(lang, "sideEvents.assignment.short", {
        title: r.title,
        needed: r.needed,
        eligible: r.eligible,
      }),
      r.conflicted.length
        ? translate(lang, "sideEvents.assignment.conflicted", { names: r.conflicted.join(", ") })
        : "",
      r.withoutExpertise.length
        ? translate(lang, "sideEvents.assignment.noExpertise", { names: r.withoutExpertise.join(", ") })
        : "",
    ]
      .filter(Boolean)
      .join(" "),
  );
}

export async function proposeReviewerAssignment(ctx: SeCtx, sessionSlug: string, options: AssignmentOptions) {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const { instance } = await loadInstance(ctx, session.id, options, ctx.lang);
  const result = await solveAssignment(instance);
  return { session, instance, result, explanation: explain(ctx.lang, result.reasons) };
}

/** Confirms the (adjusted) assignment: every pair checked, audited, each reviewer mailed once. */
export async function confirmReviewerAssignment(
  ctx: SeCtx,
  sessionSlug: string,
  pairs: Array<{ proposalId: string; reviewerId: string }>,
) {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const { instance, reviewers } = await loadInstance(
    ctx,
    session.id,
    { perProposal: 1, expertise: "ignore" },
    ctx.lang,
  );
  const existing = new Set(instance.existing.map((e) => `${e.proposalId}|${e.reviewerId}`));
  const fresh = [...new Map(pairs.map((p) => [`${p.proposalId}|${p.reviewerId}`, p])).values()].filter(
    (p) => !existing.has(`${p.proposalId}|${p.reviewerId}`),
  );
  for (const pair of fresh) {
    const proposal = instance.proposals.find((p) => p.id === pair.proposalId);
    if (!proposal) throw new AppError("SIDE_EVENT_STATE_INVALID", undefined, { proposalId: pair.proposalId });
    const reviewer = instance.reviewers.find((r) => r.id === pair.reviewerId);
    if (!reviewer) throw new AppError("SIDE_EVENT_NOT_A_REVIEWER");
    if (conflictOf(proposal, reviewer)) {
      const names = await ctx.db
        .selectFrom("organisations")
        .select("name")
        .where(
          "id",
          "in",
          reviewer.organisations.filter((o) => proposal.organisers.includes(o)),
        )
        .execute();
      throw new AppError(
        "SIDE_EVENT_REVIEWER_CONFLICT",
        `${reviewer.name} is a member of an organising organisation of "${proposal.title}": ${names.map((n) => n.name).join(", ")}`,
        { organisations: names.map((n) => n.name) },
      );
    }
  }
  await mutate(ctx, async (trx) => {
    for (const pair of fresh) {
      await trx
        .insertInto("side_event_reviewers")
        .values({
          proposal_id: pair.proposalId,
          reviewer_id: pair.reviewerId,
          assigned_by: ctx.actor?.id ?? null,
        })
        .onConflict((oc) => oc.columns(["proposal_id", "reviewer_id"]).doNothing())
        .execute();
      await audit(trx, ctx, {
        action: "side_event_reviewer.assigned",
        objectType: "side_event_proposal",
        objectId: pair.proposalId,
        after: { reviewerId: pair.reviewerId, through: "proposed_assignment" },
      });
    }
    await audit(trx, ctx, {
      action: "side_event_review_assignment.confirmed",
      objectType: "conference_session",
      objectId: session.id,
      after: { assignments: fresh.length },
    });
    for (const r of reviewers) {
      const count = fresh.filter((p) => p.reviewerId === r.id).length;
      if (count === 0) continue;
      const lang = isLang(r.preferred_language) ? r.preferred_language : "en";
      await queueMail(trx, ctx.config, {
        to: r.email,
        lang,
        template: "sideEvents.reviewsAssigned",
        values: {
          count,
          session: localized(session.name, lang),
          url: `${ctx.config.baseUrl}/side-events/reviews`,
        },
      });
    }
  });
  return { assigned: fresh.length };
}

// ---- the reviewer's declared expertise

export async function getExpertise(ctx: SeCtx): Promise<string[]> {
  const actor = requireActor(ctx);
  const row = await ctx.db
    .selectFrom("side_event_reviewer_expertise")
    .select("themes")
    .where("user_id", "=", actor.id)
    .executeTakeFirst();
  return row?.themes ?? [];
}

export async function setExpertise(ctx: SeCtx, themes: string[]): Promise<string[]> {
  const actor = requireActor(ctx);
  if (!actor.roles.includes("reviewer")) throw new AppError("FORBIDDEN");
  const before = await getExpertise(ctx);
  await mutate(ctx, async (trx) => {
    await trx
      .insertInto("side_event_reviewer_expertise")
      .values({ user_id: actor.id, themes })
      .onConflict((oc) => oc.column("user_id").doUpdateSet({ themes, updated_at: ctx.clock.now() }))
      .execute();
    await audit(trx, ctx, {
      action: "side_event_reviewer.expertise_declared",
      objectType: "user",
      objectId: actor.id,
      before: { themes: before },
      after: { themes },
    });
  });
  return themes;
}
