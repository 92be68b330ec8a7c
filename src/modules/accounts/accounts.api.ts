/**
 * The accounts JSON API under /api/v1: the same services as the pages. Clients that use cookies
 * echo the `csrfToken` of GET /api/v1/auth/session (or of sign-in) in X-CSRF-Token.
 */
import { z } from "zod";
import type { App } from "../../platform/http.js";
import { getUserForAdmin, listUsersForAdmin, updateUserAccess } from "./accounts.admin.service.js";
import {
  assertNotCrossSite,
  clearSessionCookie,
  ensureCsrfToken,
  sessionMeta,
  setLangCookie,
  setSessionCookie,
} from "./accounts.http.js";
import {
  ZAccepted,
  ZAccount,
  ZAccountPatch,
  ZAdminUser,
  ZAdminUserPage,
  ZEmailBody,
  ZPasswordChange,
  ZResetConfirm,
  ZSession,
  ZSetup,
  ZSignedIn,
  ZSignIn,
  ZSignUp,
  ZTokenBody,
  ZUserListQuery,
  ZUserParams,
  ZUserPatch,
} from "./accounts.schemas.js";
import {
  actorToAccount,
  changePassword,
  confirmPasswordReset,
  getAccount,
  requestPasswordReset,
  resendVerification,
  setupSecretariat,
  signIn,
  signOut,
  signUp,
  updateAccount,
  verifyEmail,
} from "./accounts.service.js";

const tags = ["accounts"];
const ZNoContent = z.null().describe("No content");
const accepted = { status: "accepted" } as const;

export async function accountApiRoutes(app: App): Promise<void> {
  const { config } = app.services;

  app.get(
    "/api/v1/auth/session",
    { config: { access: "public" }, schema: { tags, response: { 200: ZSession } } },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const csrfToken = ensureCsrfToken(request, reply, config);
      return { user: request.actor ? actorToAccount(request.actor) : null, csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/sign-up",
    { config: { access: "public" }, schema: { tags, body: ZSignUp, response: { 202: ZAccepted } } },
    async (request, reply) => {
      assertNotCrossSite(request);
      await signUp(request.ctx(), request.body);
      return reply.code(202).send(accepted);
    },
  );

  app.post(
    "/api/v1/auth/verify-email",
    { config: { access: "public" }, schema: { tags, body: ZTokenBody, response: { 200: ZAccount } } },
    async (request) => verifyEmail(request.ctx(), request.body.token),
  );

  app.post(
    "/api/v1/auth/resend-verification",
    { config: { access: "signed-in" }, schema: { tags, response: { 202: ZAccepted } } },
    async (request, reply) => {
      await resendVerification(request.ctx());
      return reply.code(202).send(accepted);
    },
  );

  app.post(
    "/api/v1/auth/sign-in",
    { config: { access: "public" }, schema: { tags, body: ZSignIn, response: { 200: ZSignedIn } } },
    async (request, reply) => {
      assertNotCrossSite(request);
      const session = await signIn(request.ctx(), request.body, sessionMeta(request));
      setSessionCookie(reply, config, session.token);
      reply.header("cache-control", "no-store");
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/sign-out",
    { config: { access: "public" }, schema: { tags, response: { 204: ZNoContent } } },
    async (request, reply) => {
      await signOut(request.ctx(), request.sessionId);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/auth/password-reset",
    { config: { access: "public" }, schema: { tags, body: ZEmailBody, response: { 202: ZAccepted } } },
    async (request, reply) => {
      assertNotCrossSite(request);
      await requestPasswordReset(request.ctx(), request.body.email);
      return reply.code(202).send(accepted);
    },
  );

  app.post(
    "/api/v1/auth/password-reset/confirm",
    { config: { access: "public" }, schema: { tags, body: ZResetConfirm, response: { 200: ZSignedIn } } },
    async (request, reply) => {
      assertNotCrossSite(request);
      const session = await confirmPasswordReset(request.ctx(), request.body, sessionMeta(request));
      setSessionCookie(reply, config, session.token);
      reply.header("cache-control", "no-store");
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/setup",
    { config: { access: "public" }, schema: { tags, body: ZSetup, response: { 201: ZSignedIn } } },
    async (request, reply) => {
      assertNotCrossSite(request);
      const session = await setupSecretariat(request.ctx(), request.body, sessionMeta(request));
      setSessionCookie(reply, config, session.token);
      return reply
        .code(201)
        .header("cache-control", "no-store")
        .send({ user: session.user, csrfToken: session.csrfToken });
    },
  );

  app.get(
    "/api/v1/account",
    { config: { access: "signed-in" }, schema: { tags, response: { 200: ZAccount } } },
    async (request, reply) => {
      reply.header("cache-control", "private, no-store");
      return getAccount(request.ctx());
    },
  );

  app.patch(
    "/api/v1/account",
    { config: { access: "signed-in" }, schema: { tags, body: ZAccountPatch, response: { 200: ZAccount } } },
    async (request, reply) => {
      const account = await updateAccount(request.ctx(), request.body);
      if (request.body.preferredLanguage) setLangCookie(reply, config, account.preferredLanguage);
      return account;
    },
  );

  app.post(
    "/api/v1/account/password",
    {
      config: { access: "signed-in" },
      schema: { tags, body: ZPasswordChange, response: { 204: ZNoContent } },
    },
    async (request, reply) => {
      await changePassword(request.ctx(), request.body, request.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/admin/users",
    {
      config: { access: "secretariat" },
      schema: { tags, querystring: ZUserListQuery, response: { 200: ZAdminUserPage } },
    },
    async (request) => listUsersForAdmin(request.ctx(), request.query),
  );

  app.get(
    "/api/v1/admin/users/:id",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZUserParams, response: { 200: ZAdminUser } },
    },
    async (request) => getUserForAdmin(request.ctx(), request.params.id),
  );

  app.patch(
    "/api/v1/admin/users/:id",
    {
      config: { access: "secretariat" },
      schema: { tags, params: ZUserParams, body: ZUserPatch, response: { 200: ZAdminUser } },
    },
    async (request) => updateUserAccess(request.ctx(), request.params.id, request.body),
  );
}
