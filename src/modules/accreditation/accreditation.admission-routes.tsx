/**
 * Page routes of observer admission (rule 17; pages in accreditation.admission-pages.tsx): the
 * session's accreditation hub, the secretariat's applications (circulate, admit, reject, the
 * Conference's decision) and the list circulated to member States with their objections. Forms
 * work without JavaScript: re-rendered with translated errors (400) on failure, 303 on success.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { type FormValues, formErrors, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { ApplicationsPage, CirculatedListPage, HubPage } from "./accreditation.admission-pages.js";
import { accCtx, errorText, ZNotice, ZSessionIdParams } from "./accreditation.page-route-parts.js";
import { ZSessionParams } from "./accreditation.schemas.js";
import {
  decideApplication,
  getApplicationById,
  listApplications,
  myOrganisationsForSession,
} from "./accreditation.service.js";
import { circulateApplication, circulatedList, lodgeObjection } from "./rule17.service.js";

const ZApplicationsPageQuery = ZNotice.extend({
  status: z.enum(["submitted", "circulated", "admitted", "referred", "rejected"]).optional().catch(undefined),
  region: z.string().max(40).optional(),
});

export async function admissionPageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest) => accCtx(app, request);

  app.get(
    "/sessions/:slug/accreditation",
    { config: { access: "signed-in" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const data = await myOrganisationsForSession(ctxOf(request), request.params.slug);
      return sendPage(request, reply, request.t("accreditation.hub.title"), <HubPage {...data} />);
    },
  );

  // ---- the secretariat: applications

  const applicationsPage = async (
    request: FastifyRequest<{ Params: { slug: string } }>,
    filter: { status?: string; region?: string },
    status: number,
    notice?: string,
    error?: string,
  ) => {
    const { session, items } = await listApplications(
      ctxOf(request),
      request.params.slug,
      ZApplicationsPageQuery.shape.status.parse(filter.status),
    );
    return {
      status,
      body: (
        <ApplicationsPage
          session={session}
          items={filter.region ? items.filter((a) => a.regional_group === filter.region) : items}
          filter={filter}
          notice={notice}
          error={error}
        />
      ),
    };
  };
  app.get(
    "/sessions/:slug/applications",
    {
      config: { access: "secretariat" },
      schema: { params: ZSessionParams, querystring: ZApplicationsPageQuery },
    },
    async (request, reply) => {
      const { notice, ...filter } = request.query;
      const page = await applicationsPage(
        request,
        filter,
        200,
        notice ? request.t("accreditation.notice.done") : undefined,
      );
      return sendPage(request, reply, request.t("accreditation.applications.title"), page.body);
    },
  );
  /** The application of the path's session, or the same 404 as an unknown id. */
  const applicationOf = async (request: FastifyRequest<{ Params: { slug: string; id: string } }>) => {
    const a = await getApplicationById(ctxOf(request).db, request.params.id);
    if (a.sessionSlug !== request.params.slug) throw new AppError("NOT_FOUND");
    return a;
  };
  const afterAction = async (
    request: FastifyRequest<{ Params: { slug: string; id: string } }>,
    reply: FastifyReply,
    run: () => Promise<unknown>,
  ) => {
    try {
      await run();
      return reply.redirect(`/sessions/${request.params.slug}/applications?notice=done`, 303);
    } catch (e) {
      const page = await applicationsPage(request, {}, 400, undefined, errorText(request, e));
      return sendPage(request, reply, request.t("accreditation.applications.title"), page.body, 400);
    }
  };
  app.post(
    "/sessions/:slug/applications/:id/circulate",
    { config: { access: "secretariat" }, schema: { params: ZSessionIdParams } },
    async (request, reply) => {
      await applicationOf(request);
      return afterAction(request, reply, () => circulateApplication(ctxOf(request), request.params.id));
    },
  );
  app.post(
    "/sessions/:slug/applications/:id/decision",
    { config: { access: "secretariat" }, schema: { params: ZSessionIdParams } },
    async (request, reply) => {
      await applicationOf(request);
      const values = (request.body ?? {}) as FormValues;
      const decision = str(values, "decision");
      const note = str(values, "note")?.trim();
      return afterAction(request, reply, async () => {
        if (decision !== "admit" && decision !== "reject") throw new AppError("APPLICATION_STATE_INVALID");
        return decideApplication(ctxOf(request), request.params.id, {
          decision,
          ...(note ? { note: note.slice(0, 2000) } : {}),
        });
      });
    },
  );

  // ---- member-state delegates: the circulated list and objections

  const circulatedPage = async (
    request: FastifyRequest<{ Params: { slug: string } }>,
    values: FormValues,
    errors: Record<string, string>,
    notice?: string,
  ) => {
    const ctx = ctxOf(request);
    const { session, items } = await circulatedList(ctx, request.params.slug);
    return (
      <CirculatedListPage
        session={session}
        items={items}
        now={ctx.clock.now()}
        values={values}
        errors={errors}
        notice={notice}
      />
    );
  };
  app.get(
    "/sessions/:slug/circulated-list",
    { config: { access: "signed-in" }, schema: { params: ZSessionParams, querystring: ZNotice } },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        request.t("accreditation.circulated.title"),
        await circulatedPage(
          request,
          {},
          {},
          request.query.notice ? request.t("accreditation.objection.lodged") : undefined,
        ),
      ),
  );
  app.post(
    "/sessions/:slug/circulated-list/:id/objection",
    { config: { access: "signed-in" }, schema: { params: ZSessionIdParams } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      const parsed = z
        .strictObject({ reason: z.string().trim().min(1).max(2000) })
        .safeParse({ reason: str(values, "reason") ?? "" });
      const key = `reason-${request.params.id}`;
      let errors: Record<string, string> = {};
      if (parsed.success) {
        try {
          await applicationOf(request);
          await lodgeObjection(ctxOf(request), request.params.id, parsed.data.reason);
          return reply.redirect(`/sessions/${request.params.slug}/circulated-list?notice=done`, 303);
        } catch (e) {
          errors = { [key]: errorText(request, e) };
        }
      } else
        errors = { [key]: formErrors(request.t, parsed.error).reason ?? request.t("form.invalid.required") };
      return sendPage(
        request,
        reply,
        request.t("accreditation.circulated.title"),
        await circulatedPage(request, values, errors),
        400,
      );
    },
  );
}
