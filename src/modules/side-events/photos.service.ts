/**
 * Panellists' photos: uploaded by the lead organiser, re-encoded with sharp as accreditation does
 * for delegates (EXIF and every other metadata block dropped), kept in the database. The public
 * sees a photo only with the panellist's consent to publish and never a protected panellist's;
 * organisers and reviewers see unprotected panellists' photos; a protected panellist's photo is
 * served only to the lead organiser and the secretariat, each read audited like the identity.
 */
import { audit } from "../../platform/audit.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { normalisePhoto } from "../accreditation/accreditation.files.js";
import * as q from "./side-events.queries.js";
import { mutate, proposalFor, proposalForLead, type SeCtx } from "./side-events.service.js";

async function panellistOf(ctx: SeCtx, proposalId: string, panellistId: string) {
  const p = (await q.listPanellists(ctx.db, [proposalId])).find((x) => x.id === panellistId);
  if (!p) throw new AppError("NOT_FOUND");
  return p;
}

export async function setPanellistPhoto(ctx: SeCtx, proposalId: string, panellistId: string, input: Buffer) {
  const row = await proposalForLead(ctx, proposalId);
  const p = await panellistOf(ctx, proposalId, panellistId);
  const jpeg = await normalisePhoto(input);
  await mutate(ctx, async (trx) => {
    const file = await trx
      .insertInto("side_event_files")
      .values({ content_type: "image/jpeg", bytes: jpeg })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("side_event_panellists")
      .set({ photo_file_id: file.id })
      .where("id", "=", p.id)
      .execute();
    if (p.photo_file_id) await trx.deleteFrom("side_event_files").where("id", "=", p.photo_file_id).execute();
    await audit(trx, ctx, {
      action: "side_event_panellist.photo_set",
      objectType: "side_event_panellist",
      objectId: p.id,
      organisationId: row.lead_organisation_id,
      // never the identity: the pseudonym of a protected panellist, else nothing more than the id
      after: { proposalId, protected: p.protection !== null, pseudonym: p.pseudonym },
    });
  });
  return { ok: true };
}

async function fileOf(ctx: SeCtx, fileId: string | null) {
  if (!fileId) throw new AppError("NOT_FOUND");
  const f = await ctx.db
    .selectFrom("side_event_files")
    .select("bytes")
    .where("id", "=", fileId)
    .executeTakeFirst();
  if (!f) throw new AppError("NOT_FOUND");
  return f.bytes;
}

/** For the organisers, reviewers and the secretariat; protected: lead and secretariat only. */
export async function getPanellistPhoto(ctx: SeCtx, proposalId: string, panellistId: string) {
  const { row, viewer } = await proposalFor(ctx, proposalId);
  const p = await panellistOf(ctx, proposalId, panellistId);
  if (p.protection !== null) {
    // the same 404 as no photo: co-organisers and reviewers cannot tell whether one exists
    if (viewer !== "lead" && viewer !== "secretariat") throw new AppError("NOT_FOUND");
    const bytes = await fileOf(ctx, p.photo_file_id);
    await inTransaction(ctx.db, (trx) =>
      audit(trx, ctx, {
        action: "panellist.identity_viewed",
        objectType: "side_event_panellist",
        objectId: p.id,
        organisationId: row.lead_organisation_id,
        after: { proposalId, pseudonym: p.pseudonym, part: "photo" },
      }),
    );
    return bytes;
  }
  return fileOf(ctx, p.photo_file_id);
}

/** The public photo: an accepted event's unprotected panellist who consented to publication. */
export async function getPublicPanellistPhoto(ctx: SeCtx, panellistId: string) {
  const p = await ctx.db
    .selectFrom("side_event_panellists as x")
    .innerJoin("side_event_proposals as p", "p.id", "x.proposal_id")
    .select(["x.photo_file_id", "x.protection", "x.consent_to_publish", "p.status"])
    .where("x.id", "=", panellistId)
    .executeTakeFirst();
  if (p?.status !== "accepted" || p.protection !== null || !p.consent_to_publish)
    throw new AppError("NOT_FOUND");
  return fileOf(ctx, p.photo_file_id);
}
