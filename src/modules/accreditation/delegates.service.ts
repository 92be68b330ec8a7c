/**
 * Delegates: the representatives an admitted organisation's focal point registers, up to the
 * session's quota (the application row is locked before counting, so the quota holds under
 * concurrent requests). Each delegate confirms and corrects their data through a mailed link
 * (delegate-link.service.ts).
 * ID numbers and dates of birth appear only in the single-delegate answer and the secretariat's
 * security export: never in lists, mails or audit rows.
 */
import { createHash, randomBytes } from "node:crypto";
import { requireOrganisationRole, requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { isSecretariat } from "../../platform/context.js";
import { type Executor, inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { enqueueJob } from "../../platform/jobs.js";
import { queueMail } from "../../platform/mail.js";
import { getSessionBySlug, getSessionRules, localized } from "../sessions/sessions.service.js";
import { databaseFileStore, normalisePhoto } from "./accreditation.files.js";
import { type AccCtx, organisationFor } from "./accreditation.service.js";
import type { DelegateStatus, Gender, IdDocumentType } from "./accreditation.tables.js";
import { badgesOfDelegate, sessionName } from "./badges.queries.js";
import { issueBadge, revokeValidBadge } from "./badges.service.js";
import * as q from "./delegates.queries.js";
import { delegatePlace } from "./delegates.queries.js";

export const PURGE_JOB = "accreditation.purge-personal-data";

export interface DelegateInput {
  fullName: string;
  title?: string | null;
  email: string;
  nationality: string;
  gender: Gender;
  dateOfBirth?: string | null;
  idDocumentType?: IdDocumentType | null;
  idDocumentNumber?: string | null;
  idDocumentExpiry?: string | null;
  consentPublic?: boolean;
  language?: Lang;
}

/** A delegate as lists show them: no ID number, no date of birth. */
export interface DelegateSummary {
  id: string;
  sessionId: string;
  organisationId: string;
  fullName: string;
  title: string | null;
  email: string;
  nationality: string;
  gender: Gender;
  status: DelegateStatus;
  confirmed: boolean;
  consentPublic: boolean;
  hasPhoto: boolean;
}

/** A delegate with their personal data: the person, their focal point and the secretariat. */
export interface DelegateDetail extends DelegateSummary {
  dateOfBirth: string | null;
  idDocumentType: IdDocumentType | null;
  idDocumentNumber: string | null;
  idDocumentExpiry: string | null;
  personalDataPurged: boolean;
}

type SummaryRow = {
  title: string | null;
  email: string;
  nationality: string;
  gender: Gender;
  confirmed_at: Date | null;
  photo_file_id: string | null;
  id: string;
  session_id: string;
  organisation_id: string;
  full_name: string;
  status: DelegateStatus;
  consent_public: boolean;
};

export function toSummary(r: SummaryRow): DelegateSummary {
  return {
    id: r.id,
    sessionId: r.session_id,
    organisationId: r.organisation_id,
    fullName: r.full_name,
    title: r.title,
    email: r.email,
    nationality: r.nationality,
    gender: r.gender,
    status: r.status,
    confirmed: r.confirmed_at !== null,
    consentPublic: r.consent_public,
    hasPhoto: r.photo_file_id !== null,
  };
}

/** What the audit log keeps of a delegate: never the ID number or the date of birth. */
export const auditView = (d: DelegateSummary) => ({ ...d, email: undefined });

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newLinkToken = () => {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashToken(token) };
};

type DelegateRow = NonNullable<Awaited<ReturnType<typeof q.loadDelegateRow>>>;
const loadDelegateRow = q.loadDelegateRow;

export function toDetail(r: DelegateRow): DelegateDetail {
  return {
    ...toSummary(r),
    dateOfBirth: r.dob,
    idDocumentType: r.id_document_type,
    idDocumentNumber: r.id_document_number,
    idDocumentExpiry: r.expiry,
    personalDataPurged: r.personal_data_purged_at !== null,
  };
}

/** A delegate the actor may manage (their organisation's focal point, or the secretariat). */
export async function delegateFor(ctx: AccCtx, id: string) {
  const row = await loadDelegateRow(ctx.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  await requireOrganisationRole(ctx, row.organisation_id, ["focal_point"]);
  return row;
}

export async function getDelegate(ctx: AccCtx, id: string): Promise<DelegateDetail> {
  return toDetail(await delegateFor(ctx, id));
}

/**
 * A delegate's page for their focal point or the secretariat: their data, organisation and
 * session, and badges (the revoked ones with their reasons for the secretariat only).
 */
export async function getDelegatePage(ctx: AccCtx, id: string) {
  const row = await delegateFor(ctx, id);
  const [place, badges] = await Promise.all([
    delegatePlace(ctx.db, row.id),
    badgesOfDelegate(ctx.db, row.id),
  ]);
  return {
    delegate: toDetail(row),
    organisation: { slug: place.organisation_slug, name: place.organisation_name },
    session: { slug: place.session_slug, name: place.session_name },
    validBadge: badges.find((b) => b.revoked_at === null) ?? null,
    revokedBadges: isSecretariat(ctx.actor) ? badges.filter((b) => b.revoked_at !== null) : [],
  };
}

export async function mailDelegateLink(
  trx: Executor,
  ctx: AccCtx,
  to: { email: string; fullName: string; sessionId: string },
  template:
    | "accreditation.delegateConfirm"
    | "accreditation.delegateApproved"
    | "accreditation.delegateNewLink",
  token: string,
  lang: Lang,
) {
  const name = await sessionName(trx, to.sessionId);
  await queueMail(trx, ctx.config, {
    to: to.email,
    lang,
    template,
    values: {
      name: to.fullName,
      session: localized(name, lang),
      link: `${ctx.config.baseUrl}/delegate/${token}`,
    },
  });
}

export async function registerDelegate(
  ctx: AccCtx,
  orgSlug: string,
  sessionSlug: string,
  input: DelegateInput,
  photo?: Buffer,
): Promise<DelegateDetail> {
  const { org } = await organisationFor(ctx, orgSlug, ["focal_point"]);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rules = await getSessionRules(ctx, session.id);
  const jpeg = photo ? await normalisePhoto(photo) : undefined;
  const id = await inTransaction(ctx.db, async (trx) => {
    // At most N: lock the parent row, then count.
    const application = await q.lockApplicationOf(trx, session.id, org.id);
    if (application?.status !== "admitted") throw new AppError("APPLICATION_NOT_ADMITTED");
    const n = await q.countActiveDelegates(trx, application.id);
    if (n >= rules.delegateQuota) throw new AppError("DELEGATE_QUOTA_REACHED");
    const photoId = jpeg
      ? await databaseFileStore.put(trx, { contentType: "image/jpeg", bytes: jpeg })
      : null;
    const link = newLinkToken();
    const row = await q.insertDelegate(trx, {
      application_id: application.id,
      session_id: session.id,
      organisation_id: org.id,
      full_name: input.fullName,
      title: input.title ?? null,
      email: input.email,
      nationality: input.nationality,
      gender: input.gender,
      date_of_birth: input.dateOfBirth ?? null,
      id_document_type: input.idDocumentType ?? null,
      id_document_number: input.idDocumentNumber ?? null,
      id_document_expiry: input.idDocumentExpiry ?? null,
      photo_file_id: photoId,
      consent_public: input.consentPublic ?? false,
      link_token_hash: link.hash,
    });
    const created = (await loadDelegateRow(trx, row.id))!;
    await audit(trx, ctx, {
      action: "delegate.registered",
      objectType: "delegate",
      objectId: row.id,
      organisationId: org.id,
      after: auditView(toSummary(created)),
    });
    await mailDelegateLink(
      trx,
      ctx,
      { email: input.email, fullName: input.fullName, sessionId: session.id },
      "accreditation.delegateConfirm",
      link.token,
      input.language ?? ctx.lang,
    );
    await enqueueJob(
      trx,
      PURGE_JOB,
      { sessionId: session.id },
      {
        runAt: rules.personalDataPurgeAt,
        dedupeKey: `${PURGE_JOB}:${session.id}:${rules.personalDataPurgeAt.toISOString()}`,
      },
    );
    return row.id;
  });
  return toDetail((await loadDelegateRow(ctx.db, id))!);
}

export type DelegatePatch = Partial<Omit<DelegateInput, "language">>;

/**
 * After the session's retention purge, what it removed (ID document, date of birth, photo) is not
 * taken again, from anyone: DELEGATE_DATA_PURGED. Clearing a field, the name or the consent remain.
 */
export function refuseAfterPurge(
  row: { personal_data_purged_at: Date | null },
  change: DelegatePatch | "photo",
) {
  if (row.personal_data_purged_at === null) return;
  const purged = ["dateOfBirth", "idDocumentType", "idDocumentNumber", "idDocumentExpiry"] as const;
  if (change === "photo" || purged.some((k) => change[k] != null)) throw new AppError("DELEGATE_DATA_PURGED");
}

export function patchColumns(patch: DelegatePatch) {
  return {
    full_name: patch.fullName,
    title: patch.title,
    email: patch.email,
    nationality: patch.nationality,
    gender: patch.gender,
    date_of_birth: patch.dateOfBirth,
    id_document_type: patch.idDocumentType,
    id_document_number: patch.idDocumentNumber,
    id_document_expiry: patch.idDocumentExpiry,
    consent_public: patch.consentPublic,
  };
}

/** Corrections by the focal point (until the secretariat decides) or by the secretariat. */
export async function updateDelegate(ctx: AccCtx, id: string, patch: DelegatePatch): Promise<DelegateDetail> {
  const before = await delegateFor(ctx, id);
  if (before.status !== "pending" && !isSecretariat(ctx.actor)) throw new AppError("DELEGATE_DECIDED");
  refuseAfterPurge(before, patch);
  await inTransaction(ctx.db, async (trx) => {
    await q.updateDelegateRow(trx, id, { ...patchColumns(patch), updated_at: ctx.clock.now() });
    const after = (await loadDelegateRow(trx, id))!;
    await audit(trx, ctx, {
      action: "delegate.updated",
      objectType: "delegate",
      objectId: id,
      organisationId: before.organisation_id,
      before: auditView(toSummary(before)),
      after: auditView(toSummary(after)),
    });
  });
  return getDelegate(ctx, id);
}

export async function setDelegatePhoto(ctx: AccCtx, id: string, bytes: Buffer): Promise<DelegateDetail> {
  const before = await delegateFor(ctx, id);
  if (before.status !== "pending" && !isSecretariat(ctx.actor)) throw new AppError("DELEGATE_DECIDED");
  refuseAfterPurge(before, "photo");
  const jpeg = await normalisePhoto(bytes);
  await inTransaction(ctx.db, async (trx) => {
    const fileId = await databaseFileStore.put(trx, { contentType: "image/jpeg", bytes: jpeg });
    await q.updateDelegateRow(trx, id, { photo_file_id: fileId });
    if (before.photo_file_id) await databaseFileStore.remove(trx, [before.photo_file_id]);
    await audit(trx, ctx, {
      action: "delegate.photo_set",
      objectType: "delegate",
      objectId: id,
      organisationId: before.organisation_id,
    });
  });
  return getDelegate(ctx, id);
}

export async function getDelegatePhoto(ctx: AccCtx, id: string) {
  const row = await delegateFor(ctx, id);
  const file = row.photo_file_id ? await databaseFileStore.get(ctx.db, row.photo_file_id) : null;
  if (!file) throw new AppError("NOT_FOUND");
  return file;
}

export async function listOrganisationDelegates(ctx: AccCtx, orgSlug: string, sessionSlug: string) {
  const { org } = await organisationFor(ctx, orgSlug, ["focal_point"]);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rules = await getSessionRules(ctx, session.id);
  const rows = await q.organisationDelegates(ctx.db, org.id, session.id);
  return { org, session, quota: rules.delegateQuota, items: rows.map(toSummary) };
}

/** The secretariat approves or rejects delegates of a session, one or many at once. */
export async function decideDelegates(
  ctx: AccCtx,
  sessionSlug: string,
  ids: string[],
  decision: "approve" | "reject",
): Promise<{ decided: number }> {
  const actor = requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const status: DelegateStatus = decision === "approve" ? "approved" : "rejected";
  return inTransaction(ctx.db, async (trx) => {
    const rows = await q.lockSessionDelegates(trx, session.id, ids);
    const now = ctx.clock.now();
    for (const row of rows) {
      if (row.status === status) continue;
      const link = newLinkToken();
      await q.updateDelegateRow(trx, row.id, {
        status,
        decided_at: now,
        decided_by: actor.id,
        updated_at: now,
        ...(status === "approved" ? { link_token_hash: link.hash } : {}),
      });
      if (status === "approved") {
        await issueBadge(trx, ctx, row.id, row.session_id);
        await mailDelegateLink(
          trx,
          ctx,
          { email: row.email, fullName: row.full_name, sessionId: row.session_id },
          "accreditation.delegateApproved",
          link.token,
          ctx.lang,
        );
      } else await revokeValidBadge(trx, row.id, now, "delegate rejected");
      await audit(trx, ctx, {
        action: `delegate.${status}`,
        objectType: "delegate",
        objectId: row.id,
        organisationId: row.organisation_id,
        before: { status: row.status },
        after: { status },
      });
    }
    return { decided: rows.length };
  });
}

/** The secretariat decides one delegate, as it decides many (decideDelegates). */
export async function decideDelegate(
  ctx: AccCtx,
  id: string,
  decision: "approve" | "reject",
): Promise<DelegateDetail> {
  requireSecretariat(ctx);
  const delegate = await getDelegate(ctx, id);
  await decideDelegates(ctx, await q.sessionSlugOf(ctx.db, delegate.sessionId), [delegate.id], decision);
  return getDelegate(ctx, delegate.id);
}
