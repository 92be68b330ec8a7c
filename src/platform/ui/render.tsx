/** Renders a Preact page to an HTML response, with the page context of the request. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { maskCsrfToken } from "../auth.js";
import { Layout } from "./layout.js";
import { type PageContext, PageCtx } from "./page-context.js";

export function pageContext(request: FastifyRequest): PageContext {
  return {
    lang: request.lang,
    t: request.t,
    actor: request.actor,
    // masked afresh in every page (auth.ts maskCsrfToken): pages are sent compressed
    csrfToken: request.csrfToken && maskCsrfToken(request.csrfToken),
    url: request.url,
  };
}

export function renderHtml(ctx: PageContext, title: string, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <PageCtx.Provider value={ctx}>
      <Layout title={title}>{body}</Layout>
    </PageCtx.Provider>,
  )}`;
}

export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: ComponentChildren,
  status = 200,
): FastifyReply {
  return reply
    .code(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", request.actor ? "private, no-store" : "no-cache")
    .header("vary", "Cookie, Accept-Language")
    .send(renderHtml(pageContext(request), title, body));
}
