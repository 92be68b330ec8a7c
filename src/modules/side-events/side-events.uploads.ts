/**
 * Uploads of the side-events module, registered in an encapsulated plugin so that only its upload
 * routes parse these bodies: raw PDF and image bodies for the API, and multipart forms for the
 * pages (platform/multipart.ts; the file field is "file"). The file's name and declared type are
 * ignored: content decides (pdf-check.ts, sharp).
 */
import type { App } from "../../platform/http.js";
import { addMultipartFormParser } from "../../platform/multipart.js";
import { MAX_PHOTO_BYTES } from "../accreditation/accreditation.files.js";
import { MAX_PDF_BYTES } from "./pdf-check.js";

export const UPLOAD_LIMIT = Math.max(MAX_PDF_BYTES, MAX_PHOTO_BYTES);

export function uploadParsers(app: App) {
  app.addContentTypeParser(
    ["application/pdf", "application/octet-stream", "image/jpeg", "image/png", "image/webp"],
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );
  addMultipartFormParser(app, {
    file: "file",
    maxFileBytes: UPLOAD_LIMIT,
    maxFields: 20,
    maxFieldBytes: 20_000,
    bodyLimit: UPLOAD_LIMIT + 100_000,
  });
}
