/**
 * Routes of the scheduling module: the programme as schedule XML (frab) and schedule JSON
 * (pretalx), public, cached under the side-events tag that every programme change drops.
 */
import type { FastifyRequest } from "fastify";
import type { App } from "../../platform/http.js";
import { listProgramme } from "../side-events/programme.service.js";
import { CACHE_TAG, type SeCtx } from "../side-events/side-events.service.js";
import { schedulingEditorRoutes } from "./scheduling.editor.routes.js";
import { scheduleJson, scheduleXml } from "./scheduling.export.js";
import { schedulingPageRoutes } from "./scheduling.pages.js";
import { schedulingPublicRoutes } from "./scheduling.public.routes.js";
import { ZOptimiseBody, ZScheduleProposal, ZSessionParams } from "./scheduling.schemas.js";
import { optimiseSession } from "./scheduling.service.js";

const tags = ["scheduling"];

export async function schedulingRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });
  const baseUrl = () => app.services.config.baseUrl;

  const render = async (request: FastifyRequest<{ Params: { slug: string } }>, format: "xml" | "json") => {
    const { session, all } = await listProgramme(ctxOf(request), request.params.slug);
    return app.services.cache.wrap(
      `scheduling:schedule.${format}:${session.id}:${request.lang}`,
      [CACHE_TAG, "sessions"],
      async () =>
        format === "xml"
          ? scheduleXml(session, all, request.lang, baseUrl())
          : JSON.stringify(scheduleJson(session, all, request.lang, baseUrl())),
    );
  };

  for (const prefix of ["", "/api/v1"]) {
    app.get(
      `${prefix}/sessions/:slug/schedule.xml`,
      { config: { access: "public" }, schema: { tags, params: ZSessionParams } },
      async (request, reply) =>
        reply.header("content-type", "application/xml; charset=utf-8").send(await render(request, "xml")),
    );
    app.get(
      `${prefix}/sessions/:slug/schedule.json`,
      { config: { access: "public" }, schema: { tags, params: ZSessionParams } },
      async (request, reply) =>
        reply.header("content-type", "application/json; charset=utf-8").send(await render(request, "json")),
    );
  }

  app.post(
    "/api/v1/sessions/:slug/schedule/optimise",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSessionParams, body: ZOptimiseBody, response: { 200: ZScheduleProposal } },
    },
    async (request) => {
      const stored = await optimiseSession(ctxOf(request), request.params.slug, request.body);
      return { ...stored, createdAt: stored.createdAt.toISOString() };
    },
  );

  await schedulingPageRoutes(app);
  await schedulingEditorRoutes(app);
  await schedulingPublicRoutes(app);
}
