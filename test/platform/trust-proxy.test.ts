/** Forwarded headers count only when they come from a proxy named in TRUST_PROXY. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { App } from "../../src/platform/http.js";
import { createTestApp } from "../support/harness.js";

const ipRoute = async (app: App) => {
  app.get("/test/ip", { config: { access: "public" } }, async (request) => ({ ip: request.ip }));
};

test("without TRUST_PROXY a forged X-Forwarded-For is ignored", async () => {
  const t = await createTestApp({ extraRoutes: ipRoute });
  const res = await t.app.inject({ url: "/test/ip", headers: { "x-forwarded-for": "203.0.113.7" } });
  assert.equal(res.json().ip, "127.0.0.1");
  await t.close();
});

test("with TRUST_PROXY naming the proxy, the client address is taken from X-Forwarded-For", async () => {
  const t = await createTestApp({ env: { TRUST_PROXY: "127.0.0.1" }, extraRoutes: ipRoute });
  const res = await t.app.inject({ url: "/test/ip", headers: { "x-forwarded-for": "203.0.113.7" } });
  assert.equal(res.json().ip, "203.0.113.7");
  const other = await createTestApp({ env: { TRUST_PROXY: "10.0.0.1" }, extraRoutes: ipRoute });
  const untrusted = await other.app.inject({
    url: "/test/ip",
    headers: { "x-forwarded-for": "203.0.113.7" },
  });
  assert.equal(untrusted.json().ip, "127.0.0.1", "a proxy not named is not trusted");
  await t.close();
  await other.close();
});
