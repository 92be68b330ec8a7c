/**
 * After the event: its organisers (lead, confirmed co-organisers) record attendance (a total,
 * optionally by gender) and a short report, and upload materials — PDF files checked by content
 * (pdf-check.ts), never by name, kept in the database like accreditation's photos. All of it is
 * public on the event's page once the event has taken place (its slot has ended), not before.
 */
import { audit } from "../../platform/audit.js";
import type { Executor } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { getSessionDetail, type SessionDetail } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import { checkPdf, MAX_PDF_BYTES } from "./pdf-check.js";
import * as q from "./side-events.queries.js";
import { CACHE_TAG, mutate, proposalFor, type SeCtx } from "./side-events.service.js";
import type { AttendanceByGender } from "./side-events.tables.js";

export const MAX_MATERIALS = 10;

export interface AfterEvent {
  attendance: { total: number; byGender: AttendanceByGender | null } | null;
  report: Localized | null;
  materials: Array<{ id: string; title: string; sizeBytes: number; url: string }>;
}

/** The end of the event's slot, if it is accepted and scheduled. */
function endOf(row: { status: string; time_slot_id: string | null }, session: SessionDetail) {
  if (row.status !== "accepted" || !row.time_slot_id) return null;
  return session.timeSlots.find((s) => s.id === row.time_slot_id)?.endsAt ?? null;
}

/** The proposal for one of its organisers (or the secretariat), once the event has taken place. */
async function heldEventFor(ctx: SeCtx, id: string) {
  const { row, viewer } = await proposalFor(ctx, id);
  if (viewer === "reviewer") throw new AppError("FORBIDDEN");
  const session = await getSessionDetail(ctx, row.session_slug);
  const end = endOf(row, session);
  if (!end || end > ctx.clock.now()) throw new AppError("SIDE_EVENT_NOT_HELD_YET");
  return row;
}

export async function saveReport(
  ctx: SeCtx,
  id: string,
  input: { attendance: { total: number; byGender?: AttendanceByGender }; report?: Localized },
) {
  const row = await heldEventFor(ctx, id);
  const parts = Object.values(input.attendance.byGender ?? {});
  if (parts.reduce((a, b) => a + b, 0) > input.attendance.total)
    throw new AppError("VALIDATION_FAILED", "The attendance by gender exceeds the total.", {
      fields: [{ path: "body.attendance.byGender", message: "exceeds the total" }],
    });
  await mutate(ctx, async (trx) => {
    const before = await trx
      .selectFrom("side_event_reports")
      .select(["attendance_total", "attendance_by_gender"])
      .where("proposal_id", "=", id)
      .executeTakeFirst();
    const values = {
      attendance_total: input.attendance.total,
      attendance_by_gender: input.attendance.byGender ? JSON.stringify(input.attendance.byGender) : null,
      report: input.report ? JSON.stringify(input.report) : null,
      updated_by: ctx.actor?.id ?? null,
      updated_at: ctx.clock.now(),
    };
    await trx
      .insertInto("side_event_reports")
      .values({ ...values, proposal_id: id })
      .onConflict((oc) =>
        oc
          .column("proposal_id")
          .doUpdateSet((eb) => ({ ...values, version: eb("side_event_reports.version", "+", 1) })),
      )
      .execute();
    await audit(trx, ctx, {
      action: before ? "side_event_report.updated" : "side_event_report.recorded",
      objectType: "side_event_proposal",
      objectId: id,
      organisationId: row.lead_organisation_id,
      before: before ? { attendance: before.attendance_total } : undefined,
      after: { attendance: input.attendance.total, byGender: input.attendance.byGender ?? null },
    });
  });
  return getAfterEventOf(ctx.db, id, row.session_slug);
}

export async function addMaterial(ctx: SeCtx, id: string, input: { title: string; bytes: Buffer }) {
  const row = await heldEventFor(ctx, id);
  if (input.bytes.length > MAX_PDF_BYTES)
    throw new AppError("SIDE_EVENT_FILE_INVALID", "The file is larger than 10 MB.");
  const check = checkPdf(input.bytes);
  if (!check.ok) throw new AppError("SIDE_EVENT_FILE_INVALID", `Not a PDF file: ${check.reason}.`);
  const material = await mutate(ctx, async (trx) => {
    await q.findProposal(trx, id, { lock: true });
    const { count } = await trx
      .selectFrom("side_event_materials")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("proposal_id", "=", id)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_MATERIALS) throw new AppError("SIDE_EVENT_FILE_LIMIT");
    const file = await trx
      .insertInto("side_event_files")
      .values({ content_type: "application/pdf", bytes: input.bytes })
      .returning("id")
      .executeTakeFirstOrThrow();
    const m = await trx
      .insertInto("side_event_materials")
      .values({
        proposal_id: id,
        file_id: file.id,
        title: input.title,
        size_bytes: input.bytes.length,
        created_by: ctx.actor?.id ?? null,
      })
      .returning(["id", "title", "size_bytes"])
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: "side_event_material.uploaded",
      objectType: "side_event_proposal",
      objectId: id,
      organisationId: row.lead_organisation_id,
      after: { materialId: m.id, title: m.title, sizeBytes: m.size_bytes },
    });
    return m;
  });
  return { id: material.id, title: material.title, sizeBytes: material.size_bytes };
}

async function getAfterEventOf(db: Executor, id: string, sessionSlug: string): Promise<AfterEvent> {
  const [report, materials] = await Promise.all([
    db.selectFrom("side_event_reports").selectAll().where("proposal_id", "=", id).executeTakeFirst(),
    db
      .selectFrom("side_event_materials")
      .select(["id", "title", "size_bytes"])
      .where("proposal_id", "=", id)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);
  return {
    attendance: report ? { total: report.attendance_total, byGender: report.attendance_by_gender } : null,
    report: report?.report ?? null,
    materials: materials.map((m) => ({
      id: m.id,
      title: m.title,
      sizeBytes: m.size_bytes,
      url: `/api/v1/sessions/${sessionSlug}/side-events/${id}/materials/${m.id}`,
    })),
  };
}

/** What the public sees after the event: nothing before it has taken place. Cached under the tag. */
export async function publicAfterEvent(
  ctx: SeCtx,
  session: SessionDetail,
  event: { id: string; endsAt: Date | null },
): Promise<AfterEvent | null> {
  if (!event.endsAt || event.endsAt > ctx.clock.now()) return null;
  const load = () => getAfterEventOf(ctx.db, event.id, session.slug);
  return ctx.cache ? ctx.cache.wrap(`side-events:after:${event.id}`, [CACHE_TAG], load) : load();
}

/** A material's bytes, for the public once the event has taken place (else the 404 of no file). */
export async function getPublicMaterial(
  ctx: SeCtx,
  session: SessionDetail,
  eventId: string,
  materialId: string,
) {
  const row = await ctx.db
    .selectFrom("side_event_materials as m")
    .innerJoin("side_event_proposals as p", "p.id", "m.proposal_id")
    .innerJoin("side_event_files as f", "f.id", "m.file_id")
    .select(["m.title", "f.bytes", "p.status", "p.time_slot_id"])
    .where("m.id", "=", materialId)
    .where("p.id", "=", eventId)
    .where("p.session_id", "=", session.id)
    .executeTakeFirst();
  const end = row ? endOf(row, session) : null;
  if (!row || !end || end > ctx.clock.now()) throw new AppError("NOT_FOUND");
  return { title: row.title, bytes: row.bytes };
}
