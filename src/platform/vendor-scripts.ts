/**
 * Browser scripts that come from npm packages, for pages that load them on demand: served at
 * /static/vendor/{name} from the package's own file, read once, kept in memory with its ETag and
 * compressed once (Brotli and gzip), so that a phone on a venue's slow connection downloads a
 * fraction of it, once. Only the names listed here are served.
 */
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import type { FastifyInstance } from "fastify";
import { type CachedBody, sendCachedBody, withEncodings } from "./cached-body.js";
import { AppError } from "./errors.js";

const require = createRequire(import.meta.url);

/** name under /static/vendor/ → the package's browser build */
const scripts: Record<string, string> = {
  // QR codes read from the camera where the browser has no BarcodeDetector (Safari, Firefox,
  // desktop Chromium): the check-in desk (static/checkin.js)
  "jsqr.js": "jsqr/dist/jsQR.js",
};

export function registerVendorScripts(app: FastifyInstance) {
  const loaded = new Map<string, Promise<CachedBody>>();
  const load = (name: string, file: string) => {
    let body = loaded.get(name);
    if (!body) {
      body = fs.readFile(require.resolve(file), "utf8").then(withEncodings);
      body.catch(() => loaded.delete(name)); // a failed read is tried again at the next request
      loaded.set(name, body);
    }
    return body;
  };
  app.get<{ Params: { name: string } }>(
    "/static/vendor/:name",
    { config: { access: "public" } },
    async (request, reply) => {
      const file = Object.hasOwn(scripts, request.params.name) ? scripts[request.params.name] : undefined;
      if (!file) throw new AppError("NOT_FOUND");
      return sendCachedBody(
        request,
        reply,
        await load(request.params.name, file),
        "text/javascript; charset=utf-8",
      );
    },
  );
}
