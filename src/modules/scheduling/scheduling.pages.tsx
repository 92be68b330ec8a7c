/**
 * The secretariat's schedule pages, usable without JavaScript: the editor (GET) and one form post
 * per action, each answered by a redirect to the editor that says what the change breaks. A
 * refused action (a stale version, nothing to undo) comes back as a message on the editor. A
 * double post of "Publish" finds the release made and is sent to the releases like the first.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { sendPage } from "../../platform/ui/render.js";
import { localized } from "../sessions/sessions.service.js";
import type { SeCtx } from "../side-events/side-events.service.js";
import {
  applyProposal,
  getDraft,
  moveEvent,
  pinEvent,
  undoChange,
  unplaceEvent,
} from "./scheduling.draft.service.js";
import { EditorPage } from "./scheduling.editor.pages.js";
import { titlesOf } from "./scheduling.queries.js";
import { publishRelease } from "./scheduling.releases.service.js";
import { getRun, startRun } from "./scheduling.runs.js";
import { ZSessionParams } from "./scheduling.schemas.js";
import { optimiseSession } from "./scheduling.service.js";

const version = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
const uuid = z.uuid();
const ZEditorQuery = z.object({
  moved: uuid.optional(),
  select: uuid.optional(),
  error: z.string().max(60).optional(),
});
const forms = {
  move: z.object({ version, eventId: uuid, roomId: uuid, slotId: uuid }),
  pin: z.object({ version, eventId: uuid, pinned: z.enum(["true", "false"]) }),
  unplace: z.object({ version, eventId: uuid }),
  undo: z.object({ version }),
  apply: z.object({ version, proposalId: uuid }),
  publish: z.object({ version }),
  runs: z.object({ waitlisted: z.literal("true").optional() }),
};

export async function schedulingPageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });

  app.get(
    "/sessions/:slug/schedule",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams, querystring: ZEditorQuery } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const [draft, latest] = await Promise.all([
        getDraft(ctx, request.params.slug),
        getRun(ctx, request.params.slug, "latest"),
      ]);
      const proposal = latest.proposal ?? (await latestProposalOf(ctx, request.params.slug));
      const accepted = new Set(draft.events.map((e) => e.id));
      const otherTitles = await titlesOf(
        ctx.db,
        draft.session.id,
        (proposal?.placements ?? []).map((p) => p.eventId).filter((id) => !accepted.has(id)),
      );
      const code = request.query.error;
      const error = code && /^[A-Z_]+$/.test(code) ? request.t(`error.${code}` as MessageKey) : undefined;
      // without JavaScript, the page refreshes itself while the optimiser runs
      if (latest.run?.status === "running") reply.header("refresh", "2");
      return sendPage(
        request,
        reply,
        `${request.t("scheduling.page.title")} — ${localized(draft.session.name, request.lang)}`,
        <EditorPage
          draft={draft}
          run={latest.run}
          proposal={proposal}
          focus={request.query.moved}
          select={request.query.select}
          otherTitles={otherTitles}
          error={error}
        />,
      );
    },
  );

  const editor = (slug: string, extra = "") => `/sessions/${slug}/schedule${extra}`;
  /** a form post: parse, act, and back to the editor (a refusal becomes a message there) */
  const post = <K extends keyof typeof forms>(
    path: K,
    act: (ctx: SeCtx, slug: string, body: z.infer<(typeof forms)[K]>) => Promise<string>,
  ) =>
    app.post(
      `/sessions/:slug/schedule/${path}`,
      { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
      async (request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
        const slug = request.params.slug;
        const parsed = forms[path].safeParse(request.body ?? {});
        if (!parsed.success) throw new AppError("VALIDATION_FAILED");
        try {
          const to = await act(ctxOf(request), slug, parsed.data as z.infer<(typeof forms)[K]>);
          return reply.redirect(to, 303);
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500 || [401, 403, 404].includes(error.status))
            throw error;
          return reply.redirect(editor(slug, `?error=${error.code}`), 303);
        }
      },
    );

  post("move", async (ctx, slug, body) => {
    await moveEvent(ctx, slug, body.version, {
      eventId: body.eventId,
      roomId: body.roomId,
      slotId: body.slotId,
    });
    return editor(slug, `?moved=${body.eventId}#event-${body.eventId}`);
  });
  post("pin", async (ctx, slug, body) => {
    await pinEvent(ctx, slug, body.version, body.eventId, body.pinned === "true");
    return editor(slug, `?moved=${body.eventId}#event-${body.eventId}`);
  });
  post("unplace", async (ctx, slug, body) => {
    await unplaceEvent(ctx, slug, body.version, body.eventId);
    return editor(slug, `#event-${body.eventId}`);
  });
  post("undo", async (ctx, slug, body) => {
    await undoChange(ctx, slug, body.version);
    return editor(slug);
  });
  post("apply", async (ctx, slug, body) => {
    await applyProposal(ctx, slug, body.version, body.proposalId);
    return editor(slug);
  });
  post("runs", async (ctx, slug, body) => {
    await startRun(ctx, slug, { aroundPins: true, waitlisted: body.waitlisted === "true" });
    return editor(slug, "#schedule-run");
  });
  post("publish", async (ctx, slug, body) => {
    const draft = await getDraft(ctx, slug);
    try {
      if (draft.version !== body.version) throw new AppError("PRECONDITION_FAILED");
      await publishRelease(ctx, slug);
    } catch (error) {
      // the same form posted twice: the first made the release
      if (!(error instanceof AppError && error.code === "SCHEDULING_RELEASE_UNCHANGED")) throw error;
    }
    return `/sessions/${slug}/schedule/releases`;
  });

  app.post(
    "/sessions/:slug/schedule/optimise",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      await optimiseSession(ctxOf(request), request.params.slug, { timeLimitSeconds: 30 });
      return reply.redirect(`/sessions/${request.params.slug}/schedule`, 303);
    },
  );
}

async function latestProposalOf(ctx: SeCtx, slug: string) {
  const { latestProposal } = await import("./scheduling.service.js");
  return (await latestProposal(ctx, slug)).proposal;
}
