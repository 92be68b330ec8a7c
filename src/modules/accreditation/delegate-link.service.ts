/**
 * The delegate's own page, reached by the link mailed to them (no account). The link is single
 * use: each change made through it replaces it (the new one is returned for the redirect), and a
 * link replaced by a change, by the approval or by a new badge is refused (DELEGATE_LINK_INVALID,
 * the same 404 as a link that never existed). While the registration is pending the person
 * completes and corrects every field and replaces their photo; once the secretariat has decided,
 * only their choice about the public list remains theirs (the rest: the secretariat, on
 * /delegates/{id}). After the retention purge no ID document, date of birth or photo is taken again.
 */
import { audit } from "../../platform/audit.js";
import { type Executor, inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { consumeRateLimits } from "../../platform/rate-limit.js";
import { databaseFileStore, normalisePhoto } from "./accreditation.files.js";
import type { AccCtx } from "./accreditation.service.js";
import { badgesOfDelegate } from "./badges.queries.js";
import * as q from "./delegates.queries.js";
import {
  auditView,
  type DelegateDetail,
  type DelegatePatch,
  hashToken,
  mailDelegateLink,
  newLinkToken,
  patchColumns,
  refuseAfterPurge,
  toDetail,
  toSummary,
} from "./delegates.service.js";

async function delegateByToken(db: Executor, token: string) {
  if (!/^[\w-]{20,64}$/.test(token)) throw new AppError("DELEGATE_LINK_INVALID");
  const id = await q.delegateIdByLinkHash(db, hashToken(token));
  if (!id) throw new AppError("DELEGATE_LINK_INVALID");
  return (await q.loadDelegateRow(db, id))!;
}

export async function getDelegateByLink(ctx: AccCtx, token: string): Promise<DelegateDetail> {
  return toDetail(await delegateByToken(ctx.db, token));
}

/**
 * What the person's page shows: their data and their badge — the valid one, or that it was
 * withdrawn (the secretariat's reason stays with the secretariat and the check-in desk).
 */
export async function getDelegateLinkPage(ctx: AccCtx, token: string) {
  const delegate = toDetail(await delegateByToken(ctx.db, token));
  const badges = await badgesOfDelegate(ctx.db, delegate.id);
  const valid = badges.find((b) => b.revoked_at === null);
  return {
    delegate,
    badge: valid ? { code: valid.code, issuedAt: valid.issued_at } : null,
    badgeWithdrawn: !valid && badges.length > 0 && delegate.status === "approved",
  };
}

/** Why a change through `token` touched no row: the link was replaced, or the secretariat decided meanwhile. */
async function refusal(db: Executor, token: string): Promise<never> {
  await delegateByToken(db, token);
  throw new AppError("DELEGATE_DECIDED");
}

/**
 * The delegate confirms (and may correct) their data and chooses about the public list. The link
 * is single use: a new one replaces it, returned for the redirect.
 */
export async function confirmByLink(
  ctx: AccCtx,
  token: string,
  patch: DelegatePatch,
): Promise<{ token: string; delegate: DelegateDetail }> {
  const before = await delegateByToken(ctx.db, token);
  // Once decided, only the consent remains the delegate's to change.
  const allowed: DelegatePatch = before.status === "pending" ? patch : { consentPublic: patch.consentPublic };
  refuseAfterPurge(before, allowed);
  const link = newLinkToken();
  await inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    const updated = await q.updateDelegateByLink(trx, before.id, hashToken(token), {
      ...patchColumns(allowed),
      confirmed_at: before.confirmed_at ?? now,
      link_token_hash: link.hash,
      updated_at: now,
    });
    if (updated !== 1) throw new AppError("DELEGATE_LINK_INVALID");
    const after = (await q.loadDelegateRow(trx, before.id))!;
    await audit(trx, ctx, {
      action: "delegate.confirmed_by_delegate",
      objectType: "delegate",
      objectId: before.id,
      organisationId: before.organisation_id,
      before: auditView(toSummary(before)),
      after: auditView(toSummary(after)),
    });
  });
  return { token: link.token, delegate: toDetail((await q.loadDelegateRow(ctx.db, before.id))!) };
}

