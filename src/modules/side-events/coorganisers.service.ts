/** Co-organisers: the lead adds organisations (or invites one by e-mail); their focal points confirm or decline. */
import { requireOrganisationRole } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { queueMail } from "../../platform/mail.js";
import { findOrganisationBySlug } from "../organisations/organisations.queries.js";
import { localized } from "../sessions/sessions.service.js";
import * as q from "./side-events.queries.js";
import type { CoorganiserAdd } from "./side-events.schemas.js";
import {
  field,
  getProposal,
  mailOrganisations,
  mutate,
  type Proposal,
  proposalFor,
  proposalForLead,
  type SeCtx,
} from "./side-events.service.js";
export async function addCoorganiser(ctx: SeCtx, id: string, input: CoorganiserAdd): Promise<Proposal> {
  const current = await proposalForLead(ctx, id);
  await mutate(ctx, async (trx) => {
    const row = await q.findProposal(trx, id, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "draft") throw new AppError("SIDE_EVENT_NOT_DRAFT");
    const title = (lang: Lang) => ({ title: localized(row.title, lang), lead: row.lead_name });
    try {
      if ("organisation" in input) {
        const org = await findOrganisationBySlug(trx, input.organisation);
        if (!org) throw field("SIDE_EVENT_UNKNOWN_ITEM", "organisation");
        if (org.id === row.lead_organisation_id) throw new AppError("SIDE_EVENT_COORGANISER_SELF");
        await trx
          .insertInto("side_event_coorganisers")
          .values({ proposal_id: id, organisation_id: org.id, status: "pending" })
          .execute();
        await mailOrganisations(trx, ctx, [org.id], "sideEvents.coorganiserAsked", (lang) => ({
          ...title(lang),
          url: `${ctx.config.baseUrl}/side-events/proposals/${id}`,
        }));
        await audit(trx, ctx, {
          action: "side_event_coorganiser.asked",
          objectType: "side_event_proposal",
          objectId: id,
          organisationId: org.id,
          after: { organisation: org.slug },
        });
      } else {
        await trx
          .insertInto("side_event_coorganisers")
          .values({
            proposal_id: id,
            invited_name: input.name,
            invited_email: input.email.toLowerCase(),
            invited_kind: input.kind,
            status: "invited",
          })
          .execute();
        await queueMail(trx, ctx.config, {
          to: input.email,
          lang: ctx.lang,
          template: "sideEvents.coorganiserInvited",
          values: { ...title(ctx.lang), url: `${ctx.config.baseUrl}/sign-up` },
        });
        await audit(trx, ctx, {
          action: "side_event_coorganiser.invited",
          objectType: "side_event_proposal",
          objectId: id,
          organisationId: row.lead_organisation_id,
          after: { name: input.name, kind: input.kind },
        });
      }
    } catch (error) {
      if ((error as { code?: string }).code === "23505") throw new AppError("SIDE_EVENT_COORGANISER_EXISTS");
      throw error;
    }
  });
  return getProposal(ctx, current.id);
}

/** The co-organiser's focal point confirms or declines. */
export async function respondAsCoorganiser(
  ctx: SeCtx,
  id: string,
  orgSlug: string,
  decision: "confirm" | "decline",
): Promise<Proposal> {
  const org = await findOrganisationBySlug(ctx.db, orgSlug);
  if (!org) throw new AppError("NOT_FOUND");
  const { row } = await proposalFor(ctx, id);
  const link = (await q.listCoorganisers(ctx.db, [id])).find((c) => c.organisation_id === org.id);
  if (!link) throw new AppError("NOT_FOUND");
  await requireOrganisationRole(ctx, org.id, ["focal_point"]);
  await mutate(ctx, async (trx) => {
    const locked = await q.findProposal(trx, id, { lock: true });
    if (locked?.status !== "draft") throw new AppError("SIDE_EVENT_NOT_DRAFT");
    const status = decision === "confirm" ? "confirmed" : "declined";
    await trx
      .updateTable("side_event_coorganisers")
      .set({ status, responded_at: ctx.clock.now(), responded_by: ctx.actor?.id ?? null })
      .where("id", "=", link.id)
      .execute();
    await mailOrganisations(
      trx,
      ctx,
      [row.lead_organisation_id],
      `sideEvents.coorganiser.${status}`,
      (lang) => ({
        title: localized(row.title, lang),
        organisation: org.name,
      }),
    );
    await audit(trx, ctx, {
      action: `side_event_coorganiser.${status}`,
      objectType: "side_event_proposal",
      objectId: id,
      organisationId: org.id,
      before: { status: link.status },
      after: { status },
    });
  });
  return getProposal(ctx, id);
}
