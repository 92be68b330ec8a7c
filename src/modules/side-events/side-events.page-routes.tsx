/**
 * Pages of the side-events module, usable without JavaScript. A double post of the submit form
 * is caught by the proposal's status transition (draft → submitted under a row lock): the second
 * post finds it submitted and is sent to the proposal like the first, so the HTML form needs no
 * Idempotency-Key; the API route requires one.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { requireOrganisationRole } from "../../platform/access.js";
import { sendCachedBody } from "../../platform/cached-body.js";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, formErrors, list, str } from "../../platform/ui/forms.js";
import { pageContext, renderHtml, sendPage } from "../../platform/ui/render.js";
import { findOrganisationBySlug } from "../organisations/organisations.queries.js";
import { getSessionDetail, localized } from "../sessions/sessions.service.js";
import { publicAfterEvent } from "./after.service.js";
import { getCall } from "./call.service.js";
import { addCoorganiser, respondAsCoorganiser } from "./coorganisers.service.js";
import { addPanellist } from "./panellists.service.js";
import { cachedBody, pageOf, sharedPage } from "./programme.cache.js";
import { getProgrammeEvent, listProgramme } from "./programme.service.js";
import { ProposalFormPage, ProposalPage } from "./proposal.pages.js";
import { createProposal, submitProposal } from "./proposals.service.js";
import { sideEventManageRoutes } from "./side-events.manage-routes.js";
import { EventPage, ProgrammePage } from "./side-events.pages.js";
import * as q from "./side-events.queries.js";
import {
  ZCoorganiserAdd,
  ZCoorganiserParams,
  ZCoorganiserResponse,
  ZEventParams,
  ZIdParams,
  ZOrgSessionParams,
  ZPanellistCreate,
  ZProgrammeQuery,
  ZProposalCreate,
  ZSessionParams,
} from "./side-events.schemas.js";
import { getProposal, type Proposal, type SeCtx } from "./side-events.service.js";

/** A rule's refusal, shown on the page; access errors (401, 403, 404) keep their own answer. */
export const errorText = (request: FastifyRequest, error: unknown) => {
  if (!(error instanceof AppError) || error.status >= 500 || [401, 403, 404].includes(error.status))
    throw error;
  return request.t(`error.${error.code}` as MessageKey);
};

