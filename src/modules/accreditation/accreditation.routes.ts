/** Routes of the accreditation module: thin — validate, authorise, call the service, shape the answer. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { MAX_PHOTO_BYTES } from "./accreditation.files.js";
import { checkPhotoUpload } from "./accreditation.link-routes.js";
import { accreditationPageRoutes } from "./accreditation.page-routes.js";
import {
  ZApplication,
  ZApplicationCreate,
  ZApplicationDecision,
  ZApplicationList,
  ZApplicationsQuery,
  ZBadge,
  ZBulkDecision,
  ZCheckin,
  ZCheckinCounts,
  ZCheckinResult,
  ZCirculatedList,
  ZDecided,
  ZDelegateCreate,
  ZDelegateDecision,
  ZDelegateDetail,
  ZDelegatePatch,
  ZDelegatesQuery,
  ZIdParams,
  ZObjection,
  ZOrgDelegates,
  ZOrgSessionParams,
  ZParticipants,
  ZParticipation,
  ZRevoke,
  ZSessionDelegates,
  ZSessionParams,
  ZTokenParams,
} from "./accreditation.schemas.js";
import {
  type AccCtx,
  type Application,
  applyForObserverStatus,
  circulateApplication,
  circulatedList,
  decideApplication,
  findApplication,
  listApplications,
  lodgeObjection,
} from "./accreditation.service.js";
import {
  badgePdfByLink,
  badgePdfForDelegate,
  badgeSheetForOrganisation,
  badgeSheetForSession,
} from "./badges.pdf.js";
import { type CheckinResult, checkIn, checkinCounts, reissueBadge, revokeBadge } from "./badges.service.js";
import {
  decideDelegates,
  getDelegate,
  getDelegatePhoto,
  listOrganisationDelegates,
  registerDelegate,
  setDelegatePhoto,
  updateDelegate,
} from "./delegates.service.js";
import {
  delegateExportRows,
  listSessionDelegates,
  participationFigures,
  publicParticipants,
  securityExport,
  toCsv,
  toXlsx,
} from "./participation.service.js";

const tags = ["accreditation"];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const applicationJson = (a: Application) => ({
  id: a.id,
  session: a.sessionSlug,
  organisation: { slug: a.organisation.slug, name: a.organisation.name },
  path: a.path,
  status: a.status,
  relevance: a.relevance,
  agendaItemIds: a.agendaItemIds,
  submittedAt: a.submittedAt.toISOString(),
  circulatedAt: iso(a.circulatedAt),
  objectionDeadline: iso(a.objectionDeadline),
  decidedAt: iso(a.decidedAt),
  timeline: a.timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, note: e.note })),
});

export const checkinJson = (r: CheckinResult) => ({
  ...r,
  firstCheckedInAt: r.firstCheckedInAt.toISOString(),
  delegate: {
    id: r.delegate.id,
    fullName: r.delegate.fullName,
    organisation: r.delegate.organisation,
    photoUrl: r.delegate.hasPhoto ? `/api/v1/delegates/${r.delegate.id}/photo` : null,
  },
});

const sendFile = (reply: FastifyReply, type: string, name: string, body: Buffer | string) =>
  reply
    .header("content-type", type)
    .header("content-disposition", `attachment; filename="${name}"`)
    .header("cache-control", "private, no-store")
    .send(body);

export async function accreditationRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

  // Photos are sent as the image itself (PUT), within this module only.
  app.addContentTypeParser(
    ["image/jpeg", "image/png", "image/webp"],
    { parseAs: "buffer", bodyLimit: MAX_PHOTO_BYTES },
    (_request, body, done) => done(null, body),
  );

  // ---- applications

  const appUrl = "/api/v1/organisations/:org/sessions/:slug/application";
  app.post(
    appUrl,
    {
      config: { access: "signed-in", idempotency: "optional" },
      schema: { tags, params: ZOrgSessionParams, body: ZApplicationCreate, response: { 201: ZApplication } },
    },
    async (request, reply) => {
      const a = await applyForObserverStatus(
        ctxOf(request),
        request.params.org,
        request.params.slug,
        request.body,
      );
      return reply.code(201).header("location", request.url).send(applicationJson(a));
    },
  );
  app.get(
    appUrl,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZOrgSessionParams, response: { 200: ZApplication } },
    },
    async (request) => {
      const { application } = await findApplication(ctxOf(request), request.params.org, request.params.slug);
      if (!application) throw new AppError("NOT_FOUND");
      return applicationJson(application);
    },
  );
  app.get(
    "/api/v1/sessions/:slug/applications",
    {
      config: { access: "secretariat" },
      schema: {
        tags,
        params: ZSessionParams,
        querystring: ZApplicationsQuery,
        response: { 200: ZApplicationList },
      },
    },
    async (request) => {
      const { items } = await listApplications(ctxOf(request), request.params.slug, request.query.status);
      return {
        items: items.map((a) => ({
          id: a.id,
          organisation: { slug: a.organisation_slug, name: a.organisation_name, country: a.country },
          path: a.path,
          status: a.status,
          ecosocStatus: a.ecosoc_status,
          objections: Number(a.objections ?? 0),
          submittedAt: a.submitted_at.toISOString(),
          objectionDeadline: iso(a.objection_deadline),
        })),
      };
    },
  );
  app.post(
    "/api/v1/applications/:id/circulate",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZIdParams, response: { 200: ZApplication } },
    },
    async (request) => applicationJson(await circulateApplication(ctxOf(request), request.params.id)),
  );
  app.post(
    "/api/v1/applications/:id/decision",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZIdParams, body: ZApplicationDecision, response: { 200: ZApplication } },
    },
    async (request) =>
      applicationJson(await decideApplication(ctxOf(request), request.params.id, request.body)),
  );

  // ---- rule 17: the circulated list and States' objections

  app.get(
    "/api/v1/sessions/:slug/circulated-list",
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZSessionParams, response: { 200: ZCirculatedList } },
    },
    async (request) => {
      const { items } = await circulatedList(ctxOf(request), request.params.slug);
      return {
        items: items.map((r) => ({
          id: r.id,
          status: r.status,
          organisation: {
            slug: r.slug,
            name: r.name,
            acronym: r.acronym,
            country: r.country,
            regionalGroup: r.regional_group,
            fieldsOfWork: r.fields_of_work,
            website: r.website,
            mission: r.mission,
          },
          relevance: r.relevance,
          agendaItemIds: r.agenda_item_ids,
          objectionDeadline: iso(r.objection_deadline),
          objectedByMe: Boolean(r.objected),
        })),
      };
    },
  );
  app.post(
    "/api/v1/applications/:id/objections",
    { config: { access: "signed-in" }, schema: { tags, params: ZIdParams, body: ZObjection } },
    async (request, reply) => {
      await lodgeObjection(ctxOf(request), request.params.id, request.body.reason);
      return reply.code(204).send();
    },
  );

  // ---- delegates

  const delegatesUrl = "/api/v1/organisations/:org/sessions/:slug/delegates";
  app.get(
    delegatesUrl,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZOrgSessionParams, response: { 200: ZOrgDelegates } },
    },
    async (request) => {
      const data = await listOrganisationDelegates(ctxOf(request), request.params.org, request.params.slug);
      return { quota: data.quota, items: data.items };
    },
  );
  app.post(
    delegatesUrl,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZOrgSessionParams, body: ZDelegateCreate, response: { 201: ZDelegateDetail } },
    },
    async (request, reply) => {
      const d = await registerDelegate(ctxOf(request), request.params.org, request.params.slug, request.body);
      return reply.code(201).header("location", `/api/v1/delegates/${d.id}`).send(d);
    },
  );
  app.get(
    "/api/v1/delegates/:id",
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZIdParams, response: { 200: ZDelegateDetail } },
    },
    async (request, reply) => {
      reply.header("cache-control", "private, no-store");
      return getDelegate(ctxOf(request), request.params.id);
    },
  );
  app.patch(
    "/api/v1/delegates/:id",
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZIdParams, body: ZDelegatePatch, response: { 200: ZDelegateDetail } },
    },
    async (request) => updateDelegate(ctxOf(request), request.params.id, request.body),
  );
  app.put(
    "/api/v1/delegates/:id/photo",
    {
      config: { access: "signed-in" },
      bodyLimit: MAX_PHOTO_BYTES,
      schema: { tags, params: ZIdParams, response: { 200: ZDelegateDetail } },
      // the photo codes of every upload (PHOTO_TYPE_UNSUPPORTED, PHOTO_TOO_LARGE) before the body is read
      preParsing: async (request, _reply, payload) => {
        await checkPhotoUpload(request);
        return payload;
      },
    },
    async (request) => setDelegatePhoto(ctxOf(request), request.params.id, request.body as Buffer),
  );
  app.get(
    "/api/v1/delegates/:id/photo",
    { config: { access: "signed-in" }, schema: { tags, params: ZIdParams } },
    async (request, reply) => {
      const file = await getDelegatePhoto(ctxOf(request), request.params.id);
      return reply
        .header("content-type", file.contentType)
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );
  app.post(
    "/api/v1/delegates/:id/decision",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZIdParams, body: ZDelegateDecision, response: { 200: ZDelegateDetail } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const d = await getDelegate(ctx, request.params.id);
      const session = await ctx.db
        .selectFrom("conference_sessions")
        .select("slug")
        .where("id", "=", d.sessionId)
        .executeTakeFirstOrThrow();
      await decideDelegates(ctx, session.slug, [d.id], request.body.decision);
      return getDelegate(ctx, d.id);
    },
  );
  app.post(
    "/api/v1/sessions/:slug/delegates/decisions",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSessionParams, body: ZBulkDecision, response: { 200: ZDecided } },
    },
    async (request) =>
      decideDelegates(ctxOf(request), request.params.slug, request.body.ids, request.body.decision),
  );
  app.get(
    "/api/v1/sessions/:slug/delegates",
    {
      config: { access: "secretariat" },
      schema: {
        tags,
        params: ZSessionParams,
        querystring: ZDelegatesQuery,
        response: { 200: ZSessionDelegates },
      },
    },
    async (request, reply) => {
      const { format, page, pageSize, ...filter } = request.query;
      const ctx = ctxOf(request);
      if (format === "csv" || format === "xlsx") {
        const rows = await delegateExportRows(ctx, request.params.slug, filter);
        const name = `delegates-${request.params.slug}`;
        return format === "csv"
          ? sendFile(reply, "text/csv; charset=utf-8", `${name}.csv`, toCsv(rows))
          : sendFile(
              reply,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              `${name}.xlsx`,
              await toXlsx("Delegates", rows),
            );
      }
      const { items, total } = await listSessionDelegates(ctx, request.params.slug, filter, {
        page,
        pageSize,
      });
      return {
        total,
        page,
        pageSize,
        items: items.map((d) => ({
          id: d.id,
          fullName: d.full_name,
          title: d.title,
          email: d.email,
          nationality: d.nationality,
          gender: d.gender,
          status: d.status,
          confirmed: d.confirmed_at !== null,
          consentPublic: d.consent_public,
          organisation: {
            slug: d.organisation_slug,
            name: d.organisation,
            country: d.country,
            regionalGroup: d.regional_group,
          },
          badgeId: d.badge_id,
          badgeCode: d.badge_code,
        })),
      };
    },
  );
  app.get(
    "/api/v1/sessions/:slug/security-export",
    { config: { access: "secretariat" }, schema: { tags, params: ZSessionParams } },
    async (request, reply) =>
      sendFile(
        reply,
        "text/csv; charset=utf-8",
        `security-${request.params.slug}.csv`,
        await securityExport(ctxOf(request), request.params.slug),
      ),
  );

  // ---- badges and check-in

  const pdf = (reply: FastifyReply, name: string, body: Buffer) =>
    reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `inline; filename="${name}"`)
      .header("cache-control", "private, no-store")
      .send(body);
  app.get(
    "/api/v1/delegates/:id/badge.pdf",
    { config: { access: "signed-in" }, schema: { tags, params: ZIdParams } },
    async (request, reply) =>
      pdf(reply, "badge.pdf", await badgePdfForDelegate(ctxOf(request), request.params.id)),
  );
  app.get(
    "/delegate/:token/badge.pdf",
    { config: { access: "public" }, schema: { params: ZTokenParams } },
    async (request, reply) =>
      pdf(reply, "badge.pdf", await badgePdfByLink(ctxOf(request), request.params.token)),
  );
  app.get(
    "/api/v1/organisations/:org/sessions/:slug/badges.pdf",
    { config: { access: "signed-in" }, schema: { tags, params: ZOrgSessionParams } },
    async (request, reply) =>
      pdf(
        reply,
        "badges.pdf",
        await badgeSheetForOrganisation(ctxOf(request), request.params.org, request.params.slug),
      ),
  );
  app.get(
    "/api/v1/sessions/:slug/badges.pdf",
    { config: { access: "secretariat" }, schema: { tags, params: ZSessionParams } },
    async (request, reply) =>
      pdf(reply, "badges.pdf", await badgeSheetForSession(ctxOf(request), request.params.slug)),
  );
  app.post(
    "/api/v1/badges/:id/revoke",
    { config: { access: "secretariat" }, schema: { tags, params: ZIdParams, body: ZRevoke } },
    async (request, reply) => {
      await revokeBadge(ctxOf(request), request.params.id, request.body.reason);
      return reply.code(204).send();
    },
  );
  app.post(
    "/api/v1/delegates/:id/badge",
    {
      config: { access: "secretariat", idempotency: "optional" },
      schema: { tags, params: ZIdParams, response: { 201: ZBadge } },
    },
    async (request, reply) =>
      reply.code(201).send({ badgeId: await reissueBadge(ctxOf(request), request.params.id) }),
  );
  app.post(
    "/api/v1/sessions/:slug/checkins",
    {
      // one round trip a scan: the statement checks the desk's session (see checkIn)
      config: { access: "secretariat", deferSession: true },
      schema: { tags, params: ZSessionParams, body: ZCheckin, response: { 200: ZCheckinResult } },
    },
    async (request) =>
      checkinJson(
        await checkIn(ctxOf(request), request.params.slug, request.body.code, request.deferredSession),
      ),
  );
  app.get(
    "/api/v1/sessions/:slug/checkins",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSessionParams, response: { 200: ZCheckinCounts } },
    },
    async (request) => ({ days: (await checkinCounts(ctxOf(request), request.params.slug)).days }),
  );

  // ---- public lists and figures

  app.get(
    "/api/v1/sessions/:slug/participation",
    {
      config: { access: "public" },
      schema: { tags, params: ZSessionParams, response: { 200: ZParticipation } },
    },
    async (request) => {
      const { session, figures } = await participationFigures(ctxOf(request), request.params.slug);
      return { session: session.slug, ...figures };
    },
  );
  app.get(
    "/api/v1/sessions/:slug/participants",
    {
      config: { access: "public" },
      schema: { tags, params: ZSessionParams, response: { 200: ZParticipants } },
    },
    async (request) => ({
      organisations: (await publicParticipants(ctxOf(request), request.params.slug)).organisations,
    }),
  );

  await accreditationPageRoutes(app);
}
