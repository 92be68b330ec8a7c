/**
 * Every registered route, called as each of five people, answers the status its module declares;
 * a route that no module lists fails the test.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { accountMatrix } from "../../src/modules/accounts/accounts.matrix.js";
import { accreditationMatrix } from "../../src/modules/accreditation/accreditation.matrix.js";
import { organisationMatrix } from "../../src/modules/organisations/organisations.matrix.js";
import { schedulingMatrix } from "../../src/modules/scheduling/scheduling.matrix.js";
import { sessionMatrix } from "../../src/modules/sessions/sessions.matrix.js";
import { sideEventMatrix } from "../../src/modules/side-events/side-events.matrix.js";
import { platformMatrix } from "../../src/platform/platform.matrix.js";
import { TestClient } from "../support/client.js";
import { createTestApp, type TestContext } from "../support/harness.js";
import { buildWorld, type MatrixEntry, roles } from "../support/matrix.js";

const entries: MatrixEntry[] = [
  ...platformMatrix,
  ...accountMatrix,
  ...organisationMatrix,
  ...sessionMatrix,
  ...accreditationMatrix,
  ...sideEventMatrix,
  ...schedulingMatrix,
];

describe("authorisation matrix", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("every registered route has an expected answer for every role", () => {
    const listed = new Set(entries.map((e) => `${e.method} ${e.route}`));
    const missing = t.app.registeredRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((key, index, all) => all.indexOf(key) === index)
      .filter((key) => !listed.has(key));
    assert.deepEqual(missing, [], `routes without a matrix entry:\n${missing.join("\n")}`);
    const registered = new Set(t.app.registeredRoutes.map((r) => `${r.method} ${r.url}`));
    const stale = [...listed].filter((key) => !registered.has(key));
    assert.deepEqual(stale, [], `matrix entries for routes that do not exist:\n${stale.join("\n")}`);
  });

  for (const entry of entries) {
    test(`${entry.method} ${entry.route}`, async () => {
      const failures: string[] = [];
      for (const role of roles) {
        const world = await buildWorld(t);
        const request = await entry.setup(t, world);
        const client =
          role === "anonymous" ? TestClient.anonymous(t) : await TestClient.as(t, world[role].id);
        const headers = { ...(entry.html ? { accept: "text/html" } : {}), ...request.headers };
        const res = await client.request(entry.method, request.url, {
          json: entry.method === "GET" || entry.method === "DELETE" ? undefined : (request.body ?? {}),
          headers,
        });
        const got = res.statusCode;
        const want = entry.expect[role];
        // A page asked anonymously redirects to sign-in instead of answering 401.
        const ok = got === want || (want === 401 && entry.html && entry.method === "GET" && got === 303);
        if (!ok) failures.push(`${role}: expected ${want}, got ${got} ${res.body.slice(0, 200)}`);
      }
      assert.deepEqual(failures, []);
    });
  }
});
