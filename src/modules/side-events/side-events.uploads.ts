/**
 * Uploads of the side-events module, registered in an encapsulated plugin so that only its upload
 * routes parse these bodies: raw PDF and image bodies for the API, and multipart forms for the
 * pages. The platform checks a form's CSRF token in preValidation on request.body._csrf, so the
 * multipart parser reads the whole body first: text fields as strings, the one file as a Buffer
 * (or "too-large"). The file's name and declared type are ignored: content decides (pdf-check.ts,
 * sharp).
 */
import { Busboy, type BusboyInstance } from "@fastify/busboy";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { MAX_PHOTO_BYTES } from "../accreditation/accreditation.files.js";
import { MAX_PDF_BYTES } from "./pdf-check.js";

export const UPLOAD_LIMIT = Math.max(MAX_PDF_BYTES, MAX_PHOTO_BYTES);

export function uploadParsers(app: App) {
  app.addContentTypeParser(
    ["application/pdf", "application/octet-stream", "image/jpeg", "image/png", "image/webp"],
    { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    "multipart/form-data",
    { bodyLimit: UPLOAD_LIMIT + 100_000 },
    (request, payload, done) => {
      const body: Record<string, unknown> = {};
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        done(error, undefined);
      };
      let busboy: BusboyInstance;
      try {
        busboy = new Busboy({
          headers: request.headers as { "content-type": string },
          limits: { files: 1, fileSize: UPLOAD_LIMIT, fields: 20, fieldSize: 20_000, parts: 22 },
        });
      } catch {
        return done(new AppError("VALIDATION_FAILED"), undefined);
      }
      const files: Array<Promise<void>> = [];
      busboy.on("field", (name, value) => {
        if (name === "__proto__" || name === "constructor" || name === "prototype") return;
        body[name] = value;
      });
      busboy.on("file", (name, stream, filename) => {
        const chunks: Buffer[] = [];
        files.push(
          new Promise((resolve) => {
            stream.on("data", (c: Buffer) => chunks.push(c));
            stream.on("end", () => {
              if (name === "file" && filename && chunks.length)
                body.file = (stream as { truncated?: boolean }).truncated
                  ? "too-large"
                  : Buffer.concat(chunks);
              resolve();
            });
          }),
        );
      });
      busboy.on("error", () => fail(new AppError("VALIDATION_FAILED")));
      busboy.on("finish", () => {
        void Promise.all(files).then(() => {
          if (!failed) done(null, body);
        });
      });
      payload.pipe(busboy);
    },
  );
}
