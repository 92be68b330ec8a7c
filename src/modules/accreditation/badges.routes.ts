/**
 * Routes of badges and check-in (accreditation module): badge PDFs, revoking and reissuing, the
 * desk's scan and the day's counts.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../platform/http.js";
import {
  ZBadge,
  ZCheckin,
  ZCheckinCounts,
  ZCheckinResult,
  ZIdParams,
  ZOrgSessionParams,
  ZRevoke,
  ZSessionParams,
  ZTokenParams,
} from "./accreditation.schemas.js";
import type { AccCtx } from "./accreditation.service.js";
import {
  badgePdfByLink,
  badgePdfForDelegate,
  badgeSheetForOrganisation,
  badgeSheetForSession,
} from "./badges.pdf.js";
import { type CheckinResult, checkIn, checkinCounts, reissueBadge, revokeBadge } from "./badges.service.js";

const tags = ["accreditation"];

const checkinJson = (r: CheckinResult) => ({
  ...r,
  firstCheckedInAt: r.firstCheckedInAt.toISOString(),
  delegate: {
    id: r.delegate.id,
    fullName: r.delegate.fullName,
    organisation: r.delegate.organisation,
    photoUrl: r.delegate.hasPhoto ? `/api/v1/delegates/${r.delegate.id}/photo` : null,
  },
});

export async function badgesRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

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
    // the delegate's private link: its address carries the secret
    { config: { access: "public", confidential: true }, schema: { params: ZTokenParams } },
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
}
