/** Routes of the sessions module: thin — validate, authorise, call the service, shape the answer. */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { expectedVersion, setEtag } from "../../platform/etag.js";
import type { App } from "../../platform/http.js";
import {
  createAgendaItem,
  createDeadline,
  createRoom,
  createTimeSlot,
  deleteSessionItem,
  type ItemKind,
  itemsOf,
  updateAgendaItem,
  updateDeadline,
  updateRoom,
  updateTimeSlot,
} from "./sessions.items.service.js";
import { sessionPageRoutes } from "./sessions.page-routes.js";
import { createPlenaryMeeting, updatePlenaryMeeting } from "./sessions.plenary.service.js";
import {
  ZAgendaItem,
  ZAgendaItemCreate,
  ZAgendaItemPatch,
  ZDeadline,
  ZDeadlineCreate,
  ZDeadlinePatch,
  ZItemParams,
  ZListQuery,
  ZPlenaryMeeting,
  ZPlenaryMeetingCreate,
  ZPlenaryMeetingPatch,
  ZRoom,
  ZRoomCreate,
  ZRoomPatch,
  ZSession,
  ZSessionCreate,
  ZSessionDetail,
  ZSessionPage,
  ZSessionPatch,
  ZSlugParams,
  ZTimeSlot,
  ZTimeSlotCreate,
  ZTimeSlotPatch,
} from "./sessions.schemas.js";
import {
  createSession,
  type Deadline,
  getSessionDetail,
  listSessions,
  type PlenaryMeeting,
  type Session,
  type SessionCtx,
  type SessionDetail,
  type TimeSlot,
  updateSession,
} from "./sessions.service.js";

const tags = ["sessions"];

// ---- shaping answers

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const sessionJson = (s: Session) => ({
  ...s,
  observerApplicationDeadline: iso(s.observerApplicationDeadline),
  sideEventProposalDeadline: iso(s.sideEventProposalDeadline),
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
const slotJson = (s: TimeSlot) => ({
  ...s,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
});
const deadlineJson = (d: Deadline) => ({ ...d, dueAt: d.dueAt.toISOString() });
const meetingJson = (m: PlenaryMeeting) => ({
  ...m,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
});
const detailJson = (s: SessionDetail) => ({
  ...sessionJson(s),
  agendaItems: s.agendaItems,
  rooms: s.rooms,
  timeSlots: s.timeSlots.map(slotJson),
  deadlines: s.deadlines.map(deadlineJson),
  plenaryMeetings: s.plenaryMeetings.map(meetingJson),
});

export async function sessionRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SessionCtx => ({ ...request.ctx(), cache: app.services.cache });

  // ---- API: sessions

  app.get(
    "/api/v1/sessions",
    {
      config: { access: "public" },
      schema: { tags, querystring: ZListQuery, response: { 200: ZSessionPage } },
    },
    async (request) => {
      const data = await listSessions(ctxOf(request), request.query);
      return { ...data, items: data.items.map(sessionJson) };
    },
  );

  app.get(
    "/api/v1/sessions/:slug",
    {
      config: { access: "public" },
      schema: { tags, params: ZSlugParams, response: { 200: ZSessionDetail } },
    },
    async (request, reply) => {
      const session = await getSessionDetail(ctxOf(request), request.params.slug);
      setEtag(reply, "session", session.id, session.version);
      return detailJson(session);
    },
  );

  app.post(
    "/api/v1/sessions",
    {
      config: { access: "secretariat" },
      schema: { tags, body: ZSessionCreate, response: { 201: ZSession } },
    },
    async (request, reply) => {
      const session = await createSession(ctxOf(request), request.body);
      setEtag(reply, "session", session.id, session.version);
      return reply
        .code(201)
        .header("location", `/api/v1/sessions/${session.slug}`)
        .send(sessionJson(session));
    },
  );

  app.patch(
    "/api/v1/sessions/:slug",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZSlugParams, body: ZSessionPatch, response: { 200: ZSession } },
    },
    async (request, reply) => {
      const session = await updateSession(
        ctxOf(request),
        request.params.slug,
        (id) => expectedVersion(request, "session", id),
        request.body,
      );
      setEtag(reply, "session", session.id, session.version);
      return sessionJson(session);
    },
  );

  // ---- API: agenda items, rooms, time slots, deadlines, plenary meetings

  /** The five kinds of items share one route shape; the schemas keep each kind's own fields. */
  function itemApi<C, P, T extends { id: string }>(def: {
    kind: ItemKind;
    create: z.ZodType<C>;
    patch: z.ZodType<P>;
    response: z.ZodType;
    add: (ctx: SessionCtx, slug: string, input: C) => Promise<T>;
    edit: (ctx: SessionCtx, slug: string, id: string, patch: P) => Promise<T>;
    json: (item: T) => unknown;
  }) {
    const url = `/api/v1/sessions/:slug/${def.kind}`;
    app.get(
      url,
      {
        config: { access: "public" },
        schema: { tags, params: ZSlugParams, response: { 200: z.object({ items: z.array(def.response) }) } },
      },
      async (request) => {
        const session = await getSessionDetail(ctxOf(request), request.params.slug);
        return { items: (itemsOf(session, def.kind) as unknown as T[]).map(def.json) };
      },
    );
    app.post(
      url,
      {
        config: { access: "secretariat" },
        schema: { tags, params: ZSlugParams, body: def.create, response: { 201: def.response } },
      },
      async (request, reply) => {
        const item = await def.add(ctxOf(request), request.params.slug, request.body as C);
        return reply
          .code(201)
          .header("location", `/api/v1/sessions/${request.params.slug}/${def.kind}/${item.id}`)
          .send(def.json(item));
      },
    );
    app.patch(
      `${url}/:id`,
      {
        config: { access: "secretariat" },
        schema: { tags, params: ZItemParams, body: def.patch, response: { 200: def.response } },
      },
      async (request) =>
        def.json(await def.edit(ctxOf(request), request.params.slug, request.params.id, request.body as P)),
    );
    app.delete(
      `${url}/:id`,
      { config: { access: "secretariat" }, schema: { tags, params: ZItemParams } },
      async (request, reply) => {
        await deleteSessionItem(ctxOf(request), request.params.slug, def.kind, request.params.id);
        return reply.code(204).send();
      },
    );
  }

  itemApi({
    kind: "agenda-items",
    create: ZAgendaItemCreate,
    patch: ZAgendaItemPatch,
    response: ZAgendaItem,
    add: createAgendaItem,
    edit: updateAgendaItem,
    json: (item) => item,
  });
  itemApi({
    kind: "rooms",
    create: ZRoomCreate,
    patch: ZRoomPatch,
    response: ZRoom,
    add: createRoom,
    edit: updateRoom,
    json: (item) => item,
  });
  itemApi({
    kind: "time-slots",
    create: ZTimeSlotCreate,
    patch: ZTimeSlotPatch,
    response: ZTimeSlot,
    add: createTimeSlot,
    edit: updateTimeSlot,
    json: slotJson,
  });
  itemApi({
    kind: "deadlines",
    create: ZDeadlineCreate,
    patch: ZDeadlinePatch,
    response: ZDeadline,
    add: createDeadline,
    edit: updateDeadline,
    json: deadlineJson,
  });
  itemApi({
    kind: "plenary-meetings",
    create: ZPlenaryMeetingCreate,
    patch: ZPlenaryMeetingPatch,
    response: ZPlenaryMeeting,
    add: createPlenaryMeeting,
    edit: updatePlenaryMeeting,
    json: meetingJson,
  });

  await sessionPageRoutes(app);
}
