/**
 * API of the schedule editor (secretariat): the working schedule with its conflicts in words,
 * moves, unplacing, pins, applying a proposal, undo (each with If-Match on the draft's ETag),
 * optimiser runs with their progress, and publishing a release (Idempotency-Key).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { expectedVersion, setEtag } from "../../platform/etag.js";
import type { App } from "../../platform/http.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { getSessionDetail, localized } from "../sessions/sessions.service.js";
import type { SeCtx } from "../side-events/side-events.service.js";
import {
  applyProposal,
  type Draft,
  getDraft,
  moveEvent,
  pinEvent,
  undoChange,
  unplaceEvent,
} from "./scheduling.draft.service.js";
import { describeChange, publishRelease, type Release } from "./scheduling.releases.service.js";
import { getRun, type RunView, startRun } from "./scheduling.runs.js";
import {
  ZApply,
  ZDraft,
  ZEmpty,
  ZEventRef,
  ZMove,
  ZPin,
  ZRelease,
  ZRun,
  ZRunParams,
  ZRunStart,
  ZSessionParams,
} from "./scheduling.schemas.js";
import type { StoredProposal } from "./scheduling.service.js";
import { conflictText } from "./scheduling.text.js";

const tags = ["scheduling"];
export const DRAFT_ETAG = "schedule-draft";

export function draftJson(draft: Draft, lang: Lang) {
  const titles = new Map(draft.events.map((e) => [e.id, e.title]));
  const items = new Map(draft.session.agendaItems.map((a) => [a.id, a.number]));
  return {
    session: draft.session.slug,
    version: draft.version,
    undoable: draft.undoable,
    release: draft.release
      ? { number: draft.release.number, publishedAt: draft.release.publishedAt.toISOString() }
      : null,
    unpublished: draft.unpublished,
    events: draft.events.map((e) => ({
      id: e.id,
      title: localized(e.title, lang),
      roomId: e.roomId,
      slotId: e.slotId,
      pinned: e.pinned,
      conflicts: e.conflicts.map((c) => ({
        rule: c.rule,
        hard: c.hard,
        ...(c.otherEventId ? { otherEventId: c.otherEventId } : {}),
        message: conflictText(lang, c, titles, items),
      })),
    })),
  };
}

export const runJson = (run: RunView, proposal?: StoredProposal | null) => ({
  ...run,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt?.toISOString() ?? null,
  ...(proposal !== undefined
    ? { proposal: proposal ? { ...proposal, createdAt: proposal.createdAt.toISOString() } : null }
    : {}),
});

export const releaseJson = (release: Release, lang: Lang, timeZone: string) => ({
  number: release.number,
  publishedAt: release.publishedAt.toISOString(),
  changes: release.changes.map((c) => ({
    eventId: c.eventId,
    kind: c.kind,
    from: c.from,
    to: c.to,
    text: describeChange(lang, timeZone, c),
  })),
});

export async function schedulingEditorRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });
  const base = "/api/v1/sessions/:slug/schedule";

  const sendDraft = async (request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
    const draft = await getDraft(ctxOf(request), request.params.slug);
    setEtag(reply, DRAFT_ETAG, draft.session.slug, draft.version);
    return draftJson(draft, request.lang);
  };

  app.get(
    `${base}/draft`,
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSessionParams, response: { 200: ZDraft } },
    },
    async (request, reply) => sendDraft(request, reply),
  );

  // each edit: the version the editor saw (If-Match), one service call, the new draft back
  const edit = <B>(
    path: string,
    body: import("zod").ZodType<B>,
    run: (ctx: SeCtx, slug: string, version: number, input: B) => Promise<number>,
  ) =>
    app.post(
      `${base}/draft/${path}`,
      {
        config: { access: "secretariat" },
        schema: { tags, params: ZSessionParams, body, response: { 200: ZDraft } },
      },
      async (request, reply) => {
        const version = expectedVersion(request, DRAFT_ETAG, request.params.slug);
        await run(ctxOf(request), request.params.slug, version, request.body as B);
        return sendDraft(request, reply);
      },
    );
  edit("moves", ZMove, (ctx, slug, v, input) => moveEvent(ctx, slug, v, input));
  edit("unplace", ZEventRef, (ctx, slug, v, input) => unplaceEvent(ctx, slug, v, input.eventId));
  edit("pins", ZPin, (ctx, slug, v, input) => pinEvent(ctx, slug, v, input.eventId, input.pinned));
  edit("apply", ZApply, (ctx, slug, v, input) => applyProposal(ctx, slug, v, input.proposalId));
  edit("undo", ZEmpty, (ctx, slug, v) => undoChange(ctx, slug, v));

  app.post(
    `${base}/runs`,
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSessionParams, body: ZRunStart, response: { 202: ZRun } },
    },
    async (request, reply) => {
      const { run } = await startRun(ctxOf(request), request.params.slug, request.body);
      return reply
        .code(202)
        .header("location", `/api/v1/sessions/${request.params.slug}/schedule/runs/${run.id}`)
        .send(runJson(run));
    },
  );
  app.get(
    `${base}/runs/:id`,
    { config: { access: "secretariat" }, schema: { tags, params: ZRunParams, response: { 200: ZRun } } },
    async (request, reply) => {
      const { run, proposal } = await getRun(ctxOf(request), request.params.slug, request.params.id);
      reply.header("cache-control", "no-store");
      return runJson(run as RunView, proposal);
    },
  );

  app.post(
    `${base}/releases`,
    {
      config: { access: "secretariat", idempotency: "required" },
      schema: { tags, params: ZSessionParams, body: ZEmpty, response: { 201: ZRelease } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const release = await publishRelease(ctx, request.params.slug);
      const session = await getSessionDetail(ctx, request.params.slug);
      return reply.code(201).send(releaseJson(release, request.lang, session.timeZone));
    },
  );
}
