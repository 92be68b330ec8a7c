import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { buildUser, TEST_PASSWORD, unique } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { LANG_COOKIE } from "../../platform/auth.js";
import { browser, lastMailTo } from "./accounts.testing.js";

describe("accounts: my account, and the secretariat's management of accounts", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: "true" } });
  });
  after(() => t.close());

  const sessions = (userId: string) =>
    t.db.selectFrom("user_sessions").select("id").where("user_id", "=", userId).execute();

  test("the account page changes the name and the language, and the UI follows at once", async () => {
    const user = await buildUser(t.db);
    const me = await TestClient.as(t, user.id);
    const page = await me.page("/account");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<html lang="en"/);

    const res = await me.submit("/account", { displayName: "Анна Петрова", preferredLanguage: "ru" });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/account?done=profile");
    assert.equal(me.cookies.get(LANG_COOKIE), "ru");
    const after = await me.page("/account?done=profile");
    assert.match(after.body, /<html lang="ru"/);
    assert.match(after.body, /Профиль сохранен/);
    assert.match(after.body, /value="Анна Петрова"/);

    const invalid = await me.submit("/account", { displayName: "", preferredLanguage: "xx" });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /id="displayName-error"/);
    assert.match(invalid.body, /id="preferredLanguage-error"/);

    const api = await me.patch("/api/v1/account", { preferredLanguage: "ar" });
    assert.equal(api.statusCode, 200);
    assert.equal(api.json().preferredLanguage, "ar");
    assert.equal(api.json().displayName, "Анна Петрова");
    assert.equal(me.cookies.get(LANG_COOKIE), "ar");
    assert.equal((await me.patch("/api/v1/account", {})).statusCode, 400);
    assert.equal((await me.patch("/api/v1/account", { email: "x@example.org" })).statusCode, 400);

    const audit = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", user.id).execute();
    assert.equal(audit.filter((a) => a.action === "user.profile_updated").length, 2);
  });

  test("changing the password needs the current one and ends the other sessions only", async () => {
    const user = await buildUser(t.db);
    const me = await TestClient.as(t, user.id);
    const other = await TestClient.as(t, user.id);

    const wrong = await me.submit("/account/password", {
      currentPassword: "not it",
      newPassword: "a brand new password",
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /id="currentPassword-error"/);
    assert.equal((await other.get("/api/v1/account")).statusCode, 200);

    const ok = await me.submit("/account/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await me.get("/api/v1/account")).statusCode, 200);
    assert.equal((await other.get("/api/v1/account")).statusCode, 401);
    assert.equal((await lastMailTo(t, user.email, "accounts.passwordChanged")).language, "en");

    const api = await me.post("/api/v1/account/password", {
      currentPassword: "a brand new password",
      newPassword: "the third password",
    });
    assert.equal(api.statusCode, 204);
    const signIn = await browser(t).post("/api/v1/auth/sign-in", {
      email: user.email,
      password: "the third password",
    });
    assert.equal(signIn.statusCode, 200);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", user.id).execute();
    assert.doesNotMatch(JSON.stringify(audit), /\$argon2/);
  });

  test("the secretariat lists and searches accounts, page by page", async () => {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const tag = unique("searchable");
    for (let i = 0; i < 3; i++) await buildUser(t.db, { email: `${tag}-${i}@example.org` });
    await buildUser(t.db, { name: `Named ${tag}` });
    const admin = await TestClient.as(t, secretariat.id);

    const res = await admin.get(`/api/v1/admin/users?q=${tag}&pageSize=2`);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.total, 4);
    assert.equal(body.items.length, 2);
    assert.equal(body.items[0].password_hash, undefined);
    assert.deepEqual(Object.keys(body.items[0]).sort(), [
      "createdAt",
      "disabled",
      "displayName",
      "email",
      "emailVerified",
      "id",
      "preferredLanguage",
      "roles",
    ]);
    const second = await admin.get(`/api/v1/admin/users?q=${tag}&pageSize=2&page=2`);
    assert.equal(second.json().items.length, 2);

    // LIKE wildcards are searched literally.
    assert.equal((await admin.get("/api/v1/admin/users?q=%25%25%25_")).json().total, 0);

    const page = await admin.page(`/admin/users?q=${tag}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`${tag}-0@example.org`));
  });

  test("disabling an account ends its access on the very next request; enabling restores sign-in", async () => {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const user = await buildUser(t.db);
    const admin = await TestClient.as(t, secretariat.id);
    const victim = await TestClient.as(t, user.id);
    assert.equal((await victim.get("/api/v1/account")).statusCode, 200);

    const page = await admin.page(`/admin/users/${user.id}`);
    assert.equal(page.statusCode, 200);
    const res = await admin.submit(`/admin/users/${user.id}`, {
      status: "disabled",
      roles: ["reviewer", "trustee"],
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/users/${user.id}?saved=1`);
    assert.equal((await victim.get("/api/v1/account")).statusCode, 401);
    assert.equal((await sessions(user.id)).length, 0);

    const row = await t.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.disabled_at);
    assert.deepEqual(row.roles, ["reviewer", "trustee"]);
    const entry = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("object_id", "=", user.id)
      .where("action", "=", "user.access_changed")
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_id, secretariat.id);
    assert.deepEqual(entry.before, { roles: [], disabled: false });
    assert.deepEqual(entry.after, { roles: ["reviewer", "trustee"], disabled: true });

    const enabled = await admin.patch(`/api/v1/admin/users/${user.id}`, {
      disabled: false,
      roles: ["trustee"],
    });
    assert.equal(enabled.statusCode, 200);
    assert.equal(enabled.json().disabled, false);
    assert.deepEqual(enabled.json().roles, ["trustee"]);
    const back = await browser(t).post("/api/v1/auth/sign-in", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    assert.equal(back.statusCode, 200);
    assert.deepEqual(back.json().user.roles, ["trustee"]);
  });

  test("granting the secretariat role takes effect on the next request; nobody can lock themselves out", async () => {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const user = await buildUser(t.db);
    const admin = await TestClient.as(t, secretariat.id);
    const them = await TestClient.as(t, user.id);
    assert.equal((await them.get("/api/v1/admin/users")).statusCode, 403);
    await admin.patch(`/api/v1/admin/users/${user.id}`, { roles: ["secretariat"] });
    assert.equal((await them.get("/api/v1/admin/users")).statusCode, 200);

    const self = await admin.patch(`/api/v1/admin/users/${secretariat.id}`, { disabled: true });
    assert.equal(self.statusCode, 409);
    assert.equal(self.json().code, "CANNOT_CHANGE_OWN_ACCESS");
    const demote = await admin.submit(`/admin/users/${secretariat.id}`, {
      status: "active",
      roles: ["reviewer"],
    });
    assert.equal(demote.statusCode, 409);
    assert.match(demote.body, /id="status-error"/);
    assert.match(demote.body, /value="reviewer" checked/);

    await admin.patch(`/api/v1/admin/users/${user.id}`, { roles: [] });
    assert.equal((await them.get("/api/v1/admin/users")).statusCode, 403);
  });

  test("unknown ids are 404; bodies are strict; the rest is forbidden to others", async () => {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const admin = await TestClient.as(t, secretariat.id);
    assert.equal(
      (await admin.get("/api/v1/admin/users/00000000-0000-4000-8000-000000000000")).statusCode,
      404,
    );
    assert.equal((await admin.get("/api/v1/admin/users/not-a-uuid")).statusCode, 404);
    const user = await buildUser(t.db);
    const bad = await admin.patch(`/api/v1/admin/users/${user.id}`, { roles: ["king"] });
    assert.equal(bad.statusCode, 400);
    const extra = await admin.patch(`/api/v1/admin/users/${user.id}`, {
      disabled: true,
      email: "x@example.org",
    });
    assert.equal(extra.statusCode, 400);
    const other = await TestClient.as(t, user.id);
    assert.equal(
      (await other.patch(`/api/v1/admin/users/${user.id}`, { roles: ["secretariat"] })).statusCode,
      403,
    );
  });
});
