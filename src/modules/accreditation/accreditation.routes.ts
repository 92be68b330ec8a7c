/** Routes of the accreditation module: thin — validate, authorise, call the service, shape the answer. */
import type { FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { MAX_PHOTO_BYTES } from "./accreditation.files.js";
import { accreditationPageRoutes } from "./accreditation.page-routes.js";
import {
  ZApplication,
  ZApplicationCreate,
  ZApplicationDecision,
  ZApplicationList,
  ZApplicationsQuery,
  ZCirculatedList,
  ZIdParams,
  ZObjection,
  ZOrgSessionParams,
  ZSessionParams,
} from "./accreditation.schemas.js";
import {
  type AccCtx,
  type Application,
  applyForObserverStatus,
  decideApplication,
  findApplication,
  listApplications,
} from "./accreditation.service.js";
import { badgesRoutes } from "./badges.routes.js";
import { delegatesRoutes } from "./delegates.routes.js";
import { participationRoutes } from "./participation.routes.js";
import { circulateApplication, circulatedList, lodgeObjection } from "./rule17.service.js";

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

  await delegatesRoutes(app);
  await participationRoutes(app);
  await badgesRoutes(app);
  await accreditationPageRoutes(app);
}
