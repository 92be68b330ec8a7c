/** Page routes of the sessions module: the public pages and the secretariat's forms, without JavaScript. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import { expectedVersion } from "../../platform/etag.js";
import type { App } from "../../platform/http.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { fieldErrors, formInput, formValues } from "./sessions.forms.js";
import {
  createAgendaItem,
  createDeadline,
  createRoom,
  createTimeSlot,
  deleteSessionItem,
  getSessionItem,
  type ItemKind,
  updateAgendaItem,
  updateDeadline,
  updateRoom,
  updateTimeSlot,
} from "./sessions.items.service.js";
import { ItemFormPage, ManageSessionPage, NewSessionPage, type Notice } from "./sessions.manage.js";
import { SessionListPage, SessionPage } from "./sessions.pages.js";
import type { PlenaryMeeting } from "./sessions.plenary.js";
import { plenaryFormInput, plenaryFormValues } from "./sessions.plenary.pages.js";
import { createPlenaryMeeting, updatePlenaryMeeting } from "./sessions.plenary.service.js";
import {
  ZAgendaItemCreate,
  ZDeadlineCreate,
  ZLangQuery,
  ZListQuery,
  ZPlenaryMeetingCreate,
  ZRoomCreate,
  ZSessionCreate,
  ZSlugParams,
  ZTimeSlotCreate,
} from "./sessions.schemas.js";
import {
  createSession,
  type Deadline,
  getSessionDetail,
  listSessions,
  localized,
  type SessionCtx,
  updateSession,
} from "./sessions.service.js";

const kinds = [
  "agenda-items",
  "rooms",
  "time-slots",
  "deadlines",
  "plenary-meetings",
] as const satisfies readonly ItemKind[];
const notices: readonly Notice[] = ["created", "saved", "deleted"];

/** A service error about one field of a form, shown next to that field. */
function formErrorsOf(request: FastifyRequest, error: unknown): FormErrors | null {
  if (!(error instanceof AppError)) return null;
  const message = request.t(`error.${error.code}` as MessageKey);
  if (typeof error.extra.field === "string") return { [error.extra.field]: message };
  if (error.code === "PRECONDITION_FAILED") return { form: message };
  return null;
}

function isKind(kind: string): kind is ItemKind {
  return (kinds as readonly string[]).includes(kind);
}

const ZKindParams = ZSlugParams.extend({ kind: z.string().max(40) });
const ZKindItemParams = ZKindParams.extend({ id: z.string().max(100) });
const ZManageQuery = ZLangQuery.extend({ notice: z.string().max(20).optional() });

