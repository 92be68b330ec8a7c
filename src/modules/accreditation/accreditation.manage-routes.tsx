/**
 * Page routes of the accreditation steps people do (pages in accreditation.admission-pages.tsx
 * and accreditation.delegate-list-pages.tsx): forms without JavaScript, re-rendered with the typed
 * values and translated errors (400) on failure, 303 on success.
 */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { addMultipartFormParser } from "../../platform/multipart.js";
import { type FormValues, formErrors, list, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { getSessionBySlug } from "../sessions/sessions.service.js";
import { ApplicationsPage, CirculatedListPage, HubPage } from "./accreditation.admission-pages.js";
import {
  type DelegateFilterValues,
  OrgDelegatesPage,
  SessionDelegatesPage,
} from "./accreditation.delegate-list-pages.js";
import { delegatePageRoutes } from "./accreditation.delegate-routes.js";
import { MAX_PHOTO_BYTES, uploadedPhoto } from "./accreditation.files.js";
import { ZDelegateCreate, ZOrgSessionParams, ZSessionParams } from "./accreditation.schemas.js";
import {
  type AccCtx,
  circulateApplication,
  circulatedList,
  decideApplication,
  findApplication,
  getApplicationById,
  listApplications,
  lodgeObjection,
  myOrganisationsForSession,
} from "./accreditation.service.js";
import { decideDelegates, listOrganisationDelegates, registerDelegate } from "./delegates.service.js";
import { listSessionDelegates } from "./participation.service.js";

/** A rule's refusal, shown on the page; access errors (401, 403, 404) keep their own answer. */
export const errorText = (request: FastifyRequest, error: unknown) => {
  if (!(error instanceof AppError) || error.status >= 500 || [401, 403, 404].includes(error.status))
    throw error;
  return request.t(`error.${error.code}` as MessageKey);
};

const ZSessionIdParams = z.strictObject({ slug: z.string().min(1).max(100), id: z.uuid() });
const ZNotice = z.object({ notice: z.enum(["done", "registered"]).optional() });
const ZApplicationsPageQuery = ZNotice.extend({
  status: z.enum(["submitted", "circulated", "admitted", "referred", "rejected"]).optional().catch(undefined),
  region: z.string().max(40).optional(),
});
const ZDelegatesPageQuery = ZNotice.extend({
  status: z.enum(["pending", "approved", "rejected"]).optional().catch(undefined),
  organisation: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  region: z.string().max(40).optional(),
  field: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
/** Rows per page of the secretariat's delegate list (its exports hold every row). */
const DELEGATES_PAGE_SIZE = 100;

/** Empty form fields are absent; the checkbox-free delegate form maps onto the API's schema. */
export function delegateInput(values: FormValues, fields: readonly string[]) {
  const out: Record<string, string> = {};
  for (const name of fields) {
    const v = str(values, name)?.trim();
    if (v) out[name] = v;
  }
  return out;
}
export const DELEGATE_FIELDS = [
  "fullName",
  "title",
  "email",
  "nationality",
  "gender",
  "dateOfBirth",
  "idDocumentType",
  "idDocumentNumber",
  "idDocumentExpiry",
] as const;

/** The register and delegate forms are multipart: the photo travels with the rest (platform/multipart.ts). */
export function addMultipartParser(app: App) {
  addMultipartFormParser(app, {
    file: "photo",
    maxFileBytes: MAX_PHOTO_BYTES,
    maxFields: 40,
    maxFieldBytes: 10_000,
  });
}

async function multipartForms(app: App) {
  addMultipartParser(app);
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });
  const url = "/organisations/:org/sessions/:slug/delegates";

  app.get(
    url,
    {
      config: { access: "signed-in" },
      schema: { params: ZOrgSessionParams, querystring: ZNotice },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const data = await listOrganisationDelegates(ctx, request.params.org, request.params.slug);
      const { application } = await findApplication(ctx, request.params.org, request.params.slug);
      return sendPage(
        request,
        reply,
        request.t("accreditation.delegates.title"),
        <OrgDelegatesPage
          org={data.org}
          session={data.session}
          admitted={application?.status === "admitted"}
          quota={data.quota}
          items={data.items}
          values={{}}
          errors={{}}
          notice={
            request.query.notice === "registered"
              ? request.t("accreditation.delegates.registered")
              : undefined
          }
        />,
      );
    },
  );
  app.post(
    url,
    {
      config: { access: "signed-in" },
      bodyLimit: MAX_PHOTO_BYTES + 256 * 1024,
      schema: { params: ZOrgSessionParams },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const raw = (request.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(
        Object.entries(raw).filter(([, v]) => typeof v === "string" || Array.isArray(v)),
      ) as FormValues;
      const parsed = ZDelegateCreate.safeParse({
        ...delegateInput(values, DELEGATE_FIELDS),
        ...(str(values, "language") ? { language: str(values, "language") } : {}),
      });
      let errors: Record<string, string> = {};
      let photo: Buffer | undefined;
      try {
        photo = uploadedPhoto(raw.photo);
      } catch (error) {
        errors.photo = errorText(request, error);
      }
      if (parsed.success && !errors.photo) {
        try {
          await registerDelegate(ctx, request.params.org, request.params.slug, parsed.data, photo);
          return reply.redirect(`${request.url.split("?")[0]}?notice=registered`, 303);
        } catch (error) {
          const text = errorText(request, error);
          if (error instanceof AppError && error.code.startsWith("PHOTO_")) errors.photo = text;
          else errors.form = text;
        }
      } else if (!parsed.success) errors = { ...formErrors(request.t, parsed.error), ...errors };
      const data = await listOrganisationDelegates(ctx, request.params.org, request.params.slug);
      const { application } = await findApplication(ctx, request.params.org, request.params.slug);
      return sendPage(
        request,
        reply,
        request.t("accreditation.delegates.title"),
        <OrgDelegatesPage
          org={data.org}
          session={data.session}
          admitted={application?.status === "admitted"}
          quota={data.quota}
          items={data.items}
          values={values}
          errors={errors}
        />,
        400,
      );
    },
  );
}

export async function accreditationManageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

  await app.register(multipartForms);
  await app.register(delegatePageRoutes);

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
    reply: import("fastify").FastifyReply,
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

  // ---- the secretariat: delegates

  const delegatesPage = async (
    request: FastifyRequest<{ Params: { slug: string } }>,
    filter: DelegateFilterValues,
    notice?: string,
    error?: string,
  ) => {
    const { page = 1, ...parsed } = ZDelegatesPageQuery.parse(filter);
    const paging = { page, pageSize: DELEGATES_PAGE_SIZE };
    const { session, items, total } = await listSessionDelegates(
      ctxOf(request),
      request.params.slug,
      {
        ...(parsed.status ? { status: parsed.status } : {}),
        ...(parsed.organisation ? { organisation: parsed.organisation } : {}),
        ...(parsed.country ? { country: parsed.country } : {}),
        ...(parsed.region ? { region: parsed.region } : {}),
        ...(parsed.field ? { field: parsed.field } : {}),
      },
      paging,
    );
    const { page: _page, ...filterValues } = filter as typeof filter & { page?: unknown };
    return (
      <SessionDelegatesPage
        session={session}
        items={items}
        filter={filterValues}
        paging={{ ...paging, total }}
        notice={notice}
        error={error}
      />
    );
  };
  app.get(
    "/sessions/:slug/delegates",
    {
      config: { access: "secretariat" },
      schema: { params: ZSessionParams, querystring: ZDelegatesPageQuery },
    },
    async (request, reply) => {
      const { notice, ...filter } = request.query;
      return sendPage(
        request,
        reply,
        request.t("accreditation.sessionDelegates.title"),
        await delegatesPage(request, filter, notice ? request.t("accreditation.notice.done") : undefined),
      );
    },
  );
  app.post(
    "/sessions/:slug/delegates/decisions",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const values = (request.body ?? {}) as FormValues;
      const ids = list(values, "ids").filter((id) => z.uuid().safeParse(id).success);
      const decision = str(values, "decision");
      let error: string;
      if (ids.length === 0) error = request.t("accreditation.select.none");
      else if (decision !== "approve" && decision !== "reject") error = request.t("form.invalid.choice");
      else {
        await getSessionBySlug(ctxOf(request), request.params.slug);
        await decideDelegates(ctxOf(request), request.params.slug, ids, decision);
        return reply.redirect(`/sessions/${request.params.slug}/delegates?notice=done`, 303);
      }
      return sendPage(
        request,
        reply,
        request.t("accreditation.sessionDelegates.title"),
        await delegatesPage(request, {}, undefined, error),
        400,
      );
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
