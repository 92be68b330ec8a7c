/**
 * Routes of the organisations module: thin — validate, authorise, call the service, shape the
 * answer. The JSON API is here; the pages are in organisations.page-routes.tsx.
 *
 * Public reads answer from the cache: the directory's JSON is serialised once per query (through
 * its output schema, an allowlist) and sent as a string with a weak ETag (304 on If-None-Match).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type CachedBody, sendCachedBody, withEtag } from "../../platform/cached-body.js";
import { etagOf, expectedVersion, setEtag } from "../../platform/etag.js";
import type { App } from "../../platform/http.js";
import {
  endCoalitionMembership,
  inviteCoalitionMember,
  listCoalitionLinks,
  respondToCoalitionInvitation,
} from "./coalitions.service.js";
import {
  acceptInvitation,
  changeMemberRole,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  viewInvitation,
} from "./members.service.js";
import { cachedDerived, currentGeneration } from "./organisations.cache.js";
import { organisationPageRoutes } from "./organisations.page-routes.js";
import {
  ZCoalitionInvite,
  ZCoalitionLinks,
  ZCoalitionMemberParams,
  ZCoalitionMembershipParams,
  ZCountries,
  ZDirectoryPage,
  ZDirectoryQuery,
  ZFieldsOfWork,
  ZInvitation,
  ZInvitationCreate,
  ZInvitations,
  ZInvitationView,
  ZLangQuery,
  ZMemberParams,
  ZMemberPatch,
  ZMembers,
  ZOrganisation,
  ZOrganisationCreate,
  ZOrganisationPatch,
  ZSlugParams,
  ZTokenParams,
  ZVerification,
} from "./organisations.schemas.js";
import {
  countriesIn,
  createOrganisation,
  directoryKey,
  fieldsOfWorkIn,
  listDirectory,
  type OrgCtx,
  requirePublicOrganisation,
  setVerified,
  updateOrganisation,
} from "./organisations.service.js";

const tags = ["organisations"];
const ZCoalitionState = z.object({
  coalition: z.string(),
  member: z.string(),
  status: z.enum(["invited", "active", "declined", "ended"]),
});
const ZAccepted = z.object({ organisation: z.string(), role: z.enum(["focal_point", "member"]) });
const ZVerified = z.object({ slug: z.string(), verified: z.boolean(), verifiedAt: z.date().nullable() });

/** Sends JSON serialised already (through the route's output schema, when it was cached). */
function sendJsonText(reply: FastifyReply, body: Buffer, etag: string) {
  return reply
    .header("etag", etag)
    .header("cache-control", "no-cache")
    .header("content-type", "application/json; charset=utf-8")
    .send(body);
}

