/** Routes of merging two proposals (API and pages). Thin: validate, authorise, call the service. */
import type { FastifyRequest } from "fastify";
import { requireSecretariat } from "../../platform/access.js";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { type FormValues, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { getSessionDetail } from "../sessions/sessions.service.js";
import { MergePage, MergesPage } from "./merge.pages.js";
import { getMerge, listMerges, type Merge, proposeMerge, respondToMerge } from "./merge.service.js";
import { rankProposals } from "./review.service.js";
import { errorText } from "./side-events.page-routes.js";
import {
  ZMerge,
  ZMergeConsentParams,
  ZMergeId,
  ZMergeInput,
  ZMergeResponse,
  ZSessionParams,
} from "./side-events.schemas.js";
import type { SeCtx } from "./side-events.service.js";

const tags = ["side-events"];
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const mergeJson = (m: Merge) => ({
  ...m,
  consents: m.consents.map((c) => ({ ...c, respondedAt: iso(c.respondedAt) })),
  createdAt: m.createdAt.toISOString(),
  decidedAt: iso(m.decidedAt),
});

export async function mergeRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });

  app.post(
    "/api/v1/sessions/:slug/side-event-merges",
    {
      config: { access: "secretariat", idempotency: "required" },
      schema: { tags, params: ZSessionParams, body: ZMergeInput, response: { 201: ZMerge } },
    },
    async (request, reply) => {
      const m = await proposeMerge(ctxOf(request), request.params.slug, request.body);
      return reply.code(201).header("location", `/api/v1/side-event-merges/${m.id}`).send(mergeJson(m));
    },
  );
  app.get(
    "/api/v1/side-event-merges/:id",
    { config: { access: "signed-in" }, schema: { tags, params: ZMergeId, response: { 200: ZMerge } } },
    async (request) => mergeJson(await getMerge(ctxOf(request), request.params.id)),
  );
  app.post(
    "/api/v1/side-event-merges/:id/consents/:org",
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZMergeConsentParams, body: ZMergeResponse, response: { 200: ZMerge } },
    },
    async (request) =>
      mergeJson(
        await respondToMerge(ctxOf(request), request.params.id, request.params.org, request.body.decision),
      ),
  );

  // ---- pages
  const list = "/sessions/:slug/side-events/merges";
  const mergesPage = async (request: FastifyRequest, slug: string, error?: string) => {
    const ctx = ctxOf(request);
    const session = await getSessionDetail(ctx, slug);
    const [merges, ranking] = await Promise.all([
      listMerges(ctx, session.id),
      rankProposals(ctx, session.slug),
    ]);
    const candidates = ranking.filter((r) => ["submitted", "waitlisted", "accepted"].includes(r.status));
    return <MergesPage session={session} merges={merges} candidates={candidates} error={error} />;
  };
  app.get(
    list,
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      requireSecretariat(ctxOf(request));
      return sendPage(
        request,
        reply,
        request.t("sideEvents.merge.title"),
        await mergesPage(request, request.params.slug),
      );
    },
  );
  app.post(
    list,
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      requireSecretariat(ctxOf(request));
      const v = (request.body ?? {}) as FormValues;
      const parsed = ZMergeInput.safeParse({
        survivorId: str(v, "survivorId"),
        absorbedId: str(v, "absorbedId"),
        note: str(v, "note") || undefined,
      });
      try {
        if (!parsed.success) throw new AppError("SIDE_EVENT_MERGE_INVALID");
        const m = await proposeMerge(ctxOf(request), request.params.slug, parsed.data);
        return reply.redirect(`/side-events/merges/${m.id}`, 303);
      } catch (error) {
        return sendPage(
          request,
          reply,
          request.t("sideEvents.merge.title"),
          await mergesPage(request, request.params.slug, errorText(request, error)),
          (error as AppError).status ?? 400,
        );
      }
    },
  );
  app.get(
    "/side-events/merges/:id",
    { config: { access: "signed-in" }, schema: { params: ZMergeId } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const merge = await getMerge(ctx, request.params.id);
      const mine = ctx.actor
        ? await ctx.db
            .selectFrom("organisation_members as m")
            .innerJoin("organisations as o", "o.id", "m.organisation_id")
            .select("o.slug")
            .where("m.user_id", "=", ctx.actor.id)
            .where("m.role", "=", "focal_point")
            .where(
              "o.slug",
              "in",
              merge.consents.map((c) => c.slug),
            )
            .execute()
        : [];
      return sendPage(
        request,
        reply,
        request.t("sideEvents.merge.one"),
        <MergePage merge={merge} canAnswer={mine.map((r) => r.slug)} />,
      );
    },
  );
  app.post(
    "/side-events/merges/:id/consents/:org",
    { config: { access: "signed-in" }, schema: { params: ZMergeConsentParams } },
    async (request, reply) => {
      const parsed = ZMergeResponse.safeParse({
        decision: str((request.body ?? {}) as FormValues, "decision"),
      });
      if (!parsed.success) throw new AppError("VALIDATION_FAILED");
      await respondToMerge(ctxOf(request), request.params.id, request.params.org, parsed.data.decision);
      return reply.redirect(`/side-events/merges/${request.params.id}`, 303);
    },
  );
}
