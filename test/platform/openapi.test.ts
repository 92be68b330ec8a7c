/** The OpenAPI 3.1 document describes every /api/v1 route and is itself valid. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { createTestApp, type TestContext } from "../support/harness.js";

describe("OpenAPI document", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("validates against the OpenAPI 3.1 schema", async () => {
    const spec = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    const result = await new Validator().validate(spec);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2)?.slice(0, 2000));
  });

  test("lists every API route and no page", async () => {
    const spec = (await t.app.inject({ url: "/api/v1/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const apiRoutes = t.app.registeredRoutes
      .filter((r) => r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json")
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
    const missing = apiRoutes.filter((r) => !documented.has(r));
    assert.deepEqual(missing, []);
    for (const path of Object.keys(spec.paths)) assert.ok(path.startsWith("/api/v1/"), path);
  });
});
