/**
 * Rule 17 of the COP rules of procedure, for organisations without ECOSOC status: the secretariat
 * circulates the application to States and the objection window opens; member-state delegates
 * read the circulated list and may object, with a reason, until it closes; a scheduled job (safe
 * on several processes: one job per application and deadline) then admits the organisation if no
 * State objected, or refers it to the Conference, whose decision the secretariat records
 * (decideApplication in accreditation.service.ts).
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { isSecretariat } from "../../platform/context.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { formatDate } from "../../platform/i18n/translate.js";
import { enqueueJob } from "../../platform/jobs.js";
import { getSessionDetail, getSessionRules, localized } from "../sessions/sessions.service.js";
import * as q from "./accreditation.queries.js";
import {
  type AccCtx,
  type Application,
  addEvent,
  auditView,
  getApplicationById,
  type JobCtx,
  lockApplicationRow,
  mailDecision,
  mailFocalPoints,
} from "./accreditation.service.js";

export const OBJECTION_JOB = "accreditation.objection-window-closes";
const DAY = 86_400_000;

/** Puts a rule-17 application on the list circulated to States; the objection window opens. */
export async function circulateApplication(ctx: AccCtx, id: string): Promise<Application> {
  const actor = requireSecretariat(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const row = await lockApplicationRow(trx, id);
    if (row.path !== "rule17" || row.status !== "submitted") throw new AppError("APPLICATION_STATE_INVALID");
    const rules = await getSessionRules(ctx, row.session_id);
    const now = ctx.clock.now();
    const deadline = new Date(now.getTime() + rules.objectionWindowDays * DAY);
    await q.updateApplication(trx, id, {
      status: "circulated",
      circulated_at: now,
      objection_deadline: deadline,
      updated_at: now,
    });
    await addEvent(trx, id, now, "circulated", actor.id);
    await enqueueJob(
      trx,
      OBJECTION_JOB,
      { applicationId: id },
      { runAt: deadline, dedupeKey: `${OBJECTION_JOB}:${id}` },
    );
    await audit(trx, ctx, {
      action: "observer_application.circulated",
      objectType: "observer_application",
      objectId: id,
      organisationId: row.organisation_id,
      before: auditView(row),
      after: auditView({ ...row, status: "circulated", objection_deadline: deadline }),
    });
    const s = await q.sessionNaming(ctx.db, row.session_id);
    await mailFocalPoints(trx, ctx, row.organisation_id, "accreditation.circulated", (lang) => ({
      session: localized(s.name, lang),
      deadline: formatDate(lang, deadline, { dateStyle: "long", timeZone: s.time_zone }),
    }));
  });
  return getApplicationById(ctx.db, id);
}

/** The scheduled end of an objection window: admitted without objection, else referred. */
export async function closeObjectionWindow(ctx: JobCtx, applicationId: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await q.lockApplication(trx, applicationId);
    if (row?.status !== "circulated" || !row.objection_deadline) return;
    const now = ctx.clock.now();
    if (now < row.objection_deadline) {
      await enqueueJob(
        trx,
        OBJECTION_JOB,
        { applicationId },
        {
          runAt: row.objection_deadline,
          dedupeKey: `${OBJECTION_JOB}:${applicationId}:${row.objection_deadline.toISOString()}`,
        },
      );
      return;
    }
    const n = await q.countObjections(trx, applicationId);
    const status = n === 0 ? "admitted" : "referred";
    await q.updateApplication(trx, applicationId, {
      status,
      decided_at: status === "admitted" ? now : null,
      updated_at: now,
    });
    await addEvent(
      trx,
      applicationId,
      now,
      status === "admitted" ? "admitted_no_objection" : "referred",
      null,
    );
    await audit(trx, null, {
      action: `observer_application.${status === "admitted" ? "admitted_no_objection" : "referred"}`,
      objectType: "observer_application",
      objectId: applicationId,
      organisationId: row.organisation_id,
      before: auditView(row),
      after: { ...auditView({ ...row, status }), objections: n },
    });
    await mailDecision(trx, ctx, row, status);
  });
}

function requireMemberStateDelegate(ctx: AccCtx) {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  if (!ctx.actor.roles.includes("member_state_delegate") && !isSecretariat(ctx.actor))
    throw new AppError("NOT_A_MEMBER_STATE_DELEGATE");
  return ctx.actor;
}

/** The list circulated to States, with each organisation's information. */
export async function circulatedList(ctx: AccCtx, sessionSlug: string) {
  const actor = requireMemberStateDelegate(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const rows = await q.circulatedApplications(ctx.db, session.id, actor.id);
  return { session, items: rows };
}

export async function lodgeObjection(ctx: AccCtx, applicationId: string, reason: string) {
  const actor = requireMemberStateDelegate(ctx);
  try {
    await inTransaction(ctx.db, async (trx) => {
      const row = await lockApplicationRow(trx, applicationId);
      const now = ctx.clock.now();
      if (row.status !== "circulated" || !row.objection_deadline || now >= row.objection_deadline)
        throw new AppError("OBJECTION_WINDOW_CLOSED");
      const objection = await q.insertObjection(trx, {
        application_id: applicationId,
        objector_id: actor.id,
        reason,
        lodged_at: now,
      });
      // The applicant's timeline says that an objection was lodged, not by whom.
      await addEvent(trx, applicationId, now, "objection_lodged", null);
      await audit(trx, ctx, {
        action: "observer_objection.lodged",
        objectType: "observer_objection",
        objectId: objection.id,
        organisationId: row.organisation_id,
        after: { applicationId, reason },
      });
    });
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e?.code === "23505" && e.constraint === "observer_objections_one_per_objector")
      throw new AppError("OBJECTION_EXISTS");
    throw error;
  }
}

export function accreditationApplicationJobs(services: JobCtx) {
  return {
    [OBJECTION_JOB]: async (payload: Record<string, unknown>) =>
      closeObjectionWindow(services, String(payload.applicationId)),
  };
}
