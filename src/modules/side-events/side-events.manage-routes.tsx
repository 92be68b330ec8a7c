/**
 * Pages of review and selection, without JavaScript: the secretariat's call form, proposals with
 * ranking, reviewer assignment (a refused conflict shows its reason) and decisions; the reviewer's
 * proposals with the scoring form; an organisation's side events. Every success is a 303.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { requireSecretariat } from "../../platform/access.js";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { type FormErrors, type FormValues, formErrors, list, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { getSessionDetail, localized } from "../sessions/sessions.service.js";
import { isDateTimeInput, parseDateTimeInput, toDateTimeLocal } from "../sessions/sessions.time.js";
import { type Call, getCall, saveCall } from "./call.service.js";
import { listOrganisationProposals } from "./proposals.service.js";
import {
  assignReviewer,
  decideProposal,
  listReviews,
  proposalCriteria,
  rankProposals,
  scoreProposal,
} from "./review.service.js";
import { decideProposals, placesLeftIn } from "./selection.service.js";
import {
  CallFormPage,
  CRITERION_ROWS,
  OrganisationProposalsPage,
  ProposalsPage,
  type ReviewItem,
  ReviewsPage,
} from "./side-events.manage-pages.js";
import { errorText } from "./side-events.page-routes.js";
import * as q from "./side-events.queries.js";
import {
  ZBulkDecision,
  ZCallInput,
  ZDecision,
  ZIdParams,
  ZOrgParams,
  ZReviewInput,
  ZSessionParams,
} from "./side-events.schemas.js";
import type { SeCtx } from "./side-events.service.js";

export async function sideEventManageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });

  // ---- the call
  const callUrl = "/sessions/:slug/side-events/call";
  const callValues = (call: Call, timeZone: string, lang: string): FormValues => ({
    deadline: toDateTimeLocal(call.deadline, timeZone),
    formats: call.formats,
    slotMinutes: String(call.slotMinutes),
    maxProposalsPerOrganisation: String(call.maxProposalsPerOrganisation),
    computedWeight: String(call.computedWeight),
    ...Object.fromEntries(
      call.criteria.flatMap((c, i) => [
        [`code${i}`, c.code],
        [`label${i}`, localized(c.label, lang as "en")],
        [`weight${i}`, String(c.weight)],
      ]),
    ),
  });
  app.get(
    callUrl,
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      requireSecretariat(ctx);
      const session = await getSessionDetail(ctx, request.params.slug);
      let values: FormValues = {
        formats: ["panel", "workshop"],
        slotMinutes: "90",
        maxProposalsPerOrganisation: "2",
        computedWeight: "30",
      };
      try {
        values = callValues(await getCall(ctx, session.slug), session.timeZone, request.lang);
      } catch (error) {
        if (!(error instanceof AppError && error.code === "SIDE_EVENT_NO_CALL")) throw error;
      }
      return sendPage(
        request,
        reply,
        request.t("sideEvents.call.title"),
        <CallFormPage session={session} values={values} errors={{}} />,
      );
    },
  );
  app.post(
    callUrl,
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      requireSecretariat(ctx);
      const session = await getSessionDetail(ctx, request.params.slug);
      const values = (request.body ?? {}) as FormValues;
      let existing: Call | undefined;
      try {
        existing = await getCall(ctx, session.slug);
      } catch {
        existing = undefined;
      }
      const errors: FormErrors = {};
      const deadline = str(values, "deadline") ?? "";
      if (!isDateTimeInput(deadline)) errors.deadline = request.t("form.invalid.format");
      const criteria = Array.from({ length: CRITERION_ROWS }, (_, i) => ({
        code: (str(values, `code${i}`) ?? "").trim(),
        label: (str(values, `label${i}`) ?? "").trim(),
        weight: Number(str(values, `weight${i}`) || "1"),
      }))
        .filter((c) => c.code || c.label)
        .map((c) => ({
          code: c.code,
          label: {
            ...(existing?.criteria.find((x) => x.code === c.code)?.label ?? {}),
            [request.lang]: c.label,
          },
          weight: c.weight,
        }));
      const number = (name: string) => Number(str(values, name) || Number.NaN);
      const parsed = ZCallInput.safeParse({
        deadline: errors.deadline ? "" : parseDateTimeInput(deadline, session.timeZone).toISOString(),
        formats: list(values, "formats"),
        slotMinutes: number("slotMinutes"),
        maxProposalsPerOrganisation: number("maxProposalsPerOrganisation"),
        computedWeight: str(values, "computedWeight") ? number("computedWeight") : undefined,
        criteria,
      });
      if (parsed.success && !errors.deadline) {
        await saveCall(ctx, session.slug, parsed.data);
        return reply.redirect(`/sessions/${session.slug}/side-events/proposals`, 303);
      }
      if (!parsed.success)
        for (const [k, m] of Object.entries(formErrors(request.t, parsed.error))) {
          const key = k.split(".")[0] ?? k;
          if (key !== "deadline" || !errors.deadline) errors[key] = m;
        }
      return sendPage(
        request,
        reply,
        request.t("sideEvents.call.title"),
        <CallFormPage session={session} values={values} errors={errors} />,
        400,
      );
    },
  );

  // ---- proposals, ranking, reviewers, decisions
  const listUrl = "/sessions/:slug/side-events/proposals";
  const proposalsPage = async (
    request: FastifyRequest,
    sessionSlug: string,
    errors: Record<string, string>,
  ) => {
    const ctx = ctxOf(request);
    const session = await getSessionDetail(ctx, sessionSlug);
    const [items, assignments, reviewers, placesLeft] = await Promise.all([
      rankProposals(ctx, session.slug),
      q.listSessionAssignments(ctx.db, session.id),
      q.listReviewerUsers(ctx.db),
      placesLeftIn(ctx, session),
    ]);
    return (
      <ProposalsPage
        session={session}
        items={items}
        assignments={assignments}
        reviewers={reviewers}
        errors={errors}
        placesLeft={placesLeft}
      />
    );
  };
  app.get(
    listUrl,
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      requireSecretariat(ctxOf(request));
      return sendPage(
        request,
        reply,
        request.t("sideEvents.proposals.title"),
        await proposalsPage(request, request.params.slug, {}),
      );
    },
  );
  const backToList = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    action: () => Promise<unknown>,
  ) => {
    const ctx = ctxOf(request);
    requireSecretariat(ctx);
    const row = await q.findProposal(ctx.db, request.params.id);
    if (!row) throw new AppError("NOT_FOUND");
    try {
      await action();
      return reply.redirect(`/sessions/${row.session_slug}/side-events/proposals#proposal-${row.id}`, 303);
    } catch (error) {
      let text = errorText(request, error);
      const names =
        error instanceof AppError ? (error.extra.organisations as string[] | undefined) : undefined;
      if (names?.length) text = `${text} (${names.join(", ")})`;
      return sendPage(
        request,
        reply,
        request.t("sideEvents.proposals.title"),
        await proposalsPage(request, row.session_slug, { [row.id]: text }),
        (error as AppError).status,
      );
    }
  };
  app.post(
    "/side-events/proposals/:id/reviewers",
    { config: { access: "secretariat" }, schema: { params: ZIdParams } },
    async (request, reply) =>
      backToList(request, reply, async () => {
        const userId = str((request.body ?? {}) as FormValues, "userId") ?? "";
        if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new AppError("SIDE_EVENT_NOT_A_REVIEWER");
        return assignReviewer(ctxOf(request), request.params.id, userId);
      }),
  );
  app.post(
    "/side-events/proposals/:id/decision",
    { config: { access: "secretariat" }, schema: { params: ZIdParams } },
    async (request, reply) =>
      backToList(request, reply, async () => {
        const v = (request.body ?? {}) as FormValues;
        const parsed = ZDecision.safeParse({
          decision: str(v, "decision"),
          roomId: str(v, "roomId") || undefined,
          timeSlotId: str(v, "timeSlotId") || undefined,
        });
        if (!parsed.success) throw new AppError("SIDE_EVENT_STATE_INVALID");
        return decideProposal(ctxOf(request), request.params.id, parsed.data);
      }),
  );

  app.post(
    "/sessions/:slug/side-events/decisions",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      requireSecretariat(ctxOf(request));
      const v = (request.body ?? {}) as FormValues;
      const decision = str(v, "decision");
      const parsed = ZBulkDecision.safeParse(
        decision === "top"
          ? { top: Number(str(v, "top") || Number.NaN), decision: "accept" }
          : { proposalIds: list(v, "proposalId"), decision },
      );
      try {
        if (!parsed.success) throw new AppError("VALIDATION_FAILED", request.t("sideEvents.bulk.none"));
        await decideProposals(ctxOf(request), request.params.slug, parsed.data);
        return reply.redirect(`/sessions/${request.params.slug}/side-events/proposals`, 303);
      } catch (error) {
        const text = parsed.success ? errorText(request, error) : request.t("sideEvents.bulk.none");
        return sendPage(
          request,
          reply,
          request.t("sideEvents.proposals.title"),
          await proposalsPage(request, request.params.slug, { bulk: text }),
          (error as AppError).status ?? 400,
        );
      }
    },
  );

  // ---- the reviewer's proposals
  const reviewsPage = async (
    request: FastifyRequest,
    errors: Record<string, string>,
    values: Record<string, FormValues>,
  ) => {
    const ctx = ctxOf(request);
    const actor = ctx.actor;
    if (!actor) throw new AppError("UNAUTHENTICATED");
    const rows = await q.listAssignmentsOf(ctx.db, actor.id);
    const calls = new Map<string, Call>();
    const items: ReviewItem[] = [];
    for (const r of rows) {
      if (!calls.has(r.session_slug)) calls.set(r.session_slug, await getCall(ctx, r.session_slug));
      const call = calls.get(r.session_slug) as Call;
      const all = r.scored_at
        ? (await listReviews(ctx, r.id)).map((x) => ({
            reviewer: x.display_name,
            scores: x.scores,
            comment: x.comment,
          }))
        : null;
      items.push({
        id: r.id,
        title: r.title,
        abstract: r.abstract,
        status: r.status,
        leadName: r.lead_name,
        criteria: call.criteria,
        computed: await proposalCriteria(ctx, r.id),
        mine: { scores: r.scores, comment: r.comment, scoredAt: r.scored_at },
        all,
      });
    }
    return <ReviewsPage items={items} errors={errors} values={values} />;
  };
  app.get("/side-events/reviews", { config: { access: "signed-in" } }, async (request, reply) =>
    sendPage(request, reply, request.t("sideEvents.reviews.title"), await reviewsPage(request, {}, {})),
  );
  app.post(
    "/side-events/proposals/:id/review",
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) => {
      const v = (request.body ?? {}) as FormValues;
      const scores = Object.fromEntries(
        Object.keys(v)
          .filter((k) => k.startsWith("score."))
          .map((k) => [k.slice(6), Number(str(v, k) || Number.NaN)]),
      );
      const parsed = ZReviewInput.safeParse({ scores, comment: str(v, "comment") || undefined });
      let text: string;
      let status = 400;
      if (parsed.success) {
        try {
          await scoreProposal(ctxOf(request), request.params.id, parsed.data);
          return reply.redirect(`/side-events/reviews#proposal-${request.params.id}`, 303);
        } catch (error) {
          text = errorText(request, error);
          status = (error as AppError).status;
        }
      } else text = request.t("error.SIDE_EVENT_SCORES_INVALID");
      return sendPage(
        request,
        reply,
        request.t("sideEvents.reviews.title"),
        await reviewsPage(request, { [request.params.id]: text }, { [request.params.id]: v }),
        status,
      );
    },
  );

  // ---- an organisation's side events
  app.get(
    "/organisations/:org/side-events",
    { config: { access: "signed-in" }, schema: { params: ZOrgParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { org, items } = await listOrganisationProposals(ctx, request.params.org);
      const open = await ctx.db
        .selectFrom("side_event_calls as c")
        .innerJoin("conference_sessions as s", "s.id", "c.session_id")
        .select(["s.slug", "s.name", "s.time_zone", "c.deadline"])
        .where("c.deadline", ">", ctx.clock.now())
        .orderBy("c.deadline")
        .execute();
      return sendPage(
        request,
        reply,
        request.t("sideEvents.org.title", { organisation: org.name }),
        <OrganisationProposalsPage
          org={org}
          items={items}
          open={open.map((s) => ({
            slug: s.slug,
            name: s.name,
            deadline: s.deadline,
            timeZone: s.time_zone,
          }))}
        />,
      );
    },
  );
}
