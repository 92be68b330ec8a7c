/**
 * The HTTP application: Fastify with zod schemas on every route, the session and language of each
 * request, CSRF defence, route-level access, one error handler rendering problem+json (or an error
 * page), and the OpenAPI document. Modules register their routes explicitly in app.ts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RawServerDefault,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { h } from "preact";
import { type RouteAccess, requireActor, requireSecretariat } from "./access.js";
import {
  CSRF_COOKIE,
  csrfMatches,
  findSession,
  hashToken,
  LANG_COOKIE,
  SESSION_COOKIE,
  unmaskCsrfToken,
} from "./auth.js";
import type { PublicCache } from "./cache.js";
import type { Actor, Ctx, DeferredSession, Services } from "./context.js";
import { AppError, type ErrorCode, errorCodes, isDatabaseUnavailable } from "./errors.js";
import { isLang, type Lang, negotiateLanguage } from "./i18n/languages.js";
import { type MessageKey, type Translate, translator } from "./i18n/translate.js";
import { idempotencyHooks } from "./idempotency.js";
import { rootDir } from "./paths.js";
import { ErrorPage } from "./ui/error-page.js";
import { sendPage } from "./ui/render.js";
import { registerVendorScripts } from "./vendor-scripts.js";

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string;
    /** Set on a route with config.deferSession when its session is left to the handler's statement. */
    deferredSession: DeferredSession | null;
    /** The service context of this request. */
    ctx(): Ctx;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * The handler's one statement checks the session itself (sign-in, CSRF token, role) before it
     * writes anything, so that a request costs one round trip to PostgreSQL instead of two: made
     * for the check-in desk's scans. Applies to JSON requests that carry a session cookie and the
     * X-CSRF-Token header; the handler receives request.deferredSession and must either have its
     * statement settle it or call its settle() (the hooks' own checks, in their order). A response
     * under 400 from a request whose deferred session was not settled is refused (500).
     */
    deferSession?: boolean;
    /**
     * The route's address or answer carries a secret (a private link's token, a feed's address):
     * every answer, errors included, is `Cache-Control: private, no-store` and sent with
     * `Referrer-Policy: no-referrer`, so that neither a shared cache nor the next site keeps it.
     */
    confidential?: boolean;
  }
  interface FastifyInstance {
    services: Services & { cache: PublicCache };
    registeredRoutes: Array<{ method: string; url: string; access: RouteAccess }>;
    /** Stops taking new requests (503) and waits for those in flight, then closes. */
    drain(timeoutMs?: number): Promise<void>;
  }
}

const staticDir = path.join(rootDir, "static");
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const trackedRequests = new WeakSet<FastifyRequest>();
/**
 * A fresh CSRF token (32 random bytes) for each visitor without one, cut from a pooled buffer: one
 * randomBytes() call per token cost ~20 µs (a getrandom system call), a tenth of a cached page.
 * Every token is unique (each slice of the pool is used once).
 */
let tokenPool = Buffer.alloc(0);
let tokenOffset = 0;
function newCsrfToken(): string {
  if (tokenOffset + 32 > tokenPool.length) {
    tokenPool = randomBytes(32 * 256);
    tokenOffset = 0;
  }
  tokenOffset += 32;
  return tokenPool.toString("base64url", tokenOffset - 32, tokenOffset);
}
/** Form posts whose CSRF token is checked once the body is parsed. */
const formCsrfPending = new WeakSet<FastifyRequest>();

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/") || !(request.headers.accept ?? "").includes("text/html");
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId: string;
  errors?: Array<{ path: string; message: string }>;
}