/**
 * The delegate replaces their own photo while their registration is pending (the same checks and
 * EXIF stripping as the focal point's upload: normalisePhoto). Once decided: DELEGATE_DECIDED —
 * then a badge may exist, and only the secretariat replaces the photo (the badge PDF and the
 * check-in show the new one; a printed badge keeps the old one until the secretariat reissues it).
 * The link is replaced, as by any change; the old photo is deleted in the same transaction.
 */
export async function setPhotoByLink(
  ctx: AccCtx,
  token: string,
  bytes: Buffer,
): Promise<{ token: string; delegate: DelegateDetail }> {
  const before = await delegateByToken(ctx.db, token);
  if (before.status !== "pending") throw new AppError("DELEGATE_DECIDED");
  refuseAfterPurge(before, "photo");
  const jpeg = await normalisePhoto(bytes);
  const link = newLinkToken();
  await inTransaction(ctx.db, async (trx) => {
    const fileId = await databaseFileStore.put(trx, { contentType: "image/jpeg", bytes: jpeg });
    const updated = await q.updateDelegateByLink(
      trx,
      before.id,
      hashToken(token),
      { photo_file_id: fileId, link_token_hash: link.hash, updated_at: ctx.clock.now() },
      "pending",
    );
    if (updated !== 1) await refusal(trx, token);
    if (before.photo_file_id) await databaseFileStore.remove(trx, [before.photo_file_id]);
    await audit(trx, ctx, {
      action: "delegate.photo_set_by_delegate",
      objectType: "delegate",
      objectId: before.id,
      organisationId: before.organisation_id,
      before: { hasPhoto: before.photo_file_id !== null },
      after: { hasPhoto: true },
    });
  });
  return { token: link.token, delegate: toDetail((await q.loadDelegateRow(ctx.db, before.id))!) };
}

/** The person's own photo, for their page. */
export async function getPhotoByLink(ctx: AccCtx, token: string) {
  const row = await delegateByToken(ctx.db, token);
  const file = row.photo_file_id ? await databaseFileStore.get(ctx.db, row.photo_file_id) : null;
  if (!file) throw new AppError("NOT_FOUND");
  return file;
}

/** Asking for a new link: per address and per IP address, in an hour. */
const NEW_LINK_LIMITS = {
  email: { max: 3, windowSeconds: 3600 },
  ip: { max: 20, windowSeconds: 3600 },
};

/**
 * A person who lost the link to their page asks for a new one with their e-mail address. The
 * answer is the same whether the address is registered or not; each of their registrations still
 * open (not rejected, data not purged) gets a new link by mail, in the language they asked in, and
 * the previous link stops working.
 */
export async function requestNewLinks(ctx: AccCtx, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  await consumeRateLimits(
    ctx.db,
    [
      { key: `delegate-link:email:${address}`, ...NEW_LINK_LIMITS.email },
      { key: `delegate-link:ip:${ctx.ip}`, ...NEW_LINK_LIMITS.ip },
    ],
    ctx.clock.now(),
  );
  await inTransaction(ctx.db, async (trx) => {
    for (const d of await q.linkableDelegatesByEmail(trx, address)) {
      const link = newLinkToken();
      await q.updateDelegateRow(trx, d.id, { link_token_hash: link.hash });
      await mailDelegateLink(
        trx,
        ctx,
        { email: d.email, fullName: d.full_name, sessionId: d.session_id },
        "accreditation.delegateNewLink",
        link.token,
        ctx.lang,
      );
      await audit(trx, ctx, {
        action: "delegate.link_resent",
        objectType: "delegate",
        objectId: d.id,
        organisationId: d.organisation_id,
      });
    }
  });
}
