/**
 * Observer admission (rule 17 of the COP rules of procedure). A focal point applies before the
 * session's deadline. ECOSOC-status organisations follow the quick path: the secretariat, for the
 * Bureau, admits them. Others are circulated to States; member-state delegates may object until
 * the objection window closes; a scheduled job then admits those without objection and refers
 * the others to the Conference, whose decision the secretariat records (that path: rule17.service.ts).
 * Every step is an event (the applicant's timeline), a mail in each recipient's language, and an
 * audit row.
 */
import { requireOrganisationRole, requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import type { PublicCache } from "../../platform/cache.js";
import type { Ctx, Services } from "../../platform/context.js";
import { type Executor, inTransaction, type Trx } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang, type Lang } from "../../platform/i18n/languages.js";
import { queueMail } from "../../platform/mail.js";
import { findOrganisationBySlug } from "../organisations/organisations.queries.js";
import {
  getSessionBySlug,
  getSessionDetail,
  getSessionRules,
  localized,
} from "../sessions/sessions.service.js";
import * as q from "./accreditation.queries.js";
import type { ApplicationPath, ApplicationStatus } from "./accreditation.tables.js";

export type AccCtx = Ctx & { cache?: PublicCache };
/** What a job has: no actor, no request. */
export type JobCtx = Services & { cache?: PublicCache };
/** The context a job acts in: nobody signed in. */
export const jobCtx = (services: JobCtx): AccCtx => ({
  ...services,
  actor: null,
  lang: "en",
  requestId: "job",
  ip: "",
});

export interface TimelineEvent {
  at: Date;
  kind: string;
  note: string | null;
}

export interface Application {
  id: string;
  sessionId: string;
  sessionSlug: string;
  organisation: { id: string; slug: string; name: string };
  path: ApplicationPath;
  status: ApplicationStatus;
  relevance: string;
  agendaItemIds: string[];
  submittedAt: Date;
  circulatedAt: Date | null;
  objectionDeadline: Date | null;
  decidedAt: Date | null;
  timeline: TimelineEvent[];
}

const ECOSOC = new Set(["general", "special", "roster"]);

/** The organisation by slug; unknown and foreign ones are the same 404 (access.ts). */
export async function organisationFor(
  ctx: AccCtx,
  slug: string,
  roles: Array<"focal_point" | "member"> = ["focal_point", "member"],
) {
  const org = await findOrganisationBySlug(ctx.db, slug);
  if (!org) throw new AppError("NOT_FOUND");
  const access = await requireOrganisationRole(ctx, org.id, roles);
  return { org, access };
}

export async function addEvent(
  trx: Executor,
  applicationId: string,
  at: Date,
  kind: string,
  actorId: string | null,
  note: string | null = null,
) {
  await q.insertEvent(trx, { application_id: applicationId, at, kind, actor_id: actorId, note });
}

/** Mails each focal point of the organisation in their own language. */
export async function mailFocalPoints(
  trx: Executor,
  services: Pick<Services, "config">,
  organisationId: string,
  template: string,
  values: (lang: Lang) => Record<string, string | number>,
) {
  const people = await q.focalPointsOf(trx, organisationId);
  for (const p of people) {
    const lang = isLang(p.preferred_language) ? p.preferred_language : "en";
    await queueMail(trx, services.config, { to: p.email, lang, template, values: values(lang) });
  }
}

async function withTimeline(db: Executor, row: q.ApplicationRow): Promise<Application> {
  const events = await q.timelineOf(db, row.id);
  return {
    id: row.id,
    sessionId: row.session_id,
    sessionSlug: row.session_slug,
    organisation: { id: row.organisation_id, slug: row.organisation_slug, name: row.organisation_name },
    path: row.path,
    status: row.status,
    relevance: row.relevance,
    agendaItemIds: row.agenda_item_ids,
    submittedAt: row.submitted_at,
    circulatedAt: row.circulated_at,
    objectionDeadline: row.objection_deadline,
    decidedAt: row.decided_at,
    timeline: events,
  };
}

export const auditView = (a: { status: string; path: string; objection_deadline?: Date | null }) => ({
  status: a.status,
  path: a.path,
  objectionDeadline: a.objection_deadline ?? null,
});

// ---- apply

