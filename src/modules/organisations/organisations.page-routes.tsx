/**
 * The organisations module's pages. Form posts parse the body with the API's zod schemas; on a
 * failure they re-render the form with what was typed and a translated error per field (400), on
 * success they redirect (303).
 *
 * Public pages cache their inner HTML per language (it does not depend on who asks); for an
 * anonymous visitor the whole document is cached per address and language, with a weak ETag.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { z } from "zod";
import { type CachedBody, sendCachedBody, withEtag } from "../../platform/cached-body.js";
import { AppError } from "../../platform/errors.js";
import { expectedVersion } from "../../platform/etag.js";
import type { App } from "../../platform/http.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, formErrors, str } from "../../platform/ui/forms.js";
import { pageContext, renderHtml, sendPage } from "../../platform/ui/render.js";
import {
  endCoalitionMembership,
  inviteCoalitionMember,
  respondToCoalitionInvitation,
} from "./coalitions.service.js";
import { DirectoryBody, DirectoryPageView } from "./directory.pages.js";
import { ProfileForm, profileFormInput, profileFormValues } from "./manage.pages.js";
import { InvitationPage, MembersPage } from "./members.pages.js";
import {
  acceptInvitation,
  changeMemberRole,
  inviteMember,
  membersOverview,
  removeMember,
  viewInvitation,
} from "./members.service.js";
import { cachedDerived, currentGeneration, type Generation } from "./organisations.cache.js";
import {
  customMessage,
  ProfileActions,
  ProfileBody,
  ProfileHeader,
  ProfilePageView,
  renderFragment,
} from "./organisations.pages.js";
import {
  ZCoalitionInvite,
  ZCoalitionMemberParams,
  ZCoalitionMembershipParams,
  ZDirectoryQuery,
  ZInvitationCreate,
  ZMemberParams,
  ZMemberPatch,
  ZOrganisationCreate,
  ZOrganisationPatch,
  ZSlugParams,
  ZTokenParams,
} from "./organisations.schemas.js";
import {
  createOrganisation,
  directoryFilterOptions,
  directoryKey,
  getPublicOrganisation,
  listDirectory,
  type OrgCtx,
  organisationForEdit,
  setVerified,
  updateOrganisation,
  viewerRole,
} from "./organisations.service.js";

/** A form body (urlencoded, or JSON from scripts) as form values: strings and lists of strings. */
function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== "object") return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string");
  }
  return values;
}

/** Business-rule refusals (conflicts, stale versions) are shown on the form; access errors are not. */
function formProblem(error: unknown): AppError | undefined {
  return error instanceof AppError && [409, 410, 412, 422].includes(error.status) ? error : undefined;
}

const problemText = (request: FastifyRequest, error: AppError) =>
  request.t(`error.${error.code}` as MessageKey);

const MAX_CACHED_URL = 600;

const sendHtml = (request: FastifyRequest, reply: FastifyReply, cached: CachedBody) =>
  sendCachedBody(request, reply, cached, "text/html; charset=utf-8", "Cookie, Accept-Language");

/**
 * Sends a public page: for an anonymous visitor, the whole document from the cache (rendered once
 * per address and language); for a signed-in person, their own shell around the cached parts.
 */
async function sendPublicPage(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  generation: Generation,
  build: () => Promise<{ title: string; body: ComponentChildren }>,
) {
  const cache = app.services.cache;
  const anonymous = !request.actor && request.url.length <= MAX_CACHED_URL;
  const key = `html:${request.lang}:${request.url}`;
  if (anonymous) {
    const hit = cache.get<CachedBody>(key);
    if (hit) return sendHtml(request, reply, hit);
  }
  const { title, body } = await build();
  if (!anonymous) return sendPage(request, reply, title, body);
  const doc = cachedDerived(cache, key, generation, () =>
    withEtag(renderHtml(pageContext(request), title, body)),
  );
  return sendHtml(request, reply, doc);
}

