/**
 * Routes of the accounts module: thin — validate, authorise, call the service, shape the answer.
 * Pages here; the JSON API in accounts.api.ts. A page form that fails validation (or a rule a
 * person can fix) is shown again with what was typed, except passwords.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../../platform/http.js";
import { sendPage } from "../../platform/ui/render.js";
import { accountAdminRoutes } from "./accounts.admin.routes.js";
import { accountApiRoutes } from "./accounts.api.js";
import {
  assertNotCrossSite,
  clearSessionCookie,
  formFailure,
  parseForm,
  sessionMeta,
  setLangCookie,
  setSessionCookie,
  typed,
} from "./accounts.http.js";
import {
  AccountPage,
  MessagePage,
  ResetConfirmPage,
  ResetRequestPage,
  SetupPage,
  SignInPage,
  SignUpPage,
} from "./accounts.pages.js";
import {
  ZAccountForm,
  ZAccountQuery,
  ZEmailBody,
  ZFormBody,
  ZNextQuery,
  ZPasswordChange,
  ZResetConfirm,
  ZSentQuery,
  ZSetup,
  ZSignInForm,
  ZSignUpForm,
  ZSignUpQuery,
  ZTokenQuery,
  ZVerifyQuery,
} from "./accounts.schemas.js";
import {
  changePassword,
  confirmPasswordReset,
  getAccount,
  isTokenUsable,
  requestPasswordReset,
  resendVerification,
  safeRedirectPath,
  setupSecretariat,
  signIn,
  signOut,
  signUp,
  updateAccount,
  verifyEmail,
} from "./accounts.service.js";

const formSchema = { body: ZFormBody };

export async function accountRoutes(app: App): Promise<void> {
  const { config } = app.services;
  await app.register(accountApiRoutes);
  await app.register(accountAdminRoutes);

  const invalidLink = (request: FastifyRequest, reply: FastifyReply, message: string, again?: string) =>
    sendPage(
      request,
      reply,
      request.t("accounts.verify.invalidTitle"),
      <MessagePage
        title={request.t("accounts.verify.invalidTitle")}
        message={message}
        link={again ? { href: again, label: request.t("accounts.resetConfirm.again") } : undefined}
      />,
      400,
    );

  // ---- sign-up and verification ----

  app.get(
    "/sign-up",
    { config: { access: "public" }, schema: { querystring: ZSignUpQuery } },
    async (request, reply) => {
      const t = request.t;
      if (request.query.sent) {
        return sendPage(
          request,
          reply,
          t("accounts.signUp.sentTitle"),
          <MessagePage title={t("accounts.signUp.sentTitle")} message={t("accounts.signUp.sent")} />,
        );
      }
      const next = safeRedirectPath(request.query.next);
      return sendPage(request, reply, t("accounts.signUp.title"), <SignUpPage next={next} />);
    },
  );

  app.post("/sign-up", { config: { access: "public" }, schema: formSchema }, async (request, reply) => {
    assertNotCrossSite(request);
    const form = parseForm(ZSignUpForm, request);
    // Where the person was going (an invitation, say): carried by the confirmation link.
    const next = safeRedirectPath(typeof request.body.next === "string" ? request.body.next : undefined);
    let errors = form.ok ? undefined : form.errors;
    let status = 400;
    if (form.ok) {
      try {
        const { next: _next, ...input } = form.data;
        await signUp(request.ctx(), input, { next });
        return reply.redirect("/sign-up?sent=1", 303);
      } catch (error) {
        ({ errors, status } = formFailure(request, reply, error, { RATE_LIMITED: "email" }));
      }
    }
    const page = <SignUpPage values={typed(request.body)} errors={errors} next={next} />;
    return sendPage(request, reply, request.t("accounts.signUp.title"), page, status);
  });

  app.get(
    "/verify-email",
    { config: { access: "public" }, schema: { querystring: ZVerifyQuery } },
    async (request, reply) => {
      const t = request.t;
      const token = request.query.token;
      const next = safeRedirectPath(request.query.next);
      if (!token) return invalidLink(request, reply, t("accounts.verify.invalid"));
      try {
        await verifyEmail(request.ctx(), token);
      } catch (error) {
        formFailure(request, reply, error, { TOKEN_INVALID: "token" });
        return invalidLink(request, reply, t("accounts.verify.invalid"));
      }
      // Onwards: to where the person was going when they signed up, through sign-in if need be.
      const onwards = request.actor
        ? next === "/"
          ? { href: "/account", label: t("nav.account") }
          : { href: next, label: t("accounts.account.continue") }
        : {
            href: next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`,
            label: t("nav.signIn"),
          };
      const page = (
        <MessagePage title={t("accounts.verify.title")} message={t("accounts.verify.done")} link={onwards} />
      );
      return sendPage(request, reply, t("accounts.verify.title"), page);
    },
  );

  app.post(
    "/resend-verification",
    { config: { access: "signed-in" }, schema: formSchema },
    async (request, reply) => {
      const next = safeRedirectPath(typeof request.body.next === "string" ? request.body.next : undefined);
      await resendVerification(request.ctx(), { next });
      const onwards = next === "/" ? "" : `&continue=${encodeURIComponent(next)}`;
      return reply.redirect(`/account?done=verification${onwards}`, 303);
    },
  );

  // ---- sign-in and sign-out ----

  app.get(
    "/sign-in",
    { config: { access: "public" }, schema: { querystring: ZNextQuery } },
    async (request, reply) => {
      const next = safeRedirectPath(request.query.next);
      if (request.actor) return reply.redirect(next, 303);
      return sendPage(request, reply, request.t("accounts.signIn.title"), <SignInPage next={next} />);
    },
  );

  app.post("/sign-in", { config: { access: "public" }, schema: formSchema }, async (request, reply) => {
    assertNotCrossSite(request);
    const form = parseForm(ZSignInForm, request);
    const next = safeRedirectPath(typeof request.body.next === "string" ? request.body.next : undefined);
    let errors = form.ok ? undefined : form.errors;
    let status = 400;
    if (form.ok) {
      try {
        const { email, password } = form.data;
        const session = await signIn(request.ctx(), { email, password }, sessionMeta(request));
        setSessionCookie(reply, config, session.token);
        // An unconfirmed address is said at once, with the way to confirm it and a link onwards.
        const to = session.user.emailVerified ? next : `/account?continue=${encodeURIComponent(next)}`;
        return reply.redirect(to, 303);
      } catch (error) {
        ({ errors, status } = formFailure(request, reply, error, {
          INVALID_CREDENTIALS: "password",
          ACCOUNT_DISABLED: "password",
          RATE_LIMITED: "email",
        }));
      }
    }
    const page = <SignInPage values={typed(request.body)} errors={errors} next={next} />;
    return sendPage(request, reply, request.t("accounts.signIn.title"), page, status);
  });

  app.post("/sign-out", { config: { access: "public" }, schema: formSchema }, async (request, reply) => {
    await signOut(request.ctx(), request.sessionId);
    clearSessionCookie(reply);
    return reply.redirect("/", 303);
  });

  // ---- forgotten password ----

  app.get(
    "/password-reset",
    { config: { access: "public" }, schema: { querystring: ZSentQuery } },
    async (request, reply) => {
      const t = request.t;
      if (request.query.sent) {
        const page = <MessagePage title={t("accounts.reset.sentTitle")} message={t("accounts.reset.sent")} />;
        return sendPage(request, reply, t("accounts.reset.sentTitle"), page);
      }
      return sendPage(request, reply, t("accounts.reset.title"), <ResetRequestPage />);
    },
  );

  app.post(
    "/password-reset",
    { config: { access: "public" }, schema: formSchema },
    async (request, reply) => {
      assertNotCrossSite(request);
      const form = parseForm(ZEmailBody, request);
      let errors = form.ok ? undefined : form.errors;
      let status = 400;
      if (form.ok) {
        try {
          await requestPasswordReset(request.ctx(), form.data.email);
          return reply.redirect("/password-reset?sent=1", 303);
        } catch (error) {
          ({ errors, status } = formFailure(request, reply, error, { RATE_LIMITED: "email" }));
        }
      }
      const page = <ResetRequestPage values={typed(request.body)} errors={errors} />;
      return sendPage(request, reply, request.t("accounts.reset.title"), page, status);
    },
  );

  app.get(
    "/password-reset/confirm",
    { config: { access: "public" }, schema: { querystring: ZTokenQuery } },
    async (request, reply) => {
      const token = request.query.token;
      if (!token || !(await isTokenUsable(request.ctx(), "reset_password", token))) {
        return invalidLink(request, reply, request.t("accounts.resetConfirm.invalid"), "/password-reset");
      }
      return sendPage(
        request,
        reply,
        request.t("accounts.resetConfirm.title"),
        <ResetConfirmPage token={token} />,
      );
    },
  );

  app.post(
    "/password-reset/confirm",
    { config: { access: "public" }, schema: formSchema },
    async (request, reply) => {
      assertNotCrossSite(request);
      const form = parseForm(ZResetConfirm, request);
      if (!form.ok) {
        const token = typeof request.body.token === "string" ? request.body.token : "";
        if (form.errors.token)
          return invalidLink(request, reply, request.t("accounts.resetConfirm.invalid"), "/password-reset");
        const page = <ResetConfirmPage token={token} errors={form.errors} />;
        return sendPage(request, reply, request.t("accounts.resetConfirm.title"), page, 400);
      }
      try {
        const session = await confirmPasswordReset(request.ctx(), form.data, sessionMeta(request));
        setSessionCookie(reply, config, session.token);
        return reply.redirect("/account?done=password", 303);
      } catch (error) {
        formFailure(request, reply, error, { TOKEN_INVALID: "token" });
        return invalidLink(request, reply, request.t("accounts.resetConfirm.invalid"), "/password-reset");
      }
    },
  );

  // ---- the first secretariat account ----

  app.get(
    "/setup",
    { config: { access: "public" }, schema: { querystring: ZTokenQuery } },
    async (request, reply) => {
      const token = request.query.token;
      if (!token || !(await isTokenUsable(request.ctx(), "setup", token))) {
        return invalidLink(request, reply, request.t("accounts.setup.invalid"));
      }
      return sendPage(request, reply, request.t("accounts.setup.title"), <SetupPage token={token} />);
    },
  );

  app.post("/setup", { config: { access: "public" }, schema: formSchema }, async (request, reply) => {
    assertNotCrossSite(request);
    const form = parseForm(ZSetup, request);
    const token = typeof request.body.token === "string" ? request.body.token : "";
    let errors = form.ok ? undefined : form.errors;
    let status = 400;
    if (form.ok) {
      try {
        const session = await setupSecretariat(request.ctx(), form.data, sessionMeta(request));
        setSessionCookie(reply, config, session.token);
        setLangCookie(reply, config, session.user.preferredLanguage);
        return reply.redirect("/admin/users", 303);
      } catch (error) {
        ({ errors, status } = formFailure(request, reply, error, {
          EMAIL_TAKEN: "email",
          TOKEN_INVALID: "token",
        }));
      }
    }
    if (errors?.token) return invalidLink(request, reply, request.t("accounts.setup.invalid"));
    const page = <SetupPage token={token} values={typed(request.body)} errors={errors} />;
    return sendPage(request, reply, request.t("accounts.setup.title"), page, status);
  });

  // ---- my account ----

  app.get(
    "/account",
    { config: { access: "signed-in" }, schema: { querystring: ZAccountQuery } },
    async (request, reply) => {
      const account = await getAccount(request.ctx());
      const continueTo = request.query.continue ? safeRedirectPath(request.query.continue) : undefined;
      const page = <AccountPage account={account} done={request.query.done} continueTo={continueTo} />;
      return sendPage(request, reply, request.t("accounts.account.title"), page);
    },
  );

  app.post("/account", { config: { access: "signed-in" }, schema: formSchema }, async (request, reply) => {
    const form = parseForm(ZAccountForm, request);
    if (!form.ok) {
      const account = await getAccount(request.ctx());
      const page = <AccountPage account={account} values={typed(request.body)} errors={form.errors} />;
      return sendPage(request, reply, request.t("accounts.account.title"), page, 400);
    }
    const account = await updateAccount(request.ctx(), form.data);
    setLangCookie(reply, config, account.preferredLanguage);
    return reply.redirect("/account?done=profile", 303);
  });

  app.post(
    "/account/password",
    { config: { access: "signed-in" }, schema: formSchema },
    async (request, reply) => {
      const form = parseForm(ZPasswordChange, request);
      let errors = form.ok ? undefined : form.errors;
      let status = 400;
      if (form.ok) {
        try {
          await changePassword(request.ctx(), form.data, request.sessionId);
          return reply.redirect("/account?done=password", 303);
        } catch (error) {
          ({ errors, status } = formFailure(request, reply, error, {
            CURRENT_PASSWORD_WRONG: "currentPassword",
            RATE_LIMITED: "currentPassword",
          }));
        }
      }
      const account = await getAccount(request.ctx());
      return sendPage(
        request,
        reply,
        request.t("accounts.account.title"),
        <AccountPage account={account} errors={errors} />,
        status,
      );
    },
  );
}
