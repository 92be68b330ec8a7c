/**
 * Routes of the participant lists and figures (accreditation module): the secretariat's delegate
 * list and exports, the public participants and figures.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../platform/http.js";
import {
  ZDelegatesQuery,
  ZParticipants,
  ZParticipation,
  ZSessionDelegates,
  ZSessionParams,
} from "./accreditation.schemas.js";
import type { AccCtx } from "./accreditation.service.js";
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

const sendFile = (reply: FastifyReply, type: string, name: string, body: Buffer | string) =>
  reply
    .header("content-type", type)
    .header("content-disposition", `attachment; filename="${name}"`)
    .header("cache-control", "private, no-store")
    .send(body);

export async function participationRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

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
}
