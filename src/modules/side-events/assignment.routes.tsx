/**
 * Routes of the reviewer assignment Convene proposes (API and page) and of the reviewer's declared
 * expertise. Thin: validate, authorise, call the service, shape the answer.
 */
import type { FastifyRequest } from "fastify";
import { requireSecretariat } from "../../platform/access.js";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { type FormValues, list, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { AssignmentPage, ExpertisePage } from "./assignment.pages.js";
import {
  type AssignmentOptions,
  confirmReviewerAssignment,
  getExpertise,
  proposeReviewerAssignment,
  setExpertise,
} from "./assignment.service.js";
import { errorText } from "./side-events.page-routes.js";
import {
  ZAssigned,
  ZAssignmentConfirm,
  ZAssignmentProposal,
  ZAssignmentQuery,
  ZExpertise,
  ZExpertiseOut,
  ZSessionParams,
} from "./side-events.schemas.js";
import type { SeCtx } from "./side-events.service.js";

const tags = ["side-events"];

export async function assignmentRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });
  const api = "/api/v1/sessions/:slug/reviewer-assignment";

  app.get(
    api,
    {
      config: { access: "secretariat" },
      schema: {
        tags,
        params: ZSessionParams,
        querystring: ZAssignmentQuery,
        response: { 200: ZAssignmentProposal },
      },
    },
    async (request) => {
      const { session, instance, result, explanation } = await proposeReviewerAssignment(
        ctxOf(request),
        request.params.slug,
        request.query,
      );
      return {
        session: session.slug,
        perProposal: request.query.perProposal,
        expertise: request.query.expertise,
        feasible: result.feasible,
        status: result.status,
        objective: result.objective,
        expertiseMatches: result.expertiseMatches,
        reasons: explanation,
        proposals: instance.proposals.map((p) => ({ id: p.id, title: p.title })),
        reviewers: instance.reviewers.map((r) => ({ id: r.id, name: r.name, load: result.loads[r.id] ?? 0 })),
        existing: instance.existing,
        assignments: result.assignments,
      };
    },
  );
  app.post(
    api,
    {
      config: { access: "secretariat", idempotency: "required" },
      schema: { tags, params: ZSessionParams, body: ZAssignmentConfirm, response: { 200: ZAssigned } },
    },
    async (request) =>
      confirmReviewerAssignment(ctxOf(request), request.params.slug, request.body.assignments),
  );

  const me = "/api/v1/me/reviewer-expertise";
  app.get(
    me,
    { config: { access: "signed-in" }, schema: { tags, response: { 200: ZExpertiseOut } } },
    async (request) => ({ themes: await getExpertise(ctxOf(request)) }),
  );
  app.put(
    me,
    { config: { access: "signed-in" }, schema: { tags, body: ZExpertise, response: { 200: ZExpertiseOut } } },
    async (request) => ({ themes: await setExpertise(ctxOf(request), request.body.themes) }),
  );

  // ---- the page
  const page = "/sessions/:slug/side-events/reviewer-assignment";
  const render = async (
    request: FastifyRequest,
    slug: string,
    options: AssignmentOptions,
    error?: string,
  ) => {
    const proposal = await proposeReviewerAssignment(ctxOf(request), slug, options);
    return (
      <AssignmentPage
        session={proposal.session}
        perProposal={options.perProposal}
        expertise={options.expertise}
        instance={proposal.instance}
        result={proposal.result}
        explanation={proposal.explanation}
        error={error}
      />
    );
  };
  app.get(
    page,
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      requireSecretariat(ctxOf(request));
      const parsed = ZAssignmentQuery.safeParse(request.query ?? {});
      const options = parsed.success ? parsed.data : ZAssignmentQuery.parse({});
      return sendPage(
        request,
        reply,
        request.t("sideEvents.assignment.title"),
        await render(request, request.params.slug, options),
        parsed.success ? 200 : 400,
      );
    },
  );
  app.post(
    page,
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      requireSecretariat(ctx);
      const v = (request.body ?? {}) as FormValues;
      const pairs = list(v, "pair").flatMap((p) => {
        const [proposalId, reviewerId] = p.split("|");
        return proposalId && reviewerId ? [{ proposalId, reviewerId }] : [];
      });
      const parsed = ZAssignmentConfirm.safeParse({ assignments: pairs });
      try {
        if (!parsed.success) throw new AppError("VALIDATION_FAILED");
        await confirmReviewerAssignment(ctx, request.params.slug, parsed.data.assignments);
        return reply.redirect(`/sessions/${request.params.slug}/side-events/proposals`, 303);
      } catch (error) {
        const options = ZAssignmentQuery.parse({
          perProposal: str(v, "perProposal") || undefined,
          expertise: str(v, "expertise") || undefined,
        });
        return sendPage(
          request,
          reply,
          request.t("sideEvents.assignment.title"),
          await render(request, request.params.slug, options, errorText(request, error)),
          (error as AppError).status ?? 400,
        );
      }
    },
  );

  app.get("/side-events/reviews/expertise", { config: { access: "signed-in" } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      request.t("sideEvents.expertise.title"),
      <ExpertisePage themes={await getExpertise(ctxOf(request))} saved={false} />,
    ),
  );
  app.post("/side-events/reviews/expertise", { config: { access: "signed-in" } }, async (request, reply) => {
    const parsed = ZExpertise.safeParse({ themes: list((request.body ?? {}) as FormValues, "themes") });
    if (!parsed.success) throw new AppError("VALIDATION_FAILED");
    const themes = await setExpertise(ctxOf(request), parsed.data.themes);
    return sendPage(
      request,
      reply,
      request.t("sideEvents.expertise.title"),
      <ExpertisePage themes={themes} saved={true} />,
    );
  });
}
