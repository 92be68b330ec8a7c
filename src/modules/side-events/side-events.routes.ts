/** Routes of the side-events module: thin — validate, authorise, call the service, shape the answer. */
import type { FastifyRequest } from "fastify";
import { sendCachedBody } from "../../platform/cached-body.js";
import type { App } from "../../platform/http.js";
import { afterRoutes } from "./after.routes.js";
import { publicAfterEvent } from "./after.service.js";
import { assignmentRoutes } from "./assignment.routes.js";
import { type Call, getCall, saveCall } from "./call.service.js";
import { addCoorganiser, respondAsCoorganiser } from "./coorganisers.service.js";
import { mergeRoutes } from "./merge.routes.js";
import { addPanellist, getPanellistIdentity } from "./panellists.service.js";
import { cachedBody, pageOf } from "./programme.cache.js";
import { getProgrammeEvent, listProgramme, type ProgrammeEvent, programmeIcs } from "./programme.service.js";
import {
  createProposal,
  listOrganisationProposals,
  submitProposal,
  updateProposal,
} from "./proposals.service.js";
import {
  assignReviewer,
  decideProposal,
  listReviews,
  proposalCriteria,
  rankProposals,
  scoreProposal,
  withdrawProposal,
} from "./review.service.js";
import { decideProposals } from "./selection.service.js";
import { sideEventPageRoutes } from "./side-events.page-routes.js";
import {
  ZBulkDecision,
  ZBulkResult,
  ZCall,
  ZCallInput,
  ZCoorganiserAdd,
  ZCoorganiserParams,
  ZCoorganiserResponse,
  ZDecision,
  ZEventDetail,
  ZEventParams,
  ZIdParams,
  ZOk,
  ZOrgParams,
  ZOrgSessionParams,
  ZPanellistCreate,
  ZPanellistIdentity,
  ZPanellistParams,
  ZProgramme,
  ZProgrammeQuery,
  ZProposal,
  ZProposalCreate,
  ZProposalList,
  ZProposalPatch,
  ZRanking,
  ZReviewerAssign,
  ZReviewInput,
  ZReviewList,
  ZSessionParams,
} from "./side-events.schemas.js";
import { getProposal, type Proposal, type SeCtx } from "./side-events.service.js";

const tags = ["side-events"];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const callJson = (c: Call) => ({
  session: c.sessionSlug,
  deadline: c.deadline.toISOString(),
  formats: c.formats,
  slotMinutes: c.slotMinutes,
  maxProposalsPerOrganisation: c.maxProposalsPerOrganisation,
  criteria: c.criteria,
  computedWeight: c.computedWeight,
  version: c.version,
});
export const proposalJson = (p: Proposal) => ({
  ...p,
  lead: { slug: p.lead.slug, name: p.lead.name, acronym: p.lead.acronym },
  coorganisers: p.coorganisers.map((c) => ({
    ...c,
    organisation: c.organisation && {
      slug: c.organisation.slug,
      name: c.organisation.name,
      acronym: c.organisation.acronym,
    },
  })),
  submittedAt: iso(p.submittedAt),
  decidedAt: iso(p.decidedAt),
});
const eventJson = (e: ProgrammeEvent) => ({ ...e, startsAt: iso(e.startsAt), endsAt: iso(e.endsAt) });

