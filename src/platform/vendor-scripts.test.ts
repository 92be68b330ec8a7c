/** Browser scripts of npm packages at /static/vendor/{name}: only those listed, compressed, cacheable. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { AppError } from "./errors.js";
import { registerVendorScripts } from "./vendor-scripts.js";

describe("vendor scripts", () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    app.setErrorHandler((error, _request, reply) =>
      reply.code(error instanceof AppError ? 404 : 500).send({ code: (error as AppError).code }),
    );
    registerVendorScripts(app);
    await app.ready();
  });
  after(() => app.close());

  test("jsQR, in Brotli to a browser, 304 once it has it", async () => {
    const res = await app.inject({
      url: "/static/vendor/jsqr.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-type"], "text/javascript; charset=utf-8");
    assert.equal(res.headers["content-encoding"], "br");
    const script = brotliDecompressSync(res.rawPayload).toString();
    assert.match(script, /jsQR/);
    assert.ok(res.rawPayload.length < script.length / 3, "compressed to less than a third");
    const again = await app.inject({
      url: "/static/vendor/jsqr.js",
      headers: { "if-none-match": String(res.headers.etag) },
    });
    assert.equal(again.statusCode, 304);
  });

  test("a name not listed is not found, whatever the packages hold", async () => {
    for (const url of [
      "/static/vendor/qrcode.js",
      "/static/vendor/..%2Fpackage.json",
      "/static/vendor/constructor",
    ]) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().code, "NOT_FOUND");
    }
  });
});
