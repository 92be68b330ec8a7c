/** Unknown errors never leak internals; the audit log is the secretariat's and is rendered escaped. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { audit } from "../../src/platform/audit.js";
import { TestClient } from "../support/client.js";
import { buildUser } from "../support/factories.js";
import { createTestApp, type TestContext } from "../support/harness.js";

describe("errors and audit rendering", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp({
      extraRoutes: async (app) => {
        app.get("/test/boom", { config: { access: "public" } }, async () => {
          throw new Error("secret internal detail at /srv/convene/src/x.ts:12");
        });
        app.get("/test/bad-sql", { config: { access: "public" } }, async () => {
          await sql`select * from table_that_does_not_exist_xyz`.execute(app.services.db);
          return {};
        });
      },
    });
  });
  after(() => t.close());

  for (const url of ["/test/boom", "/test/bad-sql"]) {
    test(`${url}: a 500 with a request id, no stack trace, no SQL`, async () => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 500);
      assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
      const body = res.json();
      assert.equal(body.code, "INTERNAL_ERROR");
      assert.match(body.requestId, /^[0-9a-f-]{36}$/);
      assert.doesNotMatch(res.body, /secret internal|\.ts:|table_that_does_not_exist|select|stack/i);
      const page = await t.app.inject({ url, headers: { accept: "text/html" } });
      assert.equal(page.statusCode, 500);
      assert.match(page.body, /Request reference/);
      assert.doesNotMatch(page.body, /secret internal|table_that_does_not_exist/);
    });
  }

  test("the audit log is the secretariat's only, and renders what was recorded escaped", async () => {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const someone = await buildUser(t.db);
    await audit(t.db, null, {
      action: "organisation.updated",
      objectType: "organisation",
      objectId: "x",
      after: { name: "<script>alert('x')</script><img src=x onerror=alert(1)>" },
    });
    const forbidden = await (await TestClient.as(t, someone.id)).get("/api/v1/audit");
    assert.equal(forbidden.statusCode, 403);
    const anonymous = await TestClient.anonymous(t).get("/api/v1/audit");
    assert.equal(anonymous.statusCode, 401);
    const page = await (await TestClient.as(t, secretariat.id)).page("/admin/audit");
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
    assert.match(page.body, /&lt;script>alert/);
  });
});
