import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { firstRunSetupLink } from "./accounts.service.js";
import { browser } from "./accounts.testing.js";

describe("accounts: the first secretariat account", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: "true" } });
  });
  after(() => t.close());

  const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";

  test("a fresh instance prints a one-time link; only the newest link works", async () => {
    const first = await firstRunSetupLink(t.services);
    assert.match(first ?? "", /^http:\/\/convene\.test\/setup\?token=[\w-]{40,}$/);
    const second = await firstRunSetupLink(t.services);
    assert.ok(second);
    assert.notEqual(second, first);
    const rows = await t.db.selectFrom("account_tokens").selectAll().where("purpose", "=", "setup").execute();
    assert.equal(rows.filter((r) => r.used_at === null).length, 1, "one pending setup token at a time");
    assert.equal((await browser(t).page(`/setup?token=${tokenOf(first!)}`)).statusCode, 400);
    assert.equal((await browser(t).page(`/setup?token=${tokenOf(second!)}`)).statusCode, 200);
    assert.equal((await browser(t).page("/setup")).statusCode, 400);
  });

  test("the link creates a verified secretariat account, signs it in, and then never works again", async () => {
    const link = await firstRunSetupLink(t.services);
    const token = tokenOf(link!);
    const b = browser(t);
    const form = await b.page(`/setup?token=${token}`);
    assert.equal(form.statusCode, 200);

    const short = await b.submit("/setup", {
      token,
      displayName: "Head of Secretariat",
      email: "secretariat@unodc.example",
      password: "short",
      preferredLanguage: "fr",
    });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /value="secretariat@unodc.example"/);

    const res = await b.submit("/setup", {
      token,
      displayName: "Head of Secretariat",
      email: "secretariat@unodc.example",
      password: "a long enough password",
      preferredLanguage: "fr",
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/admin/users");
    await b.refreshCsrf();
    const users = await b.page("/admin/users");
    assert.equal(users.statusCode, 200);
    assert.match(users.body, /<html lang="fr"/);

    const row = await t.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", "secretariat@unodc.example")
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.roles, ["secretariat"]);
    assert.ok(row.email_verified_at);

    const again = await browser(t).post("/api/v1/auth/setup", {
      token,
      displayName: "Intruder",
      email: "intruder@example.org",
      password: "a long enough password",
      preferredLanguage: "en",
    });
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().code, "TOKEN_INVALID");
    assert.equal(await firstRunSetupLink(t.services), null);
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "user.setup_secretariat")
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(audit.after), /argon2|token/);
  });
});
