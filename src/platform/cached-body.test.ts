import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { type CachedBody, sendCachedBody, withEncodings, withEtag } from "./cached-body.js";

describe("cached bodies: ETag, 304, compressed once and sent in the encoding the client accepts", () => {
  const large = JSON.stringify({
    items: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Side event ${i}`, lang: "en" })),
  });
  let app: FastifyInstance;
  let big: CachedBody;
  before(async () => {
    big = await withEncodings(large);
    app = Fastify();
    app.get("/big", (request, reply) =>
      sendCachedBody(request, reply, big, "application/json; charset=utf-8"),
    );
    app.get("/small", async (request, reply) =>
      sendCachedBody(request, reply, await withEncodings('{"ok":true}'), "application/json", "Cookie"),
    );
    await app.ready();
  });
  after(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers });

  test("compressed copies are made once, and only for large bodies", async () => {
    assert.ok(big.encoded);
    assert.ok(
      big.encoded.br.length < big.body.length / 4,
      `br ${big.encoded.br.length} of ${big.body.length}`,
    );
    assert.equal(brotliDecompressSync(big.encoded.br).toString(), large);
    assert.equal(gunzipSync(big.encoded.gzip).toString(), large);
    assert.equal((await withEncodings("short")).encoded, undefined);
    assert.equal(withEtag(large).etag, big.etag);
  });

  test("the client's Accept-Encoding chooses: br, gzip, or the bytes as they are", async () => {
    const br = await get("/big", { "accept-encoding": "gzip, deflate, br" });
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), large);
    assert.equal(br.headers.vary, "Accept-Encoding");
    assert.equal(br.headers.etag, big.etag);

    const gz = await get("/big", { "accept-encoding": "gzip" });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.equal(gunzipSync(gz.rawPayload).toString(), large);

    const refused = await get("/big", { "accept-encoding": "br;q=0, gzip;q=0" });
    assert.equal(refused.headers["content-encoding"], undefined);
    assert.equal(refused.body, large);

    const plain = await get("/big");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.body, large);
    assert.equal(plain.headers["content-type"], "application/json; charset=utf-8");
  });

  test("If-None-Match with the ETag answers 304 without a body; small bodies are never compressed", async () => {
    const notModified = await get("/big", { "if-none-match": big.etag, "accept-encoding": "br" });
    assert.equal(notModified.statusCode, 304);
    assert.equal(notModified.rawPayload.length, 0);
    const small = await get("/small", { "accept-encoding": "br, gzip" });
    assert.equal(small.headers["content-encoding"], undefined);
    assert.equal(small.headers.vary, "Cookie");
    assert.equal(small.body, '{"ok":true}');
  });
});
