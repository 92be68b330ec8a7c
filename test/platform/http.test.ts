import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync } from "node:zlib";
import { maskCsrfToken, unmaskCsrfToken } from "../../src/platform/auth.js";
import { TestClient } from "../support/client.js";
import { buildUser } from "../support/factories.js";
import { createTestApp, type TestContext } from "../support/harness.js";

describe("platform http", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("GET /health answers JSON with the database in use", async () => {
    const res = await t.app.inject({ url: "/health" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok", database: "external", databaseReachable: true });
  });

  test("an unknown path is a problem+json 404 with a stable code", async () => {
    const res = await t.app.inject({ url: "/api/v1/nothing-here" });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.code, "NOT_FOUND");
    assert.equal(body.status, 404);
    assert.ok(body.requestId);
  });

  test("the home page speaks Arabic right-to-left and remembers the choice", async () => {
    const client = TestClient.anonymous(t);
    const res = await client.page("/?lang=ar");
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    const again = await client.page("/");
    assert.match(again.body, /<html lang="ar" dir="rtl">/);
  });

  test("Accept-Language picks the language when none was chosen", async () => {
    const res = await t.app.inject({
      url: "/",
      headers: { accept: "text/html", "accept-language": "es-MX,es;q=0.9,en;q=0.5" },
    });
    assert.match(res.body, /<html lang="es" dir="ltr">/);
  });

  test("a state-changing request with our cookie but no CSRF token is refused", async () => {
    const client = TestClient.anonymous(t);
    await client.page("/");
    for (const contentType of [
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "Application/JSON; charset=utf-8",
    ]) {
      const res = await client.request("POST", "/sign-out", {
        csrf: false,
        headers: { "content-type": contentType },
      });
      assert.equal(res.statusCode, 403, contentType);
      assert.equal(res.json().code, "CSRF_TOKEN_INVALID");
    }
  });

  test("pages are compressed for browsers, and carry their CSRF token masked afresh each time", async () => {
    const user = await buildUser(t.db);
    const client = await TestClient.as(t, user.id);
    const tokenIn = async () => {
      const res = await client.request("GET", "/", {
        headers: { accept: "text/html", "accept-encoding": "gzip, deflate, br" },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-encoding"], "br");
      const html = brotliDecompressSync(res.rawPayload).toString();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      assert.ok(token, "the page has a form with the CSRF token");
      return token;
    };
    const [first, second] = [await tokenIn(), await tokenIn()];
    assert.notEqual(first, second);
    assert.notEqual(first, client.csrfToken, "never the plain token");
    assert.equal(unmaskCsrfToken(first), client.csrfToken);
    assert.equal(unmaskCsrfToken(second), client.csrfToken);
    // a tampered or another token's mask is refused; the page's own is accepted
    const other = maskCsrfToken("another-token-0123456789abcdefghij");
    const flipped = `${first.slice(0, -2)}${first.endsWith("AA") ? "BB" : "AA"}`;
    for (const forged of [other, flipped, `${first}.x`, ".", "x."]) {
      const res = await client.request("POST", "/sign-out", { csrf: false, form: { _csrf: forged } });
      assert.equal(res.statusCode, 403, forged);
    }
    const out = await client.request("POST", "/sign-out", { csrf: false, form: { _csrf: second } });
    assert.equal(out.statusCode, 303, out.body);
  });

  test("the OpenAPI document is served", async () => {
    const res = await t.app.inject({ url: "/api/v1/openapi.json" });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().openapi, "3.1.0");
  });
});

describe("routes that break the platform's rules are refused when the app is built", () => {
  test("a route without an access level", async () => {
    await assert.rejects(
      createTestApp({ extraRoutes: async (app) => void app.get("/api/v1/test/open", async () => ({})) }),
      /declares no access level/,
    );
  });

  test("a deferred session with idempotency keys (the keys belong to an account not known yet)", async () => {
    await assert.rejects(
      createTestApp({
        extraRoutes: async (app) =>
          void app.post(
            "/api/v1/test/both",
            { config: { access: "secretariat", deferSession: true, idempotency: "optional" } },
            async () => ({}),
          ),
      }),
      /deferSession cannot go with idempotency/,
    );
  });
});
