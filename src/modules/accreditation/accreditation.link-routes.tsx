/**
 * The delegate's own link (no account): their page, the confirmation form, their photo (page:
 * multipart through platform/multipart.ts; API: the image itself, as for the focal point's PUT).
 * Each change replaces the link and redirects to (or returns) the new one; a person whose link no
 * longer works asks for a new one by e-mail address (/delegate-link). An encapsulated
 * plugin: its multipart parser serves the photo form only; the image/* parsers come from the
 * module (accreditation.routes.ts).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { type FormErrors, type FormValues, formErrors, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { MAX_PHOTO_BYTES, uploadedPhoto } from "./accreditation.files.js";
import { DelegateLinkPage, NewLinkPage } from "./accreditation.link-pages.js";
import {
  addMultipartParser,
  DELEGATE_FIELDS,
  delegateInput,
  errorText,
} from "./accreditation.page-route-parts.js";
import {
  ZDelegateLinkChange,
  ZDelegateLinkRequest,
  ZDelegatePatch,
  ZTokenParams,
} from "./accreditation.schemas.js";
import type { AccCtx } from "./accreditation.service.js";
import {
  confirmByLink,
  getDelegateLinkPage,
  getPhotoByLink,
  requestNewLinks,
  setPhotoByLink,
} from "./delegate-link.service.js";

const notices = ["saved", "photo"] as const;
const ZQuery = z.object({ notice: z.enum(notices).optional().catch(undefined) });
const ZSentQuery = z.object({ notice: z.enum(["sent"]).optional().catch(undefined) });
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];
type Req = FastifyRequest<{ Params: { token: string } }>;

/**
 * Before an uploaded image is read: the module's codes for a declared type that is not a photo
 * (415 PHOTO_TYPE_UNSUPPORTED) and for a declared length over 5 MB (413 PHOTO_TOO_LARGE), instead
 * of the platform's generic UNSUPPORTED_MEDIA_TYPE and PAYLOAD_TOO_LARGE.
 */
export async function checkPhotoUpload(request: FastifyRequest) {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (!PHOTO_TYPES.includes(type)) throw new AppError("PHOTO_TYPE_UNSUPPORTED");
  if (Number(request.headers["content-length"] ?? 0) > MAX_PHOTO_BYTES) throw new AppError("PHOTO_TOO_LARGE");
}

