/**
 * Multipart forms with one file, for the pages that upload (a delegate's photo, a panellist's
 * photo, an event's materials). The platform checks a form's CSRF token in preValidation on
 * request.body._csrf, so the parser reads the whole body into request.body first: text fields as
 * strings (a repeated name as a list), the one named file as a Buffer, or "too-large" past its
 * limit. The file's name and declared type are ignored: its content decides. Register it in an
 * encapsulated plugin so that only the routes that take uploads parse these bodies.
 */
import { Busboy, type BusboyInstance } from "@fastify/busboy";
import type { FastifyRequest } from "fastify";
import { AppError } from "./errors.js";
import type { App } from "./http.js";

export interface MultipartLimits {
  /** the form field that carries the file */
  file: string;
  maxFileBytes: number;
  maxFields: number;
  maxFieldBytes: number;
  /** the whole body's limit, if not Fastify's default */
  bodyLimit?: number;
}

export function addMultipartFormParser(app: App, limits: MultipartLimits): void {
  app.addContentTypeParser(
    "multipart/form-data",
    limits.bodyLimit ? { bodyLimit: limits.bodyLimit } : {},
    (request: FastifyRequest, payload, done) => {
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
          limits: {
            files: 1,
            fileSize: limits.maxFileBytes,
            fields: limits.maxFields,
            fieldSize: limits.maxFieldBytes,
            parts: limits.maxFields + 2,
          },
        });
      } catch {
        return done(new AppError("VALIDATION_FAILED"), undefined);
      }
      const files: Array<Promise<void>> = [];
      busboy.on("field", (name, value) => {
        if (name === "__proto__" || name === "constructor" || name === "prototype") return;
        const prev = body[name];
        body[name] = prev === undefined ? value : ([] as unknown[]).concat(prev, value);
      });
      busboy.on("file", (name, stream, filename) => {
        const chunks: Buffer[] = [];
        files.push(
          new Promise((resolve) => {
            stream.on("data", (c: Buffer) => chunks.push(c));
            stream.on("end", () => {
              if (name === limits.file && filename && chunks.length)
                body[limits.file] = (stream as { truncated?: boolean }).truncated
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
