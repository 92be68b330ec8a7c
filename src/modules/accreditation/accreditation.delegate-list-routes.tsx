/**
 * Page routes of the delegate lists: the focal point's delegates of a session with the register
 * form (pages in accreditation.delegate-list-pages.tsx), and the secretariat's delegates of a session
 * with filters, pages and bulk approval. Forms work without JavaScript: re-rendered with the typed
 * values and translated errors (400) on failure, 303 on success.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { type FormErrors, type FormValues, formErrors, list, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { getSessionBySlug } from "../sessions/sessions.service.js";
import {
  type DelegateFilterValues,
  OrgDelegatesPage,
  SessionDelegatesPage,
} from "./accreditation.delegate-list-pages.js";
import { MAX_PHOTO_BYTES, uploadedPhoto } from "./accreditation.files.js";
import {
  accCtx,
  addMultipartParser,
  DELEGATE_FIELDS,
  delegateInput,
  errorText,
  ZNotice,
} from "./accreditation.page-route-parts.js";
import { ZDelegateCreate, ZOrgSessionParams, ZSessionParams } from "./accreditation.schemas.js";
import { findApplication } from "./accreditation.service.js";
import { decideDelegates, listOrganisationDelegates, registerDelegate } from "./delegates.service.js";
import { listSessionDelegates } from "./participation.service.js";

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

/**
 * The focal point's delegates of a session and the register form (with a photo). An encapsulated
 * plugin: its multipart parser serves this form only.
 */
export async function organisationDelegateRoutes(app: App): Promise<void> {
  addMultipartParser(app);
  const ctxOf = (request: FastifyRequest) => accCtx(app, request);
  const url = "/organisations/:org/sessions/:slug/delegates";
  /** The list, the quota and the register form (with what was typed and its errors). */
  const orgDelegatesPage = async (
    request: FastifyRequest<{ Params: { org: string; slug: string } }>,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors; notice?: string },
    status = 200,
  ) => {
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
        {...form}
      />,
      status,
    );
  };

  app.get(
    url,
    {
      config: { access: "signed-in" },
      schema: { params: ZOrgSessionParams, querystring: ZNotice },
    },
    async (request, reply) =>
      orgDelegatesPage(request, reply, {
        values: {},
        errors: {},
        notice:
          request.query.notice === "registered" ? request.t("accreditation.delegates.registered") : undefined,
      }),
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
      return orgDelegatesPage(request, reply, { values, errors }, 400);
    },
  );
}

/** The secretariat's delegates of a session: filters, pages, exports, bulk approval or rejection. */
export async function sessionDelegateRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest) => accCtx(app, request);

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
}