export async function sessionPageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SessionCtx => ({ ...request.ctx(), cache: app.services.cache });

  // ---- public pages

  app.get(
    "/sessions",
    { config: { access: "public" }, schema: { querystring: ZListQuery } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const data = await listSessions(ctx, request.query);
      return sendPage(
        request,
        reply,
        request.t("sessions.list.title"),
        <SessionListPage data={data} now={ctx.clock.now()} />,
      );
    },
  );

  // Registered before /sessions/:slug; "new" is a reserved slug.
  app.get(
    "/sessions/new",
    { config: { access: "secretariat" }, schema: { querystring: ZLangQuery } },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        request.t("sessions.new.title"),
        <NewSessionPage
          values={{ status: "draft", workingLanguages: ["en", "fr", "es", "ar", "ru", "zh"] }}
          errors={{}}
        />,
      ),
  );

  app.post("/sessions/new", { config: { access: "secretariat" } }, async (request, reply) => {
    const values = (request.body ?? {}) as FormValues;
    const rerender = (errors: FormErrors, status: number) =>
      sendPage(
        request,
        reply,
        request.t("sessions.new.title"),
        <NewSessionPage values={values} errors={errors} />,
        status,
      );
    const parsed = ZSessionCreate.safeParse(formInput.session(values));
    if (!parsed.success) return rerender(fieldErrors(request.t, parsed.error), 400);
    try {
      const session = await createSession(ctxOf(request), parsed.data);
      return reply.redirect(`/sessions/${session.slug}/manage?notice=created`, 303);
    } catch (error) {
      const errors = formErrorsOf(request, error);
      if (!errors) throw error;
      return rerender(errors, (error as AppError).status);
    }
  });

  app.get(
    "/sessions/:slug",
    { config: { access: "public" }, schema: { params: ZSlugParams, querystring: ZLangQuery } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const session = await getSessionDetail(ctx, request.params.slug);
      return sendPage(
        request,
        reply,
        localized(session.name, request.lang),
        <SessionPage session={session} now={ctx.clock.now()} />,
      );
    },
  );

  // ---- the secretariat's pages

  app.get(
    "/sessions/:slug/manage",
    { config: { access: "secretariat" }, schema: { params: ZSlugParams, querystring: ZManageQuery } },
    async (request, reply) => {
      const session = await getSessionDetail(ctxOf(request), request.params.slug);
      const notice = notices.find((n) => n === request.query.notice);
      return sendPage(
        request,
        reply,
        request.t("sessions.manage.link"),
        <ManageSessionPage
          session={session}
          values={formValues.session(session)}
          errors={{}}
          notice={notice}
        />,
      );
    },
  );

  app.post(
    "/sessions/:slug/manage",
    { config: { access: "secretariat" }, schema: { params: ZSlugParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const values = (request.body ?? {}) as FormValues;
      const rerender = async (errors: FormErrors, status: number) => {
        const session = await getSessionDetail(ctx, request.params.slug);
        return sendPage(
          request,
          reply,
          request.t("sessions.manage.link"),
          <ManageSessionPage session={session} values={values} errors={errors} stale={status === 412} />,
          status,
        );
      };
      const parsed = ZSessionCreate.safeParse(formInput.session(values));
      if (!parsed.success) return rerender(fieldErrors(request.t, parsed.error), 400);
      try {
        const session = await updateSession(
          ctx,
          request.params.slug,
          (id) => expectedVersion(request, "session", id, str(values, "version")),
          parsed.data,
        );
        return reply.redirect(`/sessions/${session.slug}/manage?notice=saved`, 303);
      } catch (error) {
        const errors = formErrorsOf(request, error);
        if (!errors) throw error;
        return rerender(errors, (error as AppError).status);
      }
    },
  );

  /** Validates an item form and creates (no id) or updates the item; a ZodError when invalid. */
  async function saveItem(
    ctx: SessionCtx,
    slug: string,
    kind: ItemKind,
    id: string | undefined,
    values: FormValues,
  ) {
    switch (kind) {
      case "agenda-items": {
        const parsed = ZAgendaItemCreate.safeParse(formInput[kind](values));
        if (!parsed.success) return parsed.error;
        await (id ? updateAgendaItem(ctx, slug, id, parsed.data) : createAgendaItem(ctx, slug, parsed.data));
        return null;
      }
      case "rooms": {
        const parsed = ZRoomCreate.safeParse(formInput[kind](values));
        if (!parsed.success) return parsed.error;
        await (id ? updateRoom(ctx, slug, id, parsed.data) : createRoom(ctx, slug, parsed.data));
        return null;
      }
      case "time-slots": {
        const parsed = ZTimeSlotCreate.safeParse(formInput[kind](values));
        if (!parsed.success) return parsed.error;
        await (id ? updateTimeSlot(ctx, slug, id, parsed.data) : createTimeSlot(ctx, slug, parsed.data));
        return null;
      }
      case "deadlines": {
        const parsed = ZDeadlineCreate.safeParse(formInput[kind](values));
        if (!parsed.success) return parsed.error;
        await (id ? updateDeadline(ctx, slug, id, parsed.data) : createDeadline(ctx, slug, parsed.data));
        return null;
      }
      case "plenary-meetings": {
        const parsed = ZPlenaryMeetingCreate.safeParse(plenaryFormInput(values));
        if (!parsed.success) return parsed.error;
        // The form shows every language: an emptied title is cleared, not kept.
        const input = { ...parsed.data, title: parsed.data.title ?? {} };
        await (id ? updatePlenaryMeeting(ctx, slug, id, input) : createPlenaryMeeting(ctx, slug, input));
        return null;
      }
    }
  }

  async function itemFormPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    kind: ItemKind,
    id: string | undefined,
    values: FormValues,
    errors: FormErrors,
    status = 200,
  ) {
    const session = await getSessionDetail(ctxOf(request), slug);
    const title = request.t(id ? `sessions.edit.${kind}` : `sessions.add.${kind}`);
    return sendPage(
      request,
      reply,
      title,
      <ItemFormPage session={session} kind={kind} itemId={id} values={values} errors={errors} />,
      status,
    );
  }

  async function submitItemForm(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    kind: string,
    id?: string,
  ) {
    if (!isKind(kind)) throw new AppError("NOT_FOUND");
    const values = (request.body ?? {}) as FormValues;
    try {
      const invalid = await saveItem(ctxOf(request), slug, kind, id, values);
      if (invalid)
        return itemFormPage(request, reply, slug, kind, id, values, fieldErrors(request.t, invalid), 400);
    } catch (error) {
      const errors = formErrorsOf(request, error);
      if (!errors) throw error;
      return itemFormPage(request, reply, slug, kind, id, values, errors, (error as AppError).status);
    }
    return reply.redirect(`/sessions/${slug}/manage?notice=${id ? "saved" : "created"}#${kind}`, 303);
  }

  app.get(
    "/sessions/:slug/manage/:kind/new",
    { config: { access: "secretariat" }, schema: { params: ZKindParams, querystring: ZLangQuery } },
    async (request, reply) => {
      const { slug, kind } = request.params;
      if (!isKind(kind)) throw new AppError("NOT_FOUND");
      return itemFormPage(request, reply, slug, kind, undefined, {}, {});
    },
  );

  app.post(
    "/sessions/:slug/manage/:kind",
    { config: { access: "secretariat" }, schema: { params: ZKindParams } },
    async (request, reply) => submitItemForm(request, reply, request.params.slug, request.params.kind),
  );

  app.get(
    "/sessions/:slug/manage/:kind/:id",
    { config: { access: "secretariat" }, schema: { params: ZKindItemParams, querystring: ZLangQuery } },
    async (request, reply) => {
      const { slug, kind, id } = request.params;
      if (!isKind(kind)) throw new AppError("NOT_FOUND");
      const { session, item } = await getSessionItem(ctxOf(request), slug, kind, id);
      const values =
        kind === "deadlines"
          ? formValues.deadlines(item as Deadline, session.timeZone)
          : kind === "plenary-meetings"
            ? plenaryFormValues(item as PlenaryMeeting)
            : formValues[kind](item as never);
      return itemFormPage(request, reply, slug, kind, id, values, {});
    },
  );

  app.post(
    "/sessions/:slug/manage/:kind/:id",
    { config: { access: "secretariat" }, schema: { params: ZKindItemParams } },
    async (request, reply) =>
      submitItemForm(request, reply, request.params.slug, request.params.kind, request.params.id),
  );

  app.post(
    "/sessions/:slug/manage/:kind/:id/delete",
    { config: { access: "secretariat" }, schema: { params: ZKindItemParams } },
    async (request, reply) => {
      const { slug, kind, id } = request.params;
      if (!isKind(kind)) throw new AppError("NOT_FOUND");
      await deleteSessionItem(ctxOf(request), slug, kind, id);
      return reply.redirect(`/sessions/${slug}/manage?notice=deleted#${kind}`, 303);
    },
  );
}