export async function organisationPageRoutes(app: App): Promise<void> {
  const { cache } = app.services;
  const ctx = (request: FastifyRequest): OrgCtx => ({ ...request.ctx(), cache });
  const read = { db: app.services.db, cache };

  // ---- the directory and an organisation's page (public, cached) ----

  app.get(
    "/organisations",
    { config: { access: "public" }, schema: { querystring: ZDirectoryQuery } },
    async (request, reply) => {
      const generation = currentGeneration(cache);
      return sendPublicPage(app, request, reply, generation, async () => {
        const key = `frag:dir:${request.lang}:${directoryKey(request.query)}`;
        let body = cache.get<string>(key);
        if (!body) {
          const [data, options] = await Promise.all([
            listDirectory(read, request.query),
            directoryFilterOptions(read),
          ]);
          body = cachedDerived(cache, key, generation, () =>
            renderFragment(request, <DirectoryBody query={request.query} data={data} options={options} />),
          );
        }
        return { title: request.t("org.directory.title"), body: <DirectoryPageView body={body} /> };
      });
    },
  );

  app.get(
    "/organisations/:slug",
    { config: { access: "public" }, schema: { params: ZSlugParams } },
    async (request, reply) => {
      const generation = currentGeneration(cache);
      const { slug } = request.params;
      return sendPublicPage(app, request, reply, generation, async () => {
        const org = await getPublicOrganisation(read, slug);
        if (!org) throw new AppError("NOT_FOUND");
        const key = `frag:org:${request.lang}:${slug}`;
        let parts = cache.get<{ header: string; body: string }>(key);
        if (!parts) {
          parts = cachedDerived(cache, key, generation, () => ({
            header: renderFragment(request, <ProfileHeader org={org} />),
            body: renderFragment(request, <ProfileBody org={org} />),
          }));
        }
        const role = request.actor ? await viewerRole(request.ctx(), org.id) : null;
        return {
          title: org.name,
          body: (
            <ProfilePageView
              header={parts.header}
              body={parts.body}
              actions={role ? <ProfileActions org={org} role={role} /> : undefined}
            />
          ),
        };
      });
    },
  );

  // ---- create and edit ----

  const sendCreateForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: FormValues,
    errors?: FormErrors,
    problem?: string,
  ) =>
    sendPage(
      request,
      reply,
      request.t("org.form.createTitle"),
      <ProfileForm mode="create" action="/organisations" values={values} errors={errors} problem={problem} />,
      status,
    );

  app.get("/organisations/new", { config: { access: "signed-in" } }, async (request, reply) =>
    sendCreateForm(request, reply, 200, { kind: "ngo", ecosocStatus: "none" }),
  );

  app.post("/organisations", { config: { access: "signed-in" } }, async (request, reply) => {
    const values = formValues(request.body);
    const parsed = ZOrganisationCreate.safeParse(profileFormInput(values));
    if (!parsed.success) {
      return sendCreateForm(
        request,
        reply,
        400,
        values,
        customMessage(request.t, formErrors(request.t, parsed.error)),
      );
    }
    try {
      const org = await createOrganisation(ctx(request), parsed.data);
      return reply.redirect(`/organisations/${org.slug}`, 303);
    } catch (error) {
      const problem = formProblem(error);
      if (!problem) throw error;
      return sendCreateForm(request, reply, problem.status, values, undefined, problemText(request, problem));
    }
  });

  const sendEditForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    slug: string,
    name: string,
    values: FormValues,
    errors?: FormErrors,
    problem?: string,
  ) =>
    sendPage(
      request,
      reply,
      request.t("org.form.editTitle", { name }),
      <ProfileForm
        mode="edit"
        action={`/organisations/${slug}/edit`}
        name={name}
        values={values}
        errors={errors}
        problem={problem}
      />,
      status,
    );

  app.get(
    "/organisations/:slug/edit",
    { config: { access: "signed-in" }, schema: { params: ZSlugParams } },
    async (request, reply) => {
      const org = await organisationForEdit(ctx(request), request.params.slug);
      return sendEditForm(request, reply, 200, org.slug, org.name, profileFormValues(org));
    },
  );

  app.post(
    "/organisations/:slug/edit",
    { config: { access: "signed-in" }, schema: { params: ZSlugParams } },
    async (request, reply) => {
      const org = await organisationForEdit(ctx(request), request.params.slug);
      const values = formValues(request.body);
      const parsed = ZOrganisationPatch.safeParse(profileFormInput(values));
      if (!parsed.success) {
        const errors = customMessage(request.t, formErrors(request.t, parsed.error));
        return sendEditForm(request, reply, 400, org.slug, org.name, values, errors);
      }
      try {
        await updateOrganisation(ctx(request), org.slug, parsed.data, (id) =>
          expectedVersion(request, "organisation", id, str(values, "version")),
        );
        return reply.redirect(`/organisations/${org.slug}`, 303);
      } catch (error) {
        const problem = formProblem(error);
        if (!problem) throw error;
        if (problem.code === "PRECONDITION_FAILED") {
          // Keep what they typed; the form now carries the current version, so saving again replaces it.
          const current = await organisationForEdit(ctx(request), org.slug);
          const text = request.t("org.form.stale");
          return sendEditForm(
            request,
            reply,
            412,
            org.slug,
            current.name,
            { ...values, version: String(current.version) },
            undefined,
            text,
          );
        }
        return sendEditForm(
          request,
          reply,
          problem.status,
          org.slug,
          org.name,
          values,
          undefined,
          problemText(request, problem),
        );
      }
    },
  );

  app.post(
    "/organisations/:slug/verification",
    { config: { access: "secretariat" }, schema: { params: ZSlugParams } },
    async (request, reply) => {
      const verified = str(formValues(request.body), "verified") !== "false";
      const org = await setVerified(ctx(request), request.params.slug, verified);
      return reply.redirect(`/organisations/${org.slug}`, 303);
    },
  );

  // ---- members, invitations, coalitions ----

  const sendMembers = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    status: number,
    extra: Omit<Parameters<typeof MembersPage>[0], "view"> = {},
  ) => {
    const view = await membersOverview(ctx(request), slug);
    return sendPage(
      request,
      reply,
      request.t("org.members.title", { name: view.org.name }),
      <MembersPage view={view} {...extra} />,
      status,
    );
  };

  /** Runs a members-page action: 303 back to the page, or the page again with the refusal. */
  const membersAction = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    action: () => Promise<string | undefined>,
  ) => {
    try {
      const to = await action();
      return reply.redirect(to ?? `/organisations/${slug}/members`, 303);
    } catch (error) {
      const problem = formProblem(error);
      if (!problem) throw error;
      return sendMembers(request, reply, slug, problem.status, { problem: problemText(request, problem) });
    }
  };

  app.get(
    "/organisations/:slug/members",
    {
      config: { access: "signed-in" },
      schema: { params: ZSlugParams, querystring: z.object({ invited: z.string().max(1).optional() }) },
    },
    async (request, reply) =>
      sendMembers(request, reply, request.params.slug, 200, {
        notice: request.query.invited ? request.t("org.invite.sent") : undefined,
      }),
  );

  app.post(
    "/organisations/:slug/invitations",
    { config: { access: "signed-in" }, schema: { params: ZSlugParams } },
    async (request, reply) => {
      const { slug } = request.params;
      const values = formValues(request.body);
      const parsed = ZInvitationCreate.safeParse({
        email: str(values, "email") ?? "",
        role: str(values, "role"),
      });
      if (!parsed.success) {
        // Access first: another organisation's member gets the same 404 whatever they typed.
        await membersOverview(ctx(request), slug);
        return sendMembers(request, reply, slug, 400, {
          invite: { values, errors: formErrors(request.t, parsed.error) },
        });
      }
      try {
        await inviteMember(ctx(request), slug, parsed.data);
        return reply.redirect(`/organisations/${slug}/members?invited=1#invitations`, 303);
      } catch (error) {
        const problem = formProblem(error);
        if (!problem) throw error;
        return sendMembers(request, reply, slug, problem.status, {
          invite: { values, errors: { email: problemText(request, problem) } },
        });
      }
    },
  );

  app.post(
    "/organisations/:slug/members/:userId/role",
    { config: { access: "signed-in" }, schema: { params: ZMemberParams } },
    async (request, reply) => {
      const { slug, userId } = request.params;
      const parsed = ZMemberPatch.safeParse({ role: str(formValues(request.body), "role") });
      if (!parsed.success) throw new AppError("VALIDATION_FAILED");
      return membersAction(request, reply, slug, async () => {
        await changeMemberRole(ctx(request), slug, userId, parsed.data.role);
        return undefined;
      });
    },
  );

  app.post(
    "/organisations/:slug/members/:userId/remove",
    { config: { access: "signed-in" }, schema: { params: ZMemberParams } },
    async (request, reply) => {
      const { slug, userId } = request.params;
      return membersAction(request, reply, slug, async () => {
        await removeMember(ctx(request), slug, userId);
        // Someone who left no longer sees the members page.
        return userId === request.actor?.id ? `/organisations/${slug}` : undefined;
      });
    },
  );

  app.post(
    "/organisations/:slug/coalition-members",
    { config: { access: "signed-in" }, schema: { params: ZSlugParams } },
    async (request, reply) => {
      const { slug } = request.params;
      const values = formValues(request.body);
      const parsed = ZCoalitionInvite.safeParse({ memberSlug: str(values, "memberSlug") ?? "" });
      try {
        if (!parsed.success) {
          await membersOverview(ctx(request), slug);
          return sendMembers(request, reply, slug, 400, {
            coalitionInvite: { values, errors: formErrors(request.t, parsed.error) },
          });
        }
        await inviteCoalitionMember(ctx(request), slug, parsed.data.memberSlug);
        return reply.redirect(`/organisations/${slug}/members`, 303);
      } catch (error) {
        const problem = formProblem(error);
        if (!problem) throw error;
        return sendMembers(request, reply, slug, problem.status, {
          coalitionInvite: { values, errors: { memberSlug: problemText(request, problem) } },
        });
      }
    },
  );

  app.post(
    "/organisations/:slug/coalition-members/:memberSlug/end",
    { config: { access: "signed-in" }, schema: { params: ZCoalitionMemberParams } },
    async (request, reply) => {
      const { slug, memberSlug } = request.params;
      return membersAction(request, reply, slug, async () => {
        await endCoalitionMembership(ctx(request), "coalition", slug, memberSlug);
        return undefined;
      });
    },
  );

  for (const action of ["accept", "decline", "end"] as const) {
    app.post(
      `/organisations/:slug/coalition-memberships/:coalitionSlug/${action}`,
      { config: { access: "signed-in" }, schema: { params: ZCoalitionMembershipParams } },
      async (request, reply) => {
        const { slug, coalitionSlug } = request.params;
        return membersAction(request, reply, slug, async () => {
          if (action === "end") await endCoalitionMembership(ctx(request), "member", slug, coalitionSlug);
          else await respondToCoalitionInvitation(ctx(request), slug, coalitionSlug, action === "accept");
          return undefined;
        });
      },
    );
  }

  // ---- an invitation link ----

  app.get(
    "/invitations/:token",
    { config: { access: "public" }, schema: { params: ZTokenParams } },
    async (request, reply) => {
      const invitation = await viewInvitation(ctx(request), request.params.token);
      return sendPage(
        request,
        reply,
        request.t("org.invitation.title", { name: invitation.organisation.name }),
        <InvitationPage token={request.params.token} invitation={invitation} />,
      );
    },
  );

  app.post(
    "/invitations/:token/accept",
    { config: { access: "signed-in" }, schema: { params: ZTokenParams } },
    async (request, reply) => {
      const joined = await acceptInvitation(ctx(request), request.params.token);
      return reply.redirect(`/organisations/${joined.slug}/members`, 303);
    },
  );
}
