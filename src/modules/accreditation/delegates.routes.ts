/**
 * Routes of delegates (accreditation module): registration by the focal point, their data and
 * photo, the secretariat's decisions.
 */
import type { FastifyRequest } from "fastify";
import type { App } from "../../platform/http.js";
import { MAX_PHOTO_BYTES } from "./accreditation.files.js";
import { checkPhotoUpload } from "./accreditation.link-routes.js";
import {
  ZBulkDecision,
  ZDecided,
  ZDelegateCreate,
  ZDelegateDecision,
  ZDelegateDetail,
  ZDelegatePatch,
  ZIdParams,
  ZOrgDelegates,
  ZOrgSessionParams,
  ZSessionParams,
} from "./accreditation.schemas.js";
import type { AccCtx } from "./accreditation.service.js";
import {
  decideDelegate,
  decideDelegates,
  getDelegate,
  getDelegatePhoto,
  listOrganisationDelegates,
  registerDelegate,
  setDelegatePhoto,
  updateDelegate,
} from "./delegates.service.js";

const tags = ["accreditation"];

export async function delegatesRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

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
    async (request) => decideDelegate(ctxOf(request), request.params.id, request.body.decision),
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
}
