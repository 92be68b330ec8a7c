/**
 * Routes of panellists' private links: the organisers' API and page (make, replace, mail, revoke),
 * and what a link opens — the panellist's page, its JSON and its iCalendar feed. Every route that
 * shows or is reached by a token is `confidential` (platform/http.ts: no-referrer, private,
 * no-store, errors included), so the secret address leaves in no Referer header and stays in no
 * shared cache.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { isLang } from "../../platform/i18n/languages.js";
import type { FormValues } from "../../platform/ui/forms.js";
import { str } from "../../platform/ui/forms.js";
import { pageContext, renderHtml, sendPage } from "../../platform/ui/render.js";
import { localized } from "../sessions/sessions.service.js";
import { errorText } from "../side-events/side-events.page-routes.js";
import { getProposal, type SeCtx } from "../side-events/side-events.service.js";
import { PanellistLinksPage, PanellistSchedulePage } from "./scheduling.panellist-links.pages.js";
import {
  ZCreatedLink,
  ZLinkInput,
  ZPanellistLinkParams,
  ZPanellistLinks,
  ZPanellistSchedule,
  ZProposalParams,
  ZTokenParams,
} from "./scheduling.panellist-links.schemas.js";
import {
  createPanellistLink,
  listPanellistLinks,
  panellistIcs,
  panellistSchedule,
  revokePanellistLink,
} from "./scheduling.panellist-links.service.js";

const tags = ["scheduling"];
const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function panellistLinkRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });

  // ---- the organisers' API
  app.get(
    "/api/v1/side-event-proposals/:id/panellist-links",
    {
      config: { access: "signed-in", confidential: true },
      schema: { tags, params: ZProposalParams, response: { 200: ZPanellistLinks } },
    },
    async (request) => {
      const { panellists } = await listPanellistLinks(ctxOf(request), request.params.id);
      return {
        proposalId: request.params.id,
        panellists: panellists.map(({ panellist: p, link }) => ({
          id: p.id,
          protected: p.protected,
          name: p.name,
          pseudonym: p.pseudonym,
          role: p.role,
          link: link && {
            language: link.language,
            createdAt: link.createdAt.toISOString(),
            mailedAt: iso(link.mailedAt),
            addressKept: link.addressKept,
            addressKeptUntil: iso(link.addressKeptUntil),
          },
        })),
      };
    },
  );
  app.post(
    "/api/v1/side-event-proposals/:id/panellists/:panellistId/link",
    {
      config: { access: "signed-in", idempotency: "required", confidential: true },
      schema: { tags, params: ZPanellistLinkParams, body: ZLinkInput, response: { 201: ZCreatedLink } },
    },
    async (request, reply) => {
      const made = await createPanellistLink(
        ctxOf(request),
        request.params.id,
        request.params.panellistId,
        request.body,
      );
      return reply.code(201).send({ ...made, createdAt: made.createdAt.toISOString() });
    },
  );
  app.delete(
    "/api/v1/side-event-proposals/:id/panellists/:panellistId/link",
    { config: { access: "signed-in" }, schema: { tags, params: ZPanellistLinkParams } },
    async (request, reply) => {
      await revokePanellistLink(ctxOf(request), request.params.id, request.params.panellistId);
      return reply.code(204).send();
    },
  );

  // ---- the organisers' page
  const linksPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      created?: { panellistId: string; url: string; mailed: boolean };
      errors?: Record<string, string>;
    },
    status = 200,
  ) => {
    const ctx = ctxOf(request);
    const { panellists } = await listPanellistLinks(ctx, id);
    const proposal = await getProposal(ctx, id);
    const links = new Map(panellists.flatMap((x) => (x.link ? [[x.panellist.id, x.link] as const] : [])));
    return sendPage(
      request,
      reply,
      request.t("scheduling.links.title"),
      <PanellistLinksPage proposal={proposal} links={links} {...extra} />,
      status,
    );
  };
  app.get(
    "/side-events/proposals/:id/panellist-links",
    { config: { access: "signed-in", confidential: true }, schema: { params: ZProposalParams } },
    async (request, reply) => linksPage(request, reply, request.params.id, {}),
  );
  app.post(
    "/side-events/proposals/:id/panellists/:panellistId/link",
    {
      config: { access: "signed-in", idempotency: "optional", confidential: true },
      schema: { params: ZPanellistLinkParams },
    },
    async (request, reply) => {
      const { id, panellistId } = request.params;
      const v = (request.body ?? {}) as FormValues;
      const email = str(v, "email")?.trim();
      const language = str(v, "language");
      const parsed = ZLinkInput.safeParse({
        ...(email ? { email } : {}),
        ...(isLang(language) ? { language } : {}),
        keepAddress: str(v, "keepAddress") === "yes",
        resend: str(v, "resend") === "yes",
      });
      try {
        if (!parsed.success) throw new AppError("VALIDATION_FAILED");
        const made = await createPanellistLink(ctxOf(request), id, panellistId, parsed.data);
        // shown once, on this answer: only the token's hash is kept
        return linksPage(request, reply, id, {
          created: { panellistId, url: made.url, mailed: made.mailed },
        });
      } catch (error) {
        return linksPage(
          request,
          reply,
          id,
          { errors: { [panellistId]: errorText(request, error) } },
          (error as AppError).status ?? 400,
        );
      }
    },
  );
  app.post(
    "/side-events/proposals/:id/panellists/:panellistId/link/revoke",
    { config: { access: "signed-in" }, schema: { params: ZPanellistLinkParams } },
    async (request, reply) => {
      const { id, panellistId } = request.params;
      await revokePanellistLink(ctxOf(request), id, panellistId);
      return reply.redirect(`/side-events/proposals/${id}/panellist-links#panellist-${panellistId}`, 303);
    },
  );

  // ---- what a link opens (a revoked or unknown token: the same 404)
  await app.register(tokenRoutes);
}

async function tokenRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });
  const calendarUrl = (token: string, lang: string) => `/panellists/${token}/calendar.ics?lang=${lang}`;
  app.get(
    "/panellists/:token",
    { config: { access: "public", confidential: true }, schema: { params: ZTokenParams } },
    async (request, reply) => {
      const data = await panellistSchedule(ctxOf(request), request.params.token);
      // not sendPage: its cache policy for anonymous pages would let this one be stored
      return reply
        .header("content-type", "text/html; charset=utf-8")
        .header("vary", "Cookie, Accept-Language")
        .send(
          renderHtml(
            pageContext(request),
            `${request.t("scheduling.panellist.title")} — ${localized(data.title, request.lang)}`,
            <PanellistSchedulePage {...data} calendarUrl={calendarUrl(request.params.token, request.lang)} />,
          ),
        );
    },
  );
  app.get(
    "/api/v1/panellists/:token",
    {
      config: { access: "public", confidential: true },
      schema: { tags, params: ZTokenParams, response: { 200: ZPanellistSchedule } },
    },
    async (request) => {
      const d = await panellistSchedule(ctxOf(request), request.params.token);
      const lang = request.lang;
      const e = d.event;
      return {
        session: {
          slug: d.session.slug,
          name: localized(d.session.name, lang),
          timeZone: d.session.timeZone,
          venue: [d.session.venue.name, d.session.venue.city].filter(Boolean).join(", "),
        },
        you: { pseudonym: d.me.pseudonym, name: d.me.name, role: d.me.role },
        event: {
          id: d.proposalId,
          title: localized(d.title, lang),
          inProgramme: e !== null,
          startsAt: iso(e?.startsAt ?? null),
          endsAt: iso(e?.endsAt ?? null),
          room: e?.room ?? null,
          organisers: e?.organisers.map((o) => o.name) ?? [],
          panel: (e?.panellists ?? []).map((p) => ({ name: p.name, pseudonym: p.pseudonym, role: p.role })),
        },
        release: d.release && { number: d.release.number, publishedAt: d.release.publishedAt.toISOString() },
        calendar: `${app.services.config.baseUrl}${calendarUrl(request.params.token, lang)}`,
      };
    },
  );
  app.get(
    "/panellists/:token/calendar.ics",
    { config: { access: "public", confidential: true }, schema: { tags, params: ZTokenParams } },
    async (request, reply) => {
      const body = await panellistIcs(ctxOf(request), request.params.token);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="side-event.ics"')
        .send(body);
    },
  );
}
