import { audit } from "../../platform/audit.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import * as q from "./side-events.queries.js";
import type { PanellistCreate } from "./side-events.schemas.js";
import { getProposal, mutate, type Proposal, proposalForLead, type SeCtx } from "./side-events.service.js";

// ---- panellists

export async function addPanellist(ctx: SeCtx, id: string, input: PanellistCreate): Promise<Proposal> {
  await proposalForLead(ctx, id);
  await mutate(ctx, async (trx) => {
    const row = await q.findProposal(trx, id, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status === "withdrawn" || row.status === "rejected")
      throw new AppError("SIDE_EVENT_STATE_INVALID");
    const count = (await q.listPanellists(trx, [id])).length;
    // A minor is always protected.
    const protection = input.minor ? (input.protection ?? "minor") : (input.protection ?? null);
    const now = ctx.clock.now();
    const p = await trx
      .insertInto("side_event_panellists")
      .values({
        proposal_id: id,
        position: count,
        name: input.name,
        affiliation: input.affiliation ?? null,
        gender: input.gender,
        country: input.country ?? null,
        bio: input.bio ?? null,
        role: input.role,
        consent_to_publish: input.consentToPublish,
        consent_at: input.consentToPublish ? now : null,
        protection,
        minor: input.minor ?? false,
        pseudonym: protection ? (input.pseudonym ?? `Panellist ${count + 1}`) : null,
      })
      .returning(["id", "protection", "pseudonym", "role"])
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: "side_event_panellist.added",
      objectType: "side_event_panellist",
      objectId: p.id,
      organisationId: row.lead_organisation_id,
      // never the identity: the audit log is rendered to the secretariat without further checks
      after: { proposalId: id, protected: p.protection !== null, pseudonym: p.pseudonym, role: p.role },
    });
  });
  return getProposal(ctx, id);
}

/** A panellist's identity: the lead organiser and the secretariat only, each read audited. */
export async function getPanellistIdentity(ctx: SeCtx, id: string, panellistId: string) {
  const row = await proposalForLead(ctx, id);
  const p = (await q.listPanellists(ctx.db, [id])).find((x) => x.id === panellistId);
  if (!p) throw new AppError("NOT_FOUND");
  if (p.protection !== null) {
    await inTransaction(ctx.db, (trx) =>
      audit(trx, ctx, {
        action: "panellist.identity_viewed",
        objectType: "side_event_panellist",
        objectId: p.id,
        organisationId: row.lead_organisation_id,
        after: { proposalId: id, pseudonym: p.pseudonym },
      }),
    );
  }
  return p;
}