function problem(
  request: FastifyRequest,
  code: ErrorCode,
  detail?: string,
  fields?: Problem["errors"],
): Problem {
  // Errors raised before the language hook ran (draining, a failed session lookup) still speak.
  request.t ??= translator(negotiateLanguage(request.headers["accept-language"]));
  return {
    type: `about:blank`,
    title: request.t(`error.${code}` as MessageKey),
    status: errorCodes[code],
    code,
    ...(detail ? { detail } : {}),
    ...(fields?.length ? { errors: fields } : {}),
    instance: request.url.split("?")[0],
    requestId: request.id,
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  fields?: Problem["errors"],
): FastifyReply {
  const body = problem(request, code, detail, fields);
  reply.code(body.status);
  if (!isApiRequest(request)) {
    return sendPage(request, reply, body.title, h(ErrorPage, { problem: body }), body.status);
  }
  return reply.header("content-type", "application/problem+json; charset=utf-8").send(JSON.stringify(body));
}

export async function buildApp(
  services: Services & { cache: PublicCache },
  options: { logger?: boolean | object } = {},
): Promise<App> {
  const { config } = services;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
    },
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    genReqId: () => randomUUID(),
    // Two log lines per request cost a third of the throughput of a cached page; the reverse
    // proxy keeps access logs. Errors and warnings are still logged with their request id.
    logController: new LogController({ disableRequestLogging: true }),
    // Never wait forever: a slow client or a stuck handler must not hold a socket.
    connectionTimeout: 60_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 10_000,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    forceCloseConnections: "idle",
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  // Draining (SIGTERM): new requests get 503 at once, in-flight ones finish, then the server closes.
  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | null = null;
  app.addHook("onRequest", async (request, reply) => {
    if (draining) {
      reply.header("connection", "close").header("retry-after", "5");
      return sendProblem(request, reply, "SERVICE_UNAVAILABLE");
    }
    inFlight++;
    trackedRequests.add(request);
  });
  app.addHook("onResponse", async (request) => {
    if (!trackedRequests.has(request)) return;
    trackedRequests.delete(request);
    inFlight--;
    if (inFlight === 0) idle?.();
  });
  app.decorate("drain", async (timeoutMs = 10_000) => {
    draining = true;
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        idle = resolve;
        setTimeout(resolve, timeoutMs).unref();
      });
    }
    await app.close();
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("services", services);
  app.decorate("registeredRoutes", []);

  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/static/")) return; // files of /static, served by @fastify/static
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${route.method} ${route.url} declares no access level (config.access)`);
    // idempotency keys belong to the signed-in account, which a deferred session does not know yet
    if (route.config?.deferSession && route.config.idempotency)
      throw new Error(`Route ${route.method} ${route.url}: deferSession cannot go with idempotency`);
    // a private link's answers carry its secret and are small: sent as they are
    if (route.config?.confidential) route.compress = false;
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      app.registeredRoutes.push({ method, url: route.url, access });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  // Answers built per request (pages, API lists, exports) compressed for clients that accept it:
  // Brotli at quality 4 and gzip, from 1 kB up; answers compressed when cached (cached-body.ts)
  // are sent as they are. Pages carry their CSRF token masked afresh (auth.ts maskCsrfToken).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ["br", "gzip"] });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Convene API",
        version: "1",
        description:
          "Civil society participation in intergovernmental conferences. Errors are application/problem+json with a stable `code`.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        },
      },
    },
    transform: (input) => {
      if (!input.url.startsWith("/api/v1"))
        return { schema: { ...input.schema, hide: true }, url: input.url };
      return jsonSchemaTransform(input);
    },
  });
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: "/static/",
    maxAge: "1h",
    decorateReply: false,
    serveDotFiles: false,
    allowedPath: (pathName) => !pathName.includes(".."),
  });
  registerVendorScripts(app);

  app.decorateRequest("lang", "en");
  app.decorateRequest("t", null as unknown as Translate);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionId", null);
  app.decorateRequest("csrfToken", "");
  app.decorateRequest("deferredSession", null);
  app.decorateRequest("ctx", function (this: FastifyRequest): Ctx {
    return { ...services, actor: this.actor, lang: this.lang, requestId: this.id, ip: this.ip };
  });

  /** The session of the cookie, looked up; without one, the visitor's CSRF cookie token. */
  async function resolveSession(request: FastifyRequest, reply: FastifyReply, token: string | undefined) {
    if (token) {
      const session = await findSession(services.db, token, services.clock.now());
      if (session) {
        request.actor = session.actor;
        request.sessionId = session.id;
        request.csrfToken = session.csrfToken;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
      }
    }
  }

  /** The hooks' checks of a deferred session, in their order: session, CSRF header, route access. */
  function deferredSessionOf(request: FastifyRequest, reply: FastifyReply, token: string, csrf: string) {
    const deferred: DeferredSession = {
      sessionHash: hashToken(token),
      csrf,
      settled: false,
      settle: async () => {
        await resolveSession(request, reply, token);
        if (!request.csrfToken || !csrfMatches(csrf, request.csrfToken))
          throw new AppError("CSRF_TOKEN_INVALID");
        checkAccess(request);
        deferred.settled = true;
        return request.actor;
      },
    };
    return deferred;
  }

  // Session, language and CSRF cookie of each request.
  app.addHook("onRequest", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const csrfHeader = request.headers["x-csrf-token"];
    if (
      token &&
      request.routeOptions.config.deferSession &&
      UNSAFE.has(request.method) &&
      typeof csrfHeader === "string"
    ) {
      // the statement compares the plain token: a page's masked one is unmasked here
      request.deferredSession = deferredSessionOf(request, reply, token, unmaskCsrfToken(csrfHeader));
    } else {
      await resolveSession(request, reply, token);
    }
    const query = request.query as Record<string, unknown> | undefined;
    const asked = query?.lang;
    const remembered = request.cookies[LANG_COOKIE];
    let lang: Lang;
    if (isLang(asked)) {
      lang = asked;
      if (asked !== remembered) {
        reply.setCookie(LANG_COOKIE, asked, {
          path: "/",
          sameSite: "lax",
          httpOnly: true,
          secure: config.secureCookies,
          maxAge: 365 * 86_400,
        });
      }
    } else if (isLang(remembered)) lang = remembered;
    else if (request.actor) lang = request.actor.preferredLanguage;
    else lang = negotiateLanguage(request.headers["accept-language"]);
    request.lang = lang;
    request.t = translator(lang);

    if (!request.sessionId && !request.deferredSession) {
      const existing = request.cookies[CSRF_COOKIE];
      if (existing && /^[\w-]{20,100}$/.test(existing)) request.csrfToken = existing;
      else if (
        !UNSAFE.has(request.method) &&
        !request.url.startsWith("/api/") &&
        !request.url.startsWith("/static/")
      ) {
        request.csrfToken = newCsrfToken();
        reply.setCookie(CSRF_COOKIE, request.csrfToken, {
          path: "/",
          sameSite: "lax",
          httpOnly: true,
          secure: config.secureCookies,
        });
      }
    }
  });

  // CSRF: a state-changing request that carries any of our cookies must prove it comes from our
  // pages: the X-CSRF-Token header, or for an HTML form the _csrf field. The decision does not
  // depend on how the Content-Type is spelled: any other body type without the header is refused
  // before it is parsed.
  app.addHook("onRequest", async (request) => {
    if (!UNSAFE.has(request.method)) return;
    const carriesCookies =
      request.cookies[SESSION_COOKIE] !== undefined || request.cookies[CSRF_COOKIE] !== undefined;
    if (!carriesCookies) return; // no ambient credentials: nothing to forge
    if (request.headers["sec-fetch-site"] === "cross-site") throw new AppError("CSRF_TOKEN_INVALID");
    if (request.deferredSession) return; // the header is compared with the session's by the statement
    const header = request.headers["x-csrf-token"];
    if (typeof header === "string") {
      if (!request.csrfToken || !csrfMatches(header, request.csrfToken))
        throw new AppError("CSRF_TOKEN_INVALID");
      return;
    }
    const type = String(request.headers["content-type"] ?? "")
      .trim()
      .toLowerCase();
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      formCsrfPending.add(request);
      return;
    }
    throw new AppError("CSRF_TOKEN_INVALID");
  });

  app.addHook("preValidation", async (request) => {
    const body = request.body as Record<string, unknown> | undefined;
    const sent = body && typeof body === "object" && typeof body._csrf === "string" ? body._csrf : undefined;
    if (body && typeof body === "object" && "_csrf" in body) delete body._csrf;
    if (!formCsrfPending.has(request)) return;
    formCsrfPending.delete(request);
    if (!request.csrfToken || !sent || !csrfMatches(sent, request.csrfToken))
      throw new AppError("CSRF_TOKEN_INVALID");
  });

  function checkAccess(request: FastifyRequest) {
    const access = request.routeOptions.config.access;
    if (access === "signed-in") requireActor(request.ctx());
    else if (access === "secretariat") requireSecretariat(request.ctx());
  }

  // Route-level access. Organisation-level checks happen in services (access.ts).
  app.addHook("preHandler", async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === "public" || access === undefined) return;
    if (request.deferredSession) return; // checked by the handler's statement, or by its settle()
    if (!request.actor && !isApiRequest(request) && request.method === "GET") {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    checkAccess(request);
  });

  // A deferred session that nobody checked must not let an answer through.
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.deferredSession && !request.deferredSession.settled && reply.statusCode < 400) {
      request.log.error("deferred session not settled by the handler");
      throw new AppError("INTERNAL_ERROR");
    }
    return payload;
  });

  const idempotency = idempotencyHooks(services.db);
  app.addHook("preHandler", idempotency.preHandler);
  app.addHook("onSend", idempotency.onSend);

  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    if (request.routeOptions.config?.confidential) {
      reply.header("cache-control", "private, no-store").header("referrer-policy", "no-referrer");
    } else reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
    if (String(reply.getHeader("content-type") ?? "").startsWith("text/html")) {
      reply.header(
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
      );
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds) reply.header("retry-after", String(error.extra.retryAfterSeconds));
      return sendProblem(request, reply, error.code, error.detail, error.extra.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        path: `${error.validationContext ?? "body"}${issue.instancePath.replaceAll("/", ".")}`,
        message: issue.message ?? "invalid",
      }));
      return sendProblem(request, reply, "VALIDATION_FAILED", undefined, fields);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", "2");
      return sendProblem(request, reply, "SERVICE_UNAVAILABLE");
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(request, reply, "PAYLOAD_TOO_LARGE");
    if (status === 415) return sendProblem(request, reply, "UNSUPPORTED_MEDIA_TYPE");
    if (status === 405) return sendProblem(request, reply, "METHOD_NOT_ALLOWED");
    if (status >= 400 && status < 500) return sendProblem(request, reply, "BAD_REQUEST");
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(request, reply, "INTERNAL_ERROR");
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, "NOT_FOUND"));

  return app;
}