export async function sideEventPageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });

  app.get(
    "/sessions/:slug/programme",
    { config: { access: "public" }, schema: { params: ZSessionParams, querystring: ZProgrammeQuery } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const render = async () => {
        const { lang: _, page, ...filter } = request.query;
        const data = await listProgramme(ctx, request.params.slug, filter);
        const one = pageOf(data.items, page);
        return {
          title: `${request.t("sideEvents.programme.title")} — ${localized(data.session.name, request.lang)}`,
          body: <ProgrammePage {...data} {...one} filter={filter} />,
        };
      };
      if (!sharedPage(request)) {
        const { title, body } = await render();
        return sendPage(request, reply, title, body);
      }
      // anonymous visitors: the whole document rendered once per address and language
      const cached = await cachedBody(
        ctx.cache,
        `side-events:html:${request.lang}:${request.url}`,
        async () => {
          const { title, body } = await render();
          return renderHtml(pageContext(request), title, body);
        },
      );
      return sendCachedBody(request, reply, cached, "text/html; charset=utf-8", "Cookie, Accept-Language");
    },
  );
  app.get(
    "/sessions/:slug/programme/:id",
    { config: { access: "public" }, schema: { params: ZEventParams } },
    async (request, reply) => {
      const { session, event } = await getProgrammeEvent(
        ctxOf(request),
        request.params.slug,
        request.params.id,
      );
      const after = await publicAfterEvent(ctxOf(request), session, event);
      return sendPage(
        request,
        reply,
        localized(event.title, request.lang),
        <EventPage session={session} event={event} after={after} />,
      );
    },
  );

  const newUrl = "/organisations/:org/sessions/:slug/side-events/new";
  const formPage = async (
    request: FastifyRequest<{ Params: { org: string; slug: string } }>,
    values: FormValues,
    errors: Record<string, string>,
  ) => {
    const ctx = ctxOf(request);
    const org = await findOrganisationBySlug(ctx.db, request.params.org);
    if (!org) throw new AppError("NOT_FOUND");
    // only the organisation's members (and the secretariat) see the form
    await requireOrganisationRole(ctx, org.id);
    const session = await getSessionDetail(ctx, request.params.slug);
    const call = await getCall(ctx, request.params.slug);
    return (
      <ProposalFormPage org={org} session={session} formats={call.formats} values={values} errors={errors} />
    );
  };
  app.get(
    newUrl,
    { config: { access: "signed-in" }, schema: { params: ZOrgSessionParams } },
    async (request, reply) =>
      sendPage(request, reply, request.t("sideEvents.propose.title"), await formPage(request, {}, {})),
  );
  app.post(
    newUrl,
    { config: { access: "signed-in" }, schema: { params: ZOrgSessionParams } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      const textLanguage = str(values, "textLanguage") ?? request.lang;
      const parsed = ZProposalCreate.safeParse({
        title: { [textLanguage]: str(values, "title") ?? "" },
        abstract: { [textLanguage]: str(values, "abstract") ?? "" },
        format: str(values, "format"),
        agendaItemIds: list(values, "agendaItemIds"),
        themes: list(values, "themes"),
        languages: list(values, "languages"),
        interpretation: list(values, "interpretation"),
        expectedAudience: Number(str(values, "expectedAudience") || Number.NaN),
        equipment: list(values, "equipment"),
        preferredSlotIds: list(values, "preferredSlotIds"),
        impossibleSlotIds: list(values, "impossibleSlotIds"),
      });
      let errors: Record<string, string> = {};
      if (parsed.success) {
        try {
          const p = await createProposal(
            ctxOf(request),
            request.params.org,
            request.params.slug,
            parsed.data,
          );
          return reply.redirect(`/side-events/proposals/${p.id}`, 303);
        } catch (error) {
          const field = error instanceof AppError ? (error.extra.field as string | undefined) : undefined;
          errors = { [field ?? "form"]: errorText(request, error) };
        }
      } else {
        errors = Object.fromEntries(
          Object.entries(formErrors(request.t, parsed.error)).map(([k, m]) => [k.split(".")[0] ?? k, m]),
        );
      }
      return sendPage(
        request,
        reply,
        request.t("sideEvents.propose.title"),
        await formPage(request, values, errors),
        400,
      );
    },
  );

  const proposalUrl = "/side-events/proposals/:id";
  const proposalPage = async (
    request: FastifyRequest,
    proposal: Proposal,
    error?: string,
    form: { values?: FormValues; errors?: FormErrors } = {},
  ) => {
    const ctx = ctxOf(request);
    const admitted =
      proposal.status === "draft" && (proposal.viewer === "lead" || proposal.viewer === "secretariat")
        ? await q.listAdmittedOrganisations(ctx.db, proposal.sessionId)
        : [];
    const slugs = proposal.coorganisers.flatMap((c) => (c.organisation ? [c.organisation] : []));
    const roles = ctx.actor
      ? await q.membershipsOf(
          ctx.db,
          ctx.actor.id,
          slugs.map((o) => o.id),
        )
      : [];
    const canRespond = slugs
      .filter((o) => roles.some((r) => r.organisation_id === o.id && r.role === "focal_point"))
      .map((o) => o.slug);
    return (
      <ProposalPage
        proposal={proposal}
        canRespond={canRespond}
        error={error}
        admitted={admitted}
        values={form.values}
        errors={form.errors}
      />
    );
  };
  const reshow = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: FormValues,
    errors: FormErrors,
  ) => {
    const proposal = await getProposal(ctxOf(request), id);
    return sendPage(
      request,
      reply,
      localized(proposal.title, request.lang),
      await proposalPage(request, proposal, undefined, { values, errors }),
      400,
    );
  };
  const fieldErrors = (request: FastifyRequest, error: z.ZodError) =>
    Object.fromEntries(
      Object.entries(formErrors(request.t, error)).map(([k, m]) => [k.split(".")[0] ?? k, m]),
    ) as FormErrors;

  app.post(
    `${proposalUrl}/co-organisers`,
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      const organisation = str(values, "organisation");
      const parsed = ZCoorganiserAdd.safeParse(
        organisation
          ? { organisation }
          : {
              name: str(values, "inviteName") ?? "",
              email: str(values, "inviteEmail") ?? "",
              kind: str(values, "inviteKind"),
            },
      );
      if (!parsed.success) {
        const errors = fieldErrors(request, parsed.error);
        return reshow(request, reply, request.params.id, values, {
          coorganiser: request.t("form.invalid.choice"),
          inviteName: errors.name ?? "",
          inviteEmail: errors.email ?? "",
        });
      }
      try {
        await addCoorganiser(ctxOf(request), request.params.id, parsed.data);
      } catch (error) {
        return reshow(request, reply, request.params.id, values, { coorganiser: errorText(request, error) });
      }
      return reply.redirect(`/side-events/proposals/${request.params.id}`, 303);
    },
  );
  app.post(
    `${proposalUrl}/panellists`,
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      const opt = (name: string) => str(values, name) || undefined;
      const parsed = ZPanellistCreate.safeParse({
        name: str(values, "name") ?? "",
        affiliation: opt("affiliation"),
        gender: str(values, "gender"),
        country: opt("country")?.toUpperCase(),
        bio: opt("bio"),
        role: str(values, "role") ?? "",
        consentToPublish: list(values, "consentToPublish").includes("yes"),
        protection: opt("protection") ?? null,
        minor: list(values, "minor").includes("yes"),
        pseudonym: opt("pseudonym"),
      });
      if (!parsed.success)
        return reshow(request, reply, request.params.id, values, fieldErrors(request, parsed.error));
      try {
        await addPanellist(ctxOf(request), request.params.id, parsed.data);
      } catch (error) {
        return reshow(request, reply, request.params.id, values, { panellist: errorText(request, error) });
      }
      return reply.redirect(`/side-events/proposals/${request.params.id}`, 303);
    },
  );
  app.get(
    proposalUrl,
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) => {
      const proposal = await getProposal(ctxOf(request), request.params.id);
      return sendPage(
        request,
        reply,
        localized(proposal.title, request.lang),
        await proposalPage(request, proposal),
      );
    },
  );
  app.post(
    `${proposalUrl}/submit`,
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      try {
        await submitProposal(ctx, request.params.id);
      } catch (error) {
        if (!(error instanceof AppError && error.code === "SIDE_EVENT_NOT_DRAFT")) {
          const text = errorText(request, error);
          const proposal = await getProposal(ctx, request.params.id);
          return sendPage(
            request,
            reply,
            localized(proposal.title, request.lang),
            await proposalPage(request, proposal, text),
            400,
          );
        }
        // already submitted (a second post of the same form): the same answer as the first
      }
      return reply.redirect(`/side-events/proposals/${request.params.id}`, 303);
    },
  );
  app.post(
    `${proposalUrl}/co-organisers/:org/response`,
    { config: { access: "signed-in" }, schema: { params: ZCoorganiserParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const parsed = ZCoorganiserResponse.safeParse({
        decision: str((request.body ?? {}) as FormValues, "decision"),
      });
      let text: string | undefined;
      if (!parsed.success) text = request.t("form.invalid.choice");
      else {
        try {
          await respondAsCoorganiser(ctx, request.params.id, request.params.org, parsed.data.decision);
          return reply.redirect(`/side-events/proposals/${request.params.id}`, 303);
        } catch (error) {
          text = errorText(request, error);
        }
      }
      const proposal = await getProposal(ctx, request.params.id);
      return sendPage(
        request,
        reply,
        localized(proposal.title, request.lang),
        await proposalPage(request, proposal, text),
        400,
      );
    },
  );
  await sideEventManageRoutes(app);
}
