/**
 * What the accreditation page routes share: a rule's refusal as the page's message, the delegate
 * form's fields as the API's input, the multipart parser of the forms that carry a photo, and the
 * params and notice of the pages.
 */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { addMultipartFormParser } from "../../platform/multipart.js";
import { type FormValues, str } from "../../platform/ui/forms.js";
import { MAX_PHOTO_BYTES } from "./accreditation.files.js";
import type { AccCtx } from "./accreditation.service.js";

/** A rule's refusal, shown on the page; access errors (401, 403, 404) keep their own answer. */
export const errorText = (request: FastifyRequest, error: unknown) => {
  if (!(error instanceof AppError) || error.status >= 500 || [401, 403, 404].includes(error.status))
    throw error;
  return request.t(`error.${error.code}` as MessageKey);
};

/** The accreditation services' context: the request's, with the app's cache. */
export const accCtx = (app: App, request: FastifyRequest): AccCtx => ({
  ...request.ctx(),
  cache: app.services.cache,
});

export const ZSessionIdParams = z.strictObject({ slug: z.string().min(1).max(100), id: z.uuid() });
export const ZNotice = z.object({ notice: z.enum(["done", "registered"]).optional() });

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