export async function applyForObserverStatus(
  ctx: AccCtx,
  orgSlug: string,
  sessionSlug: string,
  input: { relevance: string; agendaItemIds: string[] },
): Promise<Application> {
  const { org, access } = await organisationFor(ctx, orgSlug, ["focal_point"]);
  const session = await getSessionDetail(ctx, sessionSlug);
  const rules = await getSessionRules(ctx, session.id);
  const now = ctx.clock.now();
  const deadline = rules.observerApplicationDeadline ?? rules.rule17CirculationDueAt;
  if (now > deadline) throw new AppError("APPLICATION_DEADLINE_PASSED");
  const known = new Set(session.agendaItems.map((i) => i.id));
  const agendaItemIds = [...new Set(input.agendaItemIds)];
  if (agendaItemIds.some((id) => !known.has(id)))
    throw new AppError("VALIDATION_FAILED", undefined, {
      fields: [{ path: "body.agendaItemIds", message: "unknown agenda item" }],
    });
  const path: ApplicationPath = ECOSOC.has(org.ecosoc_status) ? "ecosoc" : "rule17";
  try {
    const id = await inTransaction(ctx.db, async (trx) => {
      const row = await q.insertApplication(trx, {
        session_id: session.id,
        organisation_id: org.id,
        path,
        relevance: input.relevance,
        agenda_item_ids: agendaItemIds,
        submitted_by: access.actor.id,
        submitted_at: now,
      });
      await addEvent(trx, row.id, now, "submitted", access.actor.id);
      await audit(trx, ctx, {
        action: "observer_application.submitted",
        objectType: "observer_application",
        objectId: row.id,
        organisationId: org.id,
        after: auditView(row),
      });
      await mailFocalPoints(trx, ctx, org.id, "accreditation.submitted", (lang) => ({
        organisation: org.name,
        session: localized(session.name, lang),
        link: `${ctx.config.baseUrl}/organisations/${org.slug}/sessions/${session.slug}/application`,
      }));
      return row.id;
    });
    return getApplicationById(ctx.db, id);
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e?.code === "23505" && e.constraint === "observer_applications_one_per_session")
      throw new AppError("APPLICATION_EXISTS");
    throw error;
  }
}

export async function getApplicationById(db: Executor, id: string): Promise<Application> {
  const row = await q.applicationQuery(db).where("a.id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND");
  return withTimeline(db, row);
}

/** The organisation's application for the session (members and the secretariat), or null. */
export async function findApplication(ctx: AccCtx, orgSlug: string, sessionSlug: string) {
  const { org } = await organisationFor(ctx, orgSlug);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const row = await q
    .applicationQuery(ctx.db)
    .where("a.organisation_id", "=", org.id)
    .where("a.session_id", "=", session.id)
    .executeTakeFirst();
  return { org, session, application: row ? await withTimeline(ctx.db, row) : null };
}

/** The organisations the actor belongs to, with their application to the session (or none). */
export async function myOrganisationsForSession(ctx: AccCtx, sessionSlug: string) {
  if (!ctx.actor) throw new AppError("UNAUTHENTICATED");
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rows = await q.organisationsOfMember(ctx.db, ctx.actor.id, session.id);
  return { session, organisations: rows };
}

// ---- the secretariat

/** Locks the application for a change. */
export async function lockApplicationRow(trx: Trx, id: string) {
  const row = await q.lockApplication(trx, id);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function listApplications(ctx: AccCtx, sessionSlug: string, status?: ApplicationStatus) {
  requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rows = await q.sessionApplications(ctx.db, session.id, status);
  return { session, items: rows };
}

/**
 * The secretariat's decision: for the Bureau on an ECOSOC application, or recording the
 * Conference's decision on a referred one.
 */
export async function decideApplication(
  ctx: AccCtx,
  id: string,
  input: { decision: "admit" | "reject"; note?: string },
): Promise<Application> {
  const actor = requireSecretariat(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const row = await lockApplicationRow(trx, id);
    const byConference = row.status === "referred";
    if (!byConference && !(row.path === "ecosoc" && row.status === "submitted"))
      throw new AppError("APPLICATION_STATE_INVALID");
    const now = ctx.clock.now();
    const status = input.decision === "admit" ? "admitted" : "rejected";
    await q.updateApplication(trx, id, { status, decided_at: now, updated_at: now });
    const kind = `${byConference ? "conference_" : ""}${status}`;
    await addEvent(trx, id, now, kind, actor.id, input.note ?? null);
    await audit(trx, ctx, {
      action: `observer_application.${kind}`,
      objectType: "observer_application",
      objectId: id,
      organisationId: row.organisation_id,
      before: auditView(row),
      after: { ...auditView({ ...row, status }), note: input.note ?? null },
    });
    await mailDecision(trx, ctx, row, status);
  });
  return getApplicationById(ctx.db, id);
}

/** Mails the focal points the application's outcome. */
export async function mailDecision(
  trx: Executor,
  ctx: JobCtx,
  row: { session_id: string; organisation_id: string },
  status: "admitted" | "rejected" | "referred",
) {
  const s = await q.sessionNaming(ctx.db, row.session_id);
  const org = await q.organisationNaming(trx, row.organisation_id);
  await mailFocalPoints(trx, ctx, row.organisation_id, `accreditation.${status}`, (lang) => ({
    organisation: org.name,
    session: localized(s.name, lang),
    link: `${ctx.config.baseUrl}/organisations/${org.slug}/sessions/${s.slug}/application`,
  }));
}
