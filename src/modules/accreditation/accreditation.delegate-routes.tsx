/**
 * The pages where a focal point or the secretariat corrects a registered delegate's data and
 * replaces their photo, and where the secretariat revokes (with a reason) or reissues their badge.
 * An encapsulated plugin: its multipart parser serves the photo form only.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { App } from "../../platform/http.js";
import { type FormErrors, type FormValues, formErrors, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { delegateValues } from "./accreditation.delegate-fields.js";
import { DelegatePage, type DelegatePageData } from "./accreditation.delegate-pages.js";
import { MAX_PHOTO_BYTES, uploadedPhoto } from "./accreditation.files.js";
import {
  addMultipartParser,
  DELEGATE_FIELDS,
  delegateInput,
  errorText,
} from "./accreditation.page-route-parts.js";
import { ZDelegatePatch } from "./accreditation.schemas.js";
import type { AccCtx } from "./accreditation.service.js";
import { reissueBadge, revokeBadge } from "./badges.service.js";
import { getDelegatePage, setDelegatePhoto, updateDelegate } from "./delegates.service.js";

const ZParams = z.strictObject({ id: z.uuid() });
const notices = ["saved", "photo", "photoBadge", "revoked", "reissued"] as const;
const ZQuery = z.object({ notice: z.enum(notices).optional().catch(undefined) });
type Req = FastifyRequest<{ Params: { id: string } }>;

const formValues = (body: unknown): FormValues =>
  Object.fromEntries(
    Object.entries((body ?? {}) as Record<string, unknown>).filter(
      ([, v]) => typeof v === "string" || Array.isArray(v),
    ),
  ) as FormValues;

export async function delegatePageRoutes(app: App): Promise<void> {
  addMultipartParser(app);
  const ctxOf = (request: FastifyRequest): AccCtx => ({ ...request.ctx(), cache: app.services.cache });

  const render = (
    request: Req,
    reply: FastifyReply,
    data: DelegatePageData,
    options: { values?: FormValues; errors?: FormErrors; notice?: string; status?: number } = {},
  ) =>
    sendPage(
      request,
      reply,
      request.t("accreditation.delegatePage.title", { name: data.delegate.fullName }),
      <DelegatePage
        data={data}
        values={options.values ?? { ...delegateValues(data.delegate), dateOfBirth: "", idDocumentNumber: "" }}
        errors={options.errors ?? {}}
        notice={options.notice}
      />,
      options.status ?? 200,
    );
  const done = (reply: FastifyReply, id: string, notice: (typeof notices)[number]) =>
    reply.redirect(`/delegates/${id}?notice=${notice}`, 303);

  app.get(
    "/delegates/:id",
    { config: { access: "signed-in" }, schema: { params: ZParams, querystring: ZQuery } },
    async (request, reply) => {
      const data = await getDelegatePage(ctxOf(request), request.params.id);
      const { notice } = request.query;
      reply.header("cache-control", "private, no-store");
      return render(request, reply, data, {
        ...(notice ? { notice: request.t(`accreditation.delegatePage.notice.${notice}`) } : {}),
      });
    },
  );

  // Corrections: an empty field keeps what is recorded (the ID number and date of birth are not shown).
  app.post(
    "/delegates/:id",
    { config: { access: "signed-in" }, schema: { params: ZParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const data = await getDelegatePage(ctx, request.params.id);
      const values = formValues(request.body);
      const parsed = ZDelegatePatch.safeParse(delegateInput(values, DELEGATE_FIELDS));
      let errors: FormErrors;
      if (parsed.success) {
        try {
          await updateDelegate(ctx, data.delegate.id, parsed.data);
          return done(reply, data.delegate.id, "saved");
        } catch (error) {
          errors = { form: errorText(request, error) };
        }
      } else errors = formErrors(request.t, parsed.error);
      return render(request, reply, data, { values, errors, status: 400 });
    },
  );

  app.post(
    "/delegates/:id/photo",
    {
      config: { access: "signed-in" },
      bodyLimit: MAX_PHOTO_BYTES + 64 * 1024,
      schema: { params: ZParams },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const data = await getDelegatePage(ctx, request.params.id);
      let error: string;
      try {
        const photo = uploadedPhoto((request.body as Record<string, unknown> | undefined)?.photo);
        if (photo) {
          await setDelegatePhoto(ctx, data.delegate.id, photo);
          // the badge PDF and the check-in show the new photo at once; a printed badge does not
          return done(reply, data.delegate.id, data.validBadge ? "photoBadge" : "photo");
        }
        error = request.t("accreditation.delegatePage.photoMissing");
      } catch (e) {
        error = errorText(request, e);
      }
      return render(request, reply, data, { errors: { photo: error }, status: 400 });
    },
  );

  app.post(
    "/delegates/:id/badge/revoke",
    { config: { access: "secretariat" }, schema: { params: ZParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const data = await getDelegatePage(ctx, request.params.id);
      const reason = str(formValues(request.body), "reason")?.trim().slice(0, 500);
      let error: string;
      if (!reason) error = request.t("form.invalid.required");
      else if (!data.validBadge) error = request.t("accreditation.delegatePage.badgeNone");
      else {
        await revokeBadge(ctx, data.validBadge.id, reason);
        return done(reply, data.delegate.id, "revoked");
      }
      return render(request, reply, data, { errors: { reason: error }, status: 400 });
    },
  );

  app.post(
    "/delegates/:id/badge/reissue",
    { config: { access: "secretariat" }, schema: { params: ZParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const data = await getDelegatePage(ctx, request.params.id);
      try {
        await reissueBadge(ctx, data.delegate.id);
        return done(reply, data.delegate.id, "reissued");
      } catch (error) {
        return render(request, reply, data, { errors: { form: errorText(request, error) }, status: 400 });
      }
    },
  );
}