export async function sideEventRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });

  // ---- the call
  const callUrl = "/api/v1/sessions/:slug/side-event-call";
  app.get(
    callUrl,
    { config: { access: "public" }, schema: { tags, params: ZSessionParams, response: { 200: ZCall } } },
    async (request) => callJson(await getCall(ctxOf(request), request.params.slug)),
  );
  app.put(
    callUrl,
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSessionParams, body: ZCallInput, response: { 200: ZCall } },
    },
    async (request) => callJson(await saveCall(ctxOf(request), request.params.slug, request.body)),
  );

  // ---- proposals
  app.post(
    "/api/v1/organisations/:org/sessions/:slug/side-event-proposals",
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZOrgSessionParams, body: ZProposalCreate, response: { 201: ZProposal } },
    },
    async (request, reply) => {
      const p = await createProposal(ctxOf(request), request.params.org, request.params.slug, request.body);
      return reply.code(201).header("location", `/api/v1/side-event-proposals/${p.id}`).send(proposalJson(p));
    },
  );
  app.get(
    "/api/v1/organisations/:org/side-event-proposals",
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZOrgParams, response: { 200: ZProposalList } },
    },
    async (request) => {
      const { items } = await listOrganisationProposals(ctxOf(request), request.params.org);
      return { items };
    },
  );
  const one = "/api/v1/side-event-proposals/:id";
  app.get(
    one,
    { config: { access: "signed-in" }, schema: { tags, params: ZIdParams, response: { 200: ZProposal } } },
    async (request) => proposalJson(await getProposal(ctxOf(request), request.params.id)),
  );
  app.patch(
    one,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZIdParams, body: ZProposalPatch, response: { 200: ZProposal } },
    },
    async (request) => proposalJson(await updateProposal(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    `${one}/co-organisers`,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZIdParams, body: ZCoorganiserAdd, response: { 200: ZProposal } },
    },
    async (request) => proposalJson(await addCoorganiser(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    `${one}/co-organisers/:org/response`,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZCoorganiserParams, body: ZCoorganiserResponse, response: { 200: ZProposal } },
    },
    async (request) =>
      proposalJson(
        await respondAsCoorganiser(
          ctxOf(request),
          request.params.id,
          request.params.org,
          request.body.decision,
        ),
      ),
  );
  app.post(
    `${one}/panellists`,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZIdParams, body: ZPanellistCreate, response: { 200: ZProposal } },
    },
    async (request) => proposalJson(await addPanellist(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    `${one}/panellists/:panellistId/identity`,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZPanellistParams, response: { 200: ZPanellistIdentity } },
    },
    async (request, reply) => {
      const p = await getPanellistIdentity(ctxOf(request), request.params.id, request.params.panellistId);
      reply.header("cache-control", "private, no-store");
      return {
        id: p.id,
        name: p.name,
        affiliation: p.affiliation,
        gender: p.gender,
        country: p.country,
        bio: p.bio,
        protection: p.protection,
        minor: p.minor,
        pseudonym: p.pseudonym,
        role: p.role,
        consentToPublish: p.consent_to_publish,
        consentAt: iso(p.consent_at),
        photoUrl: p.photo_file_id
          ? `/api/v1/side-event-proposals/${p.proposal_id}/panellists/${p.id}/photo`
          : null,
      };
    },
  );
  app.post(
    `${one}/submit`,
    {
      config: { access: "signed-in", idempotency: "required" },
      schema: { tags, params: ZIdParams, response: { 200: ZProposal } },
    },
    async (request) => proposalJson(await submitProposal(ctxOf(request), request.params.id)),
  );
  app.post(
    `${one}/withdraw`,
    { config: { access: "signed-in" }, schema: { tags, params: ZIdParams, response: { 200: ZProposal } } },
    async (request) => proposalJson(await withdrawProposal(ctxOf(request), request.params.id)),
  );

  // ---- review and selection
  app.post(
    `${one}/reviewers`,
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZIdParams, body: ZReviewerAssign, response: { 200: ZOk } },
    },
    async (request) => assignReviewer(ctxOf(request), request.params.id, request.body.userId),
  );
  const reviewJson = (rows: Awaited<ReturnType<typeof listReviews>>) => ({
    items: rows.map((r) => ({
      reviewer: r.display_name,
      scores: r.scores,
      comment: r.comment,
      scoredAt: iso(r.scored_at),
    })),
  });
  app.put(
    `${one}/review`,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZIdParams, body: ZReviewInput, response: { 200: ZReviewList } },
    },
    async (request) => reviewJson(await scoreProposal(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    `${one}/reviews`,
    { config: { access: "signed-in" }, schema: { tags, params: ZIdParams, response: { 200: ZReviewList } } },
    async (request) => reviewJson(await listReviews(ctxOf(request), request.params.id)),
  );
  app.get(
    `${one}/criteria`,
    { config: { access: "signed-in" }, schema: { tags, params: ZIdParams } },
    async (request) => ({ items: await proposalCriteria(ctxOf(request), request.params.id) }),
  );
  app.get(
    "/api/v1/sessions/:slug/side-event-ranking",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSessionParams, response: { 200: ZRanking } },
    },
    async (request) => ({ items: await rankProposals(ctxOf(request), request.params.slug) }),
  );
  app.post(
    `${one}/decision`,
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZIdParams, body: ZDecision, response: { 200: ZProposal } },
    },
    async (request) => proposalJson(await decideProposal(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/sessions/:slug/side-event-decisions",
    {
      config: { access: "secretariat", idempotency: "required" },
      schema: { tags, params: ZSessionParams, body: ZBulkDecision, response: { 200: ZBulkResult } },
    },
    async (request) => decideProposals(ctxOf(request), request.params.slug, request.body),
  );

  // ---- the public programme
  app.get(
    "/api/v1/sessions/:slug/side-events",
    {
      config: { access: "public" },
      schema: { tags, params: ZSessionParams, querystring: ZProgrammeQuery, response: { 200: ZProgramme } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { lang: _, ...query } = request.query;
      // the answer does not depend on the asker or the language: one cached body per filter and page
      const key = `side-events:api:${request.params.slug}:${JSON.stringify(query)}`;
      const cached = await cachedBody(ctx.cache, key, async () => {
        const { session, items } = await listProgramme(ctx, request.params.slug, query);
        const one = pageOf(items, query.page);
        return JSON.stringify(
          ZProgramme.parse({ session: session.slug, ...one, items: one.items.map(eventJson) }),
        );
      });
      return sendCachedBody(request, reply, cached, "application/json; charset=utf-8");
    },
  );
  app.get(
    "/api/v1/sessions/:slug/side-events/:id",
    { config: { access: "public" }, schema: { tags, params: ZEventParams, response: { 200: ZEventDetail } } },
    async (request) => {
      const ctx = ctxOf(request);
      const { session, event } = await getProgrammeEvent(ctx, request.params.slug, request.params.id);
      return { ...eventJson(event), afterEvent: await publicAfterEvent(ctx, session, event) };
    },
  );
  app.get(
    "/api/v1/sessions/:slug/side-events.ics",
    { config: { access: "public" }, schema: { tags, params: ZSessionParams } },
    async (request, reply) => {
      const { session, items } = await listProgramme(ctxOf(request), request.params.slug);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="${session.slug}-side-events.ics"`)
        .send(programmeIcs(session, items, request.lang, app.services.config.baseUrl));
    },
  );
  app.get(
    "/api/v1/sessions/:slug/side-events/:id/event.ics",
    { config: { access: "public" }, schema: { tags, params: ZEventParams } },
    async (request, reply) => {
      const { session, event } = await getProgrammeEvent(
        ctxOf(request),
        request.params.slug,
        request.params.id,
      );
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="side-event-${event.id}.ics"`)
        .send(programmeIcs(session, [event], request.lang, app.services.config.baseUrl));
    },
  );

  await sideEventPageRoutes(app);
  await assignmentRoutes(app);
  await mergeRoutes(app);
  await afterRoutes(app);
}
