/**
 * Runs the accounts part of the authorisation matrix on its own (the platform's matrix test runs
 * every module's), and checks that every accounts route has an entry.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildWorld, roles } from "../../../test/support/matrix.js";
import { accountMatrix } from "./accounts.matrix.js";

const ours =
  /^\/(sign-|verify-email|resend-verification|password-reset|setup|account|admin\/users|api\/v1\/(auth|account|admin\/users))/;

describe("accounts: authorisation matrix", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("every accounts route has exactly one entry", () => {
    const registered = t.app.registeredRoutes
      .filter((r) => ours.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    const listed = accountMatrix.map((e) => `${e.method} ${e.route}`);
    assert.deepEqual([...listed].sort(), [...registered].sort());
    assert.equal(new Set(listed).size, listed.length);
  });

  for (const entry of accountMatrix) {
    test(`${entry.method} ${entry.route}`, async () => {
      // One world per route, shared by the five calls: entries must not depend on a pristine one.
      const world = await buildWorld(t);
      for (const role of roles) {
        const request = await entry.setup(t, world);
        const client =
          role === "anonymous" ? TestClient.anonymous(t) : await TestClient.as(t, world[role].id);
        const res = await client.request(entry.method, request.url, {
          json: entry.method === "GET" ? undefined : (request.body ?? {}),
          headers: { ...(entry.html ? { accept: "text/html" } : {}), ...request.headers },
        });
        assert.equal(res.statusCode, entry.expect[role], `${role}: ${res.body.slice(0, 300)}`);
      }
    });
  }
});