export async function delegateLinkRoutes(app: App): Promise<void> {
  addMultipartParser(app);
  // The link is the key to the person's data: every route here is confidential (never cached,
  // never sent on as a referrer, errors included: platform/http.ts).
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

  const render = async (
    request: Req,
    reply: FastifyReply,
    options: { values?: FormValues; errors?: FormErrors; notice?: string; status?: number } = {},
  ) => {
    const data = await getDelegateLinkPage(ctxOf(request), request.params.token);
    return sendPage(
      request,
      reply,
      request.t("accreditation.delegate.title"),
      <DelegateLinkPage data={data} token={request.params.token} {...options} />,
      options.status ?? 200,
    );
  };

  app.get(
    "/delegate/:token",
    {
      config: { access: "public", confidential: true },
      schema: { params: ZTokenParams, querystring: ZQuery },
    },
    async (request, reply) => {
      const { notice } = request.query;
      try {
        return await render(
          request,
          reply,
          notice ? { notice: request.t(`accreditation.delegate.notice.${notice}`) } : {},
        );
      } catch (error) {
        // an old or unknown link: the same 404 for both, with the way to a new one
        if (!(error instanceof AppError && error.code === "DELEGATE_LINK_INVALID")) throw error;
        return newLinkPage(request, reply, { expired: true, status: 404 });
      }
    },
  );

  // ---- a new link, by e-mail address (the answer never says whether the address is registered)

  const newLinkPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      expired?: boolean;
      notice?: string;
      values?: FormValues;
      errors?: FormErrors;
      status?: number;
    },
  ) =>
    sendPage(
      request,
      reply,
      request.t("accreditation.newLink.title"),
      <NewLinkPage
        expired={options.expired}
        notice={options.notice}
        values={options.values ?? {}}
        errors={options.errors ?? {}}
      />,
      options.status ?? 200,
    );
  app.get(
    "/delegate-link",
    { config: { access: "public", confidential: true }, schema: { querystring: ZSentQuery } },
    async (request, reply) =>
      newLinkPage(
        request,
        reply,
        request.query.notice ? { notice: request.t("accreditation.newLink.sent") } : {},
      ),
  );
  app.post("/delegate-link", { config: { access: "public", confidential: true } }, async (request, reply) => {
    const values = (request.body ?? {}) as FormValues;
    const parsed = ZDelegateLinkRequest.safeParse({ email: str(values, "email")?.trim() ?? "" });
    if (!parsed.success)
      return newLinkPage(request, reply, {
        values,
        errors: formErrors(request.t, parsed.error),
        status: 400,
      });
    try {
      await requestNewLinks(ctxOf(request), parsed.data.email);
    } catch (error) {
      const status = error instanceof AppError ? error.status : 500;
      return newLinkPage(request, reply, { values, errors: { email: errorText(request, error) }, status });
    }
    return reply.redirect("/delegate-link?notice=sent", 303);
  });
  app.post(
    "/api/v1/delegate-links",
    {
      config: { access: "public", confidential: true },
      schema: { tags: ["accreditation"], body: ZDelegateLinkRequest },
    },
    async (request, reply) => {
      await requestNewLinks(ctxOf(request), request.body.email);
      return reply.code(202).send();
    },
  );

  app.post(
    "/delegate/:token",
    { config: { access: "public", confidential: true }, schema: { params: ZTokenParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const values = (request.body ?? {}) as FormValues;
      const consentPublic = str(values, "consentPublic") === "yes";
      const { delegate } = await getDelegateLinkPage(ctx, request.params.token);
      // While pending, the person completes or corrects every field (a field left out of the form
      // is kept; an optional one sent empty is cleared); once decided, only the consent.
      const optional = new Set([
        "title",
        "dateOfBirth",
        "idDocumentType",
        "idDocumentNumber",
        "idDocumentExpiry",
      ]);
      const patch: Record<string, unknown> = { consentPublic };
      for (const [name, value] of Object.entries(delegateInput(values, DELEGATE_FIELDS))) patch[name] = value;
      for (const name of DELEGATE_FIELDS)
        if (name in values && !(name in patch)) patch[name] = optional.has(name) ? null : "";
      const parsed =
        delegate.status === "pending"
          ? ZDelegatePatch.safeParse(patch)
          : ZDelegatePatch.safeParse({ consentPublic });
      if (!parsed.success)
        return render(request, reply, { values, errors: formErrors(request.t, parsed.error), status: 400 });
      const { token } = await confirmByLink(ctx, request.params.token, parsed.data);
      return reply.redirect(`/delegate/${token}?notice=saved`, 303);
    },
  );

  app.post(
    "/delegate/:token/photo",
    {
      config: { access: "public", confidential: true },
      bodyLimit: MAX_PHOTO_BYTES + 64 * 1024,
      schema: { params: ZTokenParams },
    },
    async (request, reply) => {
      let error: string;
      try {
        const photo = uploadedPhoto((request.body as Record<string, unknown> | undefined)?.photo);
        if (photo) {
          const { token } = await setPhotoByLink(ctxOf(request), request.params.token, photo);
          return reply.redirect(`/delegate/${token}?notice=photo`, 303);
        }
        error = request.t("accreditation.delegatePage.photoMissing");
      } catch (e) {
        error = errorText(request, e);
      }
      return render(request, reply, { errors: { photo: error }, status: 400 });
    },
  );

  app.get(
    "/delegate/:token/photo",
    { config: { access: "public", confidential: true }, schema: { params: ZTokenParams } },
    async (request, reply) => {
      const file = await getPhotoByLink(ctxOf(request), request.params.token);
      return reply.header("content-type", file.contentType).send(file.bytes);
    },
  );

  app.put(
    "/api/v1/delegate/:token/photo",
    {
      config: { access: "public", confidential: true },
      bodyLimit: MAX_PHOTO_BYTES,
      preParsing: async (request, _reply, payload) => {
        await checkPhotoUpload(request);
        return payload;
      },
      schema: { tags: ["accreditation"], params: ZTokenParams, response: { 200: ZDelegateLinkChange } },
    },
    async (request) => setPhotoByLink(ctxOf(request), request.params.token, request.body as Buffer),
  );
}
