/**
 * Public and personal routes of the scheduling module: the releases (page and API), the
 * programme as iCalendar at its canonical address /sessions/{slug}/programme.ics (the side-events
 * module's /api/v1/sessions/{slug}/side-events.ics stays as an alias) and each event's, a
 * person's own events (page and API) and their private feed: /calendar/{token}.ics; and
 * panellists' private links (scheduling.panellist-links.routes.tsx).
 */
import type { FastifyRequest } from "fastify";
import type { App } from "../../platform/http.js";
import { sendPage } from "../../platform/ui/render.js";
import { localized } from "../sessions/sessions.service.js";
import { getProgrammeEvent, listProgramme } from "../side-events/programme.service.js";
import { CACHE_TAG, type SeCtx } from "../side-events/side-events.service.js";
import { releaseJson } from "./scheduling.editor.routes.js";
import {
  eventsIcs,
  feedIcs,
  mySchedule,
  regenerateFeed,
  releaseRevisions,
  revokeFeed,
} from "./scheduling.feeds.service.js";
import { panellistLinkRoutes } from "./scheduling.panellist-links.routes.js";
import { MySchedulePage, ReleasesPage } from "./scheduling.public.pages.js";
import { listReleases } from "./scheduling.releases.service.js";
import {
  ZEmpty,
  ZEventIcsParams,
  ZFeed,
  ZFeedParams,
  ZMyEvents,
  ZReleases,
  ZSessionParams,
} from "./scheduling.schemas.js";

const tags = ["scheduling"];
const ICS = "text/calendar; charset=utf-8";

export async function schedulingPublicRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });
  const baseUrl = () => app.services.config.baseUrl;

  app.get(
    "/api/v1/sessions/:slug/schedule/releases",
    { config: { access: "public" }, schema: { tags, params: ZSessionParams, response: { 200: ZReleases } } },
    async (request) => {
      const { session, releases } = await listReleases(ctxOf(request), request.params.slug);
      return {
        session: session.slug,
        releases: releases.map((r) => releaseJson(r, request.lang, session.timeZone)),
      };
    },
  );
  app.get(
    "/sessions/:slug/schedule/releases",
    { config: { access: "public" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const data = await listReleases(ctxOf(request), request.params.slug);
      return sendPage(
        request,
        reply,
        `${request.t("scheduling.releases.title")} — ${localized(data.session.name, request.lang)}`,
        <ReleasesPage {...data} />,
      );
    },
  );

  for (const prefix of ["", "/api/v1"]) {
    app.get(
      `${prefix}/sessions/:slug/programme.ics`,
      { config: { access: "public" }, schema: { tags, params: ZSessionParams } },
      async (request, reply) => {
        const { session, all } = await listProgramme(ctxOf(request), request.params.slug);
        const body = await app.services.cache.wrap(
          `scheduling:programme.ics:${session.id}:${request.lang}`,
          [CACHE_TAG, "sessions"],
          async () =>
            eventsIcs(
              [{ session, events: all, revisions: await releaseRevisions(app.services.db, session.id) }],
              request.lang,
              baseUrl(),
              localized(session.name, request.lang),
            ),
        );
        return reply
          .header("content-type", ICS)
          .header("content-disposition", `inline; filename="${session.slug}-programme.ics"`)
          .send(body);
      },
    );
  }
  app.get(
    "/sessions/:slug/programme/:id.ics",
    { config: { access: "public" }, schema: { tags, params: ZEventIcsParams } },
    async (request, reply) => {
      const { session, event } = await getProgrammeEvent(
        ctxOf(request),
        request.params.slug,
        request.params.id,
      );
      return reply
        .header("content-type", ICS)
        .header("content-disposition", `inline; filename="side-event-${event.id}.ics"`)
        .send(
          eventsIcs(
            [{ session, events: [event], revisions: await releaseRevisions(app.services.db, session.id) }],
            request.lang,
            baseUrl(),
            localized(event.title, request.lang),
          ),
        );
    },
  );

  // a person's own events and private feed
  app.get(
    "/api/v1/sessions/:slug/my-schedule",
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZSessionParams, response: { 200: ZMyEvents } },
    },
    async (request) => {
      const { session, events, feedSince } = await mySchedule(ctxOf(request), request.params.slug);
      return {
        session: session.slug,
        feedCreatedAt: feedSince?.toISOString() ?? null,
        events: events.map((e) => ({
          id: e.id,
          title: localized(e.title, request.lang),
          room: e.room,
          startsAt: e.startsAt?.toISOString() ?? null,
          endsAt: e.endsAt?.toISOString() ?? null,
        })),
      };
    },
  );
  app.get(
    "/sessions/:slug/my-schedule",
    { config: { access: "signed-in" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const data = await mySchedule(ctxOf(request), request.params.slug);
      return sendPage(
        request,
        reply,
        `${request.t("scheduling.mine.title")} — ${localized(data.session.name, request.lang)}`,
        <MySchedulePage {...data} />,
      );
    },
  );
  app.post(
    "/sessions/:slug/my-schedule/feed",
    { config: { access: "signed-in" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const data = await mySchedule(ctx, request.params.slug);
      const { url } = await regenerateFeed(ctx);
      // shown once, on this answer: only the token's hash is kept
      reply.header("cache-control", "no-store");
      return sendPage(
        request,
        reply,
        `${request.t("scheduling.mine.title")} — ${localized(data.session.name, request.lang)}`,
        <MySchedulePage {...data} feedSince={ctx.clock.now()} newFeedUrl={url} />,
      );
    },
  );
  app.post(
    "/sessions/:slug/my-schedule/feed/revoke",
    { config: { access: "signed-in" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      await revokeFeed(ctxOf(request));
      return reply.redirect(`/sessions/${request.params.slug}/my-schedule#calendar-feed`, 303);
    },
  );
  app.post(
    "/api/v1/me/calendar-feed",
    { config: { access: "signed-in" }, schema: { tags, body: ZEmpty, response: { 201: ZFeed } } },
    async (request, reply) => {
      const { url } = await regenerateFeed(ctxOf(request));
      return reply.code(201).header("cache-control", "no-store").send({ url });
    },
  );
  app.delete(
    "/api/v1/me/calendar-feed",
    { config: { access: "signed-in" }, schema: { tags } },
    async (request, reply) => {
      await revokeFeed(ctxOf(request));
      return reply.code(204).send();
    },
  );
  app.get(
    "/calendar/:token.ics",
    { config: { access: "public", confidential: true }, schema: { tags, params: ZFeedParams } },
    async (request, reply) =>
      reply.header("content-type", ICS).send(await feedIcs(ctxOf(request), request.params.token)),
  );

  await panellistLinkRoutes(app);
}
