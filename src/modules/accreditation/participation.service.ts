/**
 * Lists and figures: the public participant list (admitted organisations, and the people who
 * consented), the secretariat's delegate list with filters and its CSV/XLSX exports (formula
 * injection neutralised), the security export (the only one with ID numbers and dates of birth,
 * audited), the session's figures, and the retention purge of personal data.
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { inTransaction } from "../../platform/database.js";
import { enqueueJob } from "../../platform/jobs.js";
import { getSessionBySlug, getSessionRules } from "../sessions/sessions.service.js";
import { databaseFileStore } from "./accreditation.files.js";
import { type AccCtx, type JobCtx, jobCtx } from "./accreditation.service.js";
import { PURGE_JOB } from "./delegates.service.js";
import type { DelegateFilter } from "./participation.queries.js";
import * as q from "./participation.queries.js";

const count = (n: unknown) => Number(n);

/** Figures a report can quote: anonymous counts only. */
export async function participationFigures(ctx: AccCtx, sessionSlug: string) {
  const session = await getSessionBySlug(ctx, sessionSlug);
  const admitted = await q.admittedWithAttendance(ctx.db, session.id);
  const tally = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m]
      .map(([key, n]) => ({ key, count: n }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  const attending = admitted.filter((a) => a.attending);
  const genders = await q.approvedByGender(ctx.db, session.id);
  return {
    session,
    figures: {
      organisationsAdmitted: admitted.length,
      organisationsAttending: attending.length,
      countries: new Set(admitted.map((a) => a.country)).size,
      countriesAttending: new Set(attending.map((a) => a.country)).size,
      regionalGroups: tally(admitted.map((a) => a.regional_group)),
      fieldsOfWork: tally(admitted.flatMap((a) => a.fields_of_work)),
      delegatesApproved: genders.reduce((s, g) => s + count(g.n), 0),
      delegatesByGender: genders
        .map((g) => ({ key: g.gender, count: count(g.n) }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    },
  };
}

/** The public list: admitted organisations, with the approved delegates who consented. */
export async function publicParticipants(ctx: AccCtx, sessionSlug: string) {
  const session = await getSessionBySlug(ctx, sessionSlug);
  const orgs = await q.admittedOrganisations(ctx.db, session.id);
  const people = await q.consentingDelegates(ctx.db, session.id);
  return {
    session,
    organisations: orgs.map((o) => ({
      slug: o.slug,
      name: o.name,
      acronym: o.acronym,
      country: o.country,
      delegates: people.filter((p) => p.organisation_id === o.id).map((p) => p.full_name),
    })),
  };
}

export type { DelegateFilter } from "./participation.queries.js";

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * The secretariat's list of a session's delegates (no ID numbers, no dates of birth), one page of
 * it when `paging` is given (with the total), all of it for the exports.
 */
export async function listSessionDelegates(
  ctx: AccCtx,
  sessionSlug: string,
  filter: DelegateFilter,
  paging?: Paging,
) {
  requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  if (!paging) {
    const items = await q.sessionDelegates(ctx.db, session.id, filter);
    return { session, items, total: items.length };
  }
  return { session, ...(await q.sessionDelegatesPage(ctx.db, session.id, filter, paging)) };
}

// ---- exports

/** Neutralises spreadsheet formulas: a cell that starts, perhaps after invisible characters, with = + - @ (or a tab or CR). */
export function neutralise(value: string): string {
  return /^[\t\r]/.test(value) || /^[\s\p{Cc}\p{Cf}]*[=+\-@]/u.test(value) ? `'${value}` : value;
}

const csvCell = (v: string) => `"${neutralise(v).replaceAll('"', '""')}"`;
export const toCsv = (rows: string[][]) =>
  `\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;

export async function toXlsx(sheetName: string, rows: string[][]): Promise<Buffer> {
  // Loaded on first use: exceljs costs half a second at start-up.
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row.map(neutralise));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

const exportHeader = [
  "Name",
  "Title",
  "E-mail",
  "Nationality",
  "Gender",
  "Organisation",
  "Country",
  "Regional group",
  "Status",
  "Badge",
];

export async function delegateExportRows(ctx: AccCtx, sessionSlug: string, filter: DelegateFilter) {
  const { items } = await listSessionDelegates(ctx, sessionSlug, filter);
  return [
    exportHeader,
    ...items.map((d) => [
      d.full_name,
      d.title ?? "",
      d.email,
      d.nationality,
      d.gender,
      d.organisation,
      d.country,
      d.regional_group,
      d.status,
      d.badge_code ?? "",
    ]),
  ];
}

/** The security export: the one document with ID numbers and dates of birth. Audited. */
export async function securityExport(ctx: AccCtx, sessionSlug: string): Promise<string> {
  requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rows = await q.securityRows(ctx.db, session.id);
  await audit(ctx.db, ctx, {
    action: "delegates.security_export",
    objectType: "session",
    objectId: session.id,
    after: { rows: rows.length },
  });
  return toCsv([
    ["Name", "Nationality", "Date of birth", "ID document", "ID number", "ID expiry", "Organisation"],
    ...rows.map((r) => [
      r.full_name,
      r.nationality,
      r.dob ?? "",
      r.id_document_type ?? "",
      r.id_document_number ?? "",
      r.expiry ?? "",
      r.organisation,
    ]),
  ]);
}

// ---- retention

/** Purges ID numbers, dates of birth and photos once the session's retention period is over. */
export async function purgePersonalData(ctx: JobCtx, sessionId: string): Promise<number> {
  const rules = await getSessionRules(jobCtx(ctx), sessionId);
  const now = ctx.clock.now();
  if (now < rules.personalDataPurgeAt) {
    // The session's dates or retention changed: run again when it is due.
    await enqueueJob(
      ctx.db,
      PURGE_JOB,
      { sessionId },
      {
        runAt: rules.personalDataPurgeAt,
        dedupeKey: `${PURGE_JOB}:${sessionId}:${rules.personalDataPurgeAt.toISOString()}`,
      },
    );
    return 0;
  }
  return inTransaction(ctx.db, async (trx) => {
    const rows = await q.lockUnpurgedDelegates(trx, sessionId);
    if (!rows.length) return 0;
    await q.purgeDelegates(
      trx,
      rows.map((r) => r.id),
      now,
    );
    const photos = rows.flatMap((r) => (r.photo_file_id ? [r.photo_file_id] : []));
    await databaseFileStore.remove(trx, photos);
    await audit(trx, null, {
      action: "delegates.personal_data_purged",
      objectType: "session",
      objectId: sessionId,
      after: { delegates: rows.length, photos: photos.length },
    });
    return rows.length;
  });
}

export function participationJobs(services: JobCtx) {
  return {
    [PURGE_JOB]: async (payload: Record<string, unknown>) => {
      await purgePersonalData(services, String(payload.sessionId));
    },
  };
}
