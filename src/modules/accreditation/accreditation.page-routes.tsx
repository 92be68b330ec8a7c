/** Pages of the accreditation module, usable without JavaScript: apply, check-in, participants (the delegate's link: accreditation.link-routes.tsx). */
import type { FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { type FormValues, formErrors, list, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { getSessionDetail, localized } from "../sessions/sessions.service.js";
import { delegateLinkRoutes } from "./accreditation.link-routes.js";
import { accreditationManageRoutes } from "./accreditation.manage-routes.js";
import { ApplicationPage, CheckinPage, ParticipantsPage } from "./accreditation.pages.js";
import { ZApplicationCreate, ZCheckin, ZOrgSessionParams, ZSessionParams } from "./accreditation.schemas.js";
import { type AccCtx, applyForObserverStatus, findApplication } from "./accreditation.service.js";
import { checkIn, checkinCounts } from "./badges.service.js";
import { participationFigures, publicParticipants } from "./participation.service.js";

/** A rule's refusal, shown on the page; access errors (401, 403, 404) keep their own answer. */
const errorText = (request: FastifyRequest, error: unknown) => {
  if (!(error instanceof AppError) || error.status >= 500 || [401, 403, 404].includes(error.status))
    throw error;
  return request.t(`error.${error.code}` as MessageKey);
};

export async function accreditationPageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

  const applicationUrl = "/organisations/:org/sessions/:slug/application";
  const showApplication = async (
    request: FastifyRequest<{ Params: { org: string; slug: string } }>,
    values: FormValues,
    errors: Record<string, string>,
    status = 200,
  ) => {
    const ctx = ctxOf(request);
    const found = await findApplication(ctx, request.params.org, request.params.slug);
    const detail = await getSessionDetail(ctx, request.params.slug);
    const data = { ...found, session: { ...found.session, agendaItems: detail.agendaItems } };
    return { data, status, values, errors };
  };
  app.get(
    applicationUrl,
    { config: { access: "signed-in" }, schema: { params: ZOrgSessionParams } },
    async (request, reply) => {
      const { data } = await showApplication(request, {}, {});
      return sendPage(
        request,
        reply,
        request.t("accreditation.apply.title"),
        <ApplicationPage {...data} values={{}} errors={{}} />,
      );
    },
  );
  app.post(
    applicationUrl,
    { config: { access: "signed-in" }, schema: { params: ZOrgSessionParams } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      const parsed = ZApplicationCreate.safeParse({
        relevance: str(values, "relevance") ?? "",
        agendaItemIds: list(values, "agendaItemIds"),
      });
      let errors: Record<string, string> = {};
      if (parsed.success) {
        try {
          await applyForObserverStatus(ctxOf(request), request.params.org, request.params.slug, parsed.data);
          return reply.redirect(request.url, 303);
        } catch (error) {
          errors = { form: errorText(request, error) };
        }
      } else errors = formErrors(request.t, parsed.error);
      const { data } = await showApplication(request, values, errors);
      return sendPage(
        request,
        reply,
        request.t("accreditation.apply.title"),
        <ApplicationPage {...data} values={values} errors={errors} />,
        400,
      );
    },
  );

  app.get(
    "/sessions/:slug/checkin",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const { session, days } = await checkinCounts(ctxOf(request), request.params.slug);
      return sendPage(
        request,
        reply,
        request.t("accreditation.checkin.title"),
        <CheckinPage session={session} days={days} />,
      );
    },
  );
  app.post(
    "/sessions/:slug/checkin",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const parsed = ZCheckin.safeParse({ code: str((request.body ?? {}) as FormValues, "code") ?? "" });
      let result = null;
      let error: string | undefined;
      let status = 200;
      if (!parsed.success) {
        error = request.t("form.invalid.required");
        status = 400;
      } else {
        try {
          result = await checkIn(ctx, request.params.slug, parsed.data.code);
        } catch (e) {
          error = errorText(request, e);
          // a revoked badge: the secretariat's reason, for the desk to act on
          if (e instanceof AppError && e.code === "BADGE_REVOKED" && e.detail) error = `${error} ${e.detail}`;
          status = (e as AppError).status;
        }
      }
      const { session, days } = await checkinCounts(ctx, request.params.slug);
      return sendPage(
        request,
        reply,
        request.t("accreditation.checkin.title"),
        <CheckinPage session={session} days={days} result={result} error={error} />,
        status,
      );
    },
  );

  app.get(
    "/sessions/:slug/participants",
    { config: { access: "public" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { session, organisations } = await publicParticipants(ctx, request.params.slug);
      const { figures } = await participationFigures(ctx, request.params.slug);
      return sendPage(
        request,
        reply,
        `${request.t("accreditation.participants.title")} — ${localized(session.name, request.lang)}`,
        <ParticipantsPage session={session} organisations={organisations} figures={figures} />,
      );
    },
  );

  await accreditationManageRoutes(app);
  await app.register(delegateLinkRoutes);
}