export async function organisationRoutes(app: App): Promise<void> {
  const { cache } = app.services;
  const ctx = (request: FastifyRequest): OrgCtx => ({ ...request.ctx(), cache });
  const read = { db: app.services.db, cache };

  // ---- directory and profile ----

  app.get(
    "/api/v1/organisations",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The public directory",
        querystring: ZDirectoryQuery,
        response: { 200: ZDirectoryPage },
      },
    },
    async (request, reply) => {
      const generation = currentGeneration(cache);
      const key = `api:dir:${directoryKey(request.query)}`;
      let cached = cache.get<CachedBody>(key);
      if (!cached) {
        const data = await listDirectory(read, request.query);
        cached = cachedDerived(cache, key, generation, () =>
          withEtag(JSON.stringify(ZDirectoryPage.parse(data))),
        );
      }
      return sendCachedBody(request, reply, cached, "application/json; charset=utf-8");
    },
  );

  app.get(
    "/api/v1/organisations/:slug",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "An organisation's public profile",
        params: ZSlugParams,
        response: { 200: ZOrganisation },
      },
    },
    async (request, reply) => {
      const generation = currentGeneration(cache);
      const key = `api:org:${request.params.slug}`;
      let cached = cache.get<CachedBody & { etagVersion: string }>(key);
      if (!cached) {
        const org = await requirePublicOrganisation(read, request.params.slug);
        cached = cachedDerived(cache, key, generation, () => ({
          ...withEtag(JSON.stringify(ZOrganisation.parse(org))),
          etagVersion: etagOf("organisation", org.id, org.version),
        }));
      }
      // The ETag is the version, for If-Match on PATCH.
      return sendJsonText(reply, cached.body, cached.etagVersion);
    },
  );

  app.post(
    "/api/v1/organisations",
    {
      config: { access: "signed-in", idempotency: "optional" },
      schema: {
        tags,
        summary: "Register an organisation (its creator becomes focal point)",
        body: ZOrganisationCreate,
        response: { 201: ZOrganisation },
      },
    },
    async (request, reply) => {
      const row = await createOrganisation(ctx(request), request.body);
      const org = await requirePublicOrganisation(read, row.slug);
      setEtag(reply, "organisation", org.id, org.version);
      return reply.code(201).header("location", `/api/v1/organisations/${org.slug}`).send(org);
    },
  );

  app.patch(
    "/api/v1/organisations/:slug",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Edit the profile (focal point or secretariat); needs If-Match",
        params: ZSlugParams,
        body: ZOrganisationPatch,
        response: { 200: ZOrganisation },
      },
    },
    async (request, reply) => {
      const row = await updateOrganisation(ctx(request), request.params.slug, request.body, (id) =>
        expectedVersion(request, "organisation", id),
      );
      const org = await requirePublicOrganisation(read, row.slug);
      setEtag(reply, "organisation", org.id, org.version);
      return org;
    },
  );

  app.post(
    "/api/v1/organisations/:slug/verification",
    {
      config: { access: "secretariat" },
      schema: {
        tags,
        summary: "Verify the organisation (secretariat)",
        params: ZSlugParams,
        body: ZVerification.optional(),
        response: { 200: ZVerified },
      },
    },
    async (request) => {
      const row = await setVerified(ctx(request), request.params.slug, true);
      return { slug: row.slug, verified: true, verifiedAt: row.verified_at };
    },
  );

  app.delete(
    "/api/v1/organisations/:slug/verification",
    {
      config: { access: "secretariat" },
      schema: {
        tags,
        summary: "Withdraw the verification (secretariat)",
        params: ZSlugParams,
        response: { 200: ZVerified },
      },
    },
    async (request) => {
      const row = await setVerified(ctx(request), request.params.slug, false);
      return { slug: row.slug, verified: false, verifiedAt: null };
    },
  );

  // ---- members and invitations ----

  app.get(
    "/api/v1/organisations/:slug/members",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Members (members and secretariat only)",
        params: ZSlugParams,
        response: { 200: ZMembers },
      },
    },
    async (request) => ({ items: await listMembers(ctx(request), request.params.slug) }),
  );

  for (const url of ["/api/v1/organisations/:slug/members", "/api/v1/organisations/:slug/invitations"]) {
    app.post(
      url,
      {
        config: { access: "signed-in" },
        schema: {
          tags,
          summary: "Invite someone by e-mail (focal point); they become a member when they accept",
          params: ZSlugParams,
          body: ZInvitationCreate,
          response: { 201: ZInvitation },
        },
      },
      async (request, reply) => {
        const { invitation } = await inviteMember(ctx(request), request.params.slug, request.body);
        return reply.code(201).send(invitation);
      },
    );
  }

  app.get(
    "/api/v1/organisations/:slug/invitations",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Pending invitations (focal point)",
        params: ZSlugParams,
        response: { 200: ZInvitations },
      },
    },
    async (request) => ({ items: await listInvitations(ctx(request), request.params.slug) }),
  );

  app.patch(
    "/api/v1/organisations/:slug/members/:userId",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Change a member's role (focal point)",
        params: ZMemberParams,
        body: ZMemberPatch,
      },
    },
    async (request, reply) => {
      await changeMemberRole(ctx(request), request.params.slug, request.params.userId, request.body.role);
      return reply.code(204).send();
    },
  );

  app.delete(
    "/api/v1/organisations/:slug/members/:userId",
    {
      config: { access: "signed-in" },
      schema: { tags, summary: "Remove a member (focal point), or leave (oneself)", params: ZMemberParams },
    },
    async (request, reply) => {
      await removeMember(ctx(request), request.params.slug, request.params.userId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/v1/invitations/:token",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "What an invitation link offers",
        params: ZTokenParams,
        response: { 200: ZInvitationView },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return viewInvitation(ctx(request), request.params.token);
    },
  );

  app.post(
    "/api/v1/invitations/:token/accept",
    {
      config: { access: "signed-in" },
      schema: { tags, summary: "Accept an invitation", params: ZTokenParams, response: { 200: ZAccepted } },
    },
    async (request) => {
      const joined = await acceptInvitation(ctx(request), request.params.token);
      return { organisation: joined.slug, role: joined.role };
    },
  );

  // ---- coalitions ----

  app.get(
    "/api/v1/organisations/:slug/coalition-memberships",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Coalition memberships on both sides, pending ones included (members only)",
        params: ZSlugParams,
        response: { 200: ZCoalitionLinks },
      },
    },
    async (request) => listCoalitionLinks(ctx(request), request.params.slug),
  );

  app.post(
    "/api/v1/organisations/:slug/coalition-members",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Invite an organisation into this coalition (its focal point)",
        params: ZSlugParams,
        body: ZCoalitionInvite,
        response: { 201: ZCoalitionState },
      },
    },
    async (request, reply) => {
      await inviteCoalitionMember(ctx(request), request.params.slug, request.body.memberSlug);
      return reply.code(201).send({
        coalition: request.params.slug,
        member: request.body.memberSlug,
        status: "invited" as const,
      });
    },
  );

  app.delete(
    "/api/v1/organisations/:slug/coalition-members/:memberSlug",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "End a membership, or withdraw an invitation (the coalition)",
        params: ZCoalitionMemberParams,
      },
    },
    async (request, reply) => {
      await endCoalitionMembership(ctx(request), "coalition", request.params.slug, request.params.memberSlug);
      return reply.code(204).send();
    },
  );

  for (const answer of ["accept", "decline"] as const) {
    app.post(
      `/api/v1/organisations/:slug/coalition-memberships/:coalitionSlug/${answer}`,
      {
        config: { access: "signed-in" },
        schema: {
          tags,
          summary: `${answer === "accept" ? "Accept" : "Decline"} a coalition's invitation (the member's focal point)`,
          params: ZCoalitionMembershipParams,
          response: { 200: ZCoalitionState },
        },
      },
      async (request) => {
        const { slug, coalitionSlug } = request.params;
        await respondToCoalitionInvitation(ctx(request), slug, coalitionSlug, answer === "accept");
        return {
          coalition: coalitionSlug,
          member: slug,
          status: answer === "accept" ? "active" : "declined",
        } as const;
      },
    );
  }

  app.delete(
    "/api/v1/organisations/:slug/coalition-memberships/:coalitionSlug",
    {
      config: { access: "signed-in" },
      schema: {
        tags,
        summary: "Leave a coalition (the member's focal point)",
        params: ZCoalitionMembershipParams,
      },
    },
    async (request, reply) => {
      await endCoalitionMembership(ctx(request), "member", request.params.slug, request.params.coalitionSlug);
      return reply.code(204).send();
    },
  );

  // ---- reference data ----

  app.get(
    "/api/v1/reference/fields-of-work",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The taxonomy of fields of work",
        querystring: ZLangQuery,
        response: { 200: ZFieldsOfWork },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=3600").header("vary", "Accept-Language, Cookie");
      return { items: fieldsOfWorkIn(request.lang) };
    },
  );

  app.get(
    "/api/v1/reference/countries",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Countries with their UN regional group and M49 region",
        querystring: ZLangQuery,
        response: { 200: ZCountries },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=3600").header("vary", "Accept-Language, Cookie");
      return { items: countriesIn(request.lang) };
    },
  );

  await organisationPageRoutes(app);
}
