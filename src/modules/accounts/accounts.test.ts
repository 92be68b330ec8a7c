import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { buildUser, TEST_PASSWORD, unique } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { hashToken, SESSION_COOKIE } from "../../platform/auth.js";
import { safeRedirectPath } from "./accounts.service.js";
import { browser, lastMailTo, linkToken, mailsTo } from "./accounts.testing.js";

const HOUR = 3_600_000;
const email = () => `${unique("ana")}@example.org`;

describe("accounts: sign-up, verification, sign-in, sign-out, reset", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: "true" } });
  });
  after(() => t.close());

  async function sessionRows(userId: string) {
    return t.db.selectFrom("user_sessions").select("id").where("user_id", "=", userId).execute();
  }

  async function signInForm(
    b: ReturnType<typeof browser>,
    address: string,
    password = TEST_PASSWORD,
    next?: string,
  ) {
    await b.page("/sign-in");
    return b.submit("/sign-in", { email: address, password, ...(next === undefined ? {} : { next }) });
  }

  test("safeRedirectPath keeps same-origin paths only", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil",
      "https://evil",
      "/\t/evil",
      "/\n/evil",
      "evil",
      "",
      "/a\\b",
    ]) {
      assert.equal(safeRedirectPath(bad), "/", JSON.stringify(bad));
    }
    assert.equal(safeRedirectPath("/organisations?q=vienna#top"), "/organisations?q=vienna#top");
    assert.equal(safeRedirectPath(undefined), "/");
  });

  test("sign-up hashes the password, mails a verification link in the chosen language, and verifies once", async () => {
    const b = browser(t);
    await b.page("/sign-up");
    const address = email();
    const res = await b.submit("/sign-up", {
      displayName: "Amélie Durand",
      email: address.toUpperCase(),
      password: "un mot de passe assez long",
      preferredLanguage: "fr",
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/sign-up?sent=1");
    assert.equal(b.session, undefined, "sign-up does not sign in: its answer must not depend on the address");

    const user = await t.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", address)
      .executeTakeFirstOrThrow();
    assert.equal(user.email, address, "addresses are kept in lower case");
    assert.match(user.password_hash ?? "", /^\$argon2id\$/);
    assert.equal(user.email_verified_at, null);
    assert.equal(user.preferred_language, "fr");

    const mail = await lastMailTo(t, address, "accounts.verifyEmail");
    assert.equal(mail.language, "fr");
    assert.match(mail.subject, /Confirmez votre adresse/);
    const token = linkToken(mail.text_body, "/verify-email");
    const stored = await t.db
      .selectFrom("account_tokens")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.token_hash, hashToken(token), "the token is stored hashed");
    assert.equal(stored[0]?.expires_at.getTime(), t.clock.now().getTime() + 48 * HOUR);

    const verified = await b.page(`/verify-email?token=${token}`);
    assert.equal(verified.statusCode, 200);
    const after = await t.db
      .selectFrom("users")
      .select("email_verified_at")
      .where("id", "=", user.id)
      .executeTakeFirst();
    assert.ok(after?.email_verified_at);
    const again = await b.page(`/verify-email?token=${token}`);
    assert.equal(again.statusCode, 400, "single use");
    const audit = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", user.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ["user.email_verified", "user.signed_up"]);
    assert.doesNotMatch(JSON.stringify(audit), /argon2|password_hash/);
  });

  test("sign-up carries `next` (same-origin only) through the confirmation mail and sign-in", async () => {
    const invitation = "/invitations/abcdefghijklmnopqrstuvwxyz";
    const b = browser(t);
    const form = await b.page(`/sign-up?next=${encodeURIComponent(invitation)}`);
    assert.match(form.body, new RegExp(`name="next" value="${invitation}"`));
    assert.match(form.body, new RegExp(`href="/sign-in\\?next=${encodeURIComponent(invitation)}"`));
    const address = email();
    const res = await b.submit("/sign-up", {
      displayName: "Invited Person",
      email: address,
      password: "a long enough password",
      preferredLanguage: "en",
      next: invitation,
    });
    assert.equal(res.statusCode, 303);
    const body = (await lastMailTo(t, address, "accounts.verifyEmail")).text_body;
    const link = new URL(String(body.match(/http:\/\/convene\.test\/verify-email\?\S+/)?.[0]));
    assert.equal(link.searchParams.get("next"), invitation);
    const verified = await b.page(`${link.pathname}${link.search}`);
    assert.equal(verified.statusCode, 200);
    assert.match(verified.body, new RegExp(`href="/sign-in\\?next=${encodeURIComponent(invitation)}"`));
    const signedIn = await signInForm(b, address, "a long enough password", invitation);
    assert.equal(signedIn.headers.location, invitation);

    // Another site is never a destination: not in the form, not in the mail, not after confirming.
    const c = browser(t);
    const evil = "//evil.example/x";
    assert.doesNotMatch((await c.page(`/sign-up?next=${encodeURIComponent(evil)}`)).body, /name="next"/);
    const other = email();
    await c.submit("/sign-up", {
      displayName: "Another Person",
      email: other,
      password: "a long enough password",
      preferredLanguage: "en",
      next: evil,
    });
    const otherBody = (await lastMailTo(t, other, "accounts.verifyEmail")).text_body;
    assert.doesNotMatch(otherBody, /next=/);
    const token = linkToken(otherBody, "/verify-email");
    const tampered = await c.page(
      `/verify-email?token=${token}&next=${encodeURIComponent("https://evil.example")}`,
    );
    assert.equal(tampered.statusCode, 200);
    const main = String(tampered.body.match(/<main[\s\S]*<\/main>/)?.[0]);
    assert.match(main, /href="\/sign-in"/);
    assert.doesNotMatch(main, /evil\.example/);
  });

  test("a verification link expires after 48 hours", async () => {
    const address = email();
    const api = browser(t);
    const res = await api.post("/api/v1/auth/sign-up", {
      displayName: "Late Reader",
      email: address,
      password: "a long enough password",
      preferredLanguage: "en",
    });
    assert.equal(res.statusCode, 202);
    const token = linkToken(
      (await lastMailTo(t, address, "accounts.verifyEmail")).text_body,
      "/verify-email",
    );
    t.clock.advance(48 * HOUR + 1000);
    try {
      const late = await api.post("/api/v1/auth/verify-email", { token });
      assert.equal(late.statusCode, 400);
      assert.equal(late.json().code, "TOKEN_INVALID");
    } finally {
      t.clock.advance(-(48 * HOUR + 1000));
    }
  });

  test("sign-up gives the same answer for an existing address and mails its owner instead", async () => {
    const owner = await buildUser(t.db, { language: "ru" });
    const fresh = email();
    const body = (address: string) => ({
      displayName: "Someone",
      email: address,
      password: "a long enough password",
      preferredLanguage: "en",
    });

    const b1 = browser(t);
    await b1.page("/sign-up");
    const b2 = browser(t);
    await b2.page("/sign-up");
    const a = await b1.submit("/sign-up", body(fresh));
    const b = await b2.submit("/sign-up", body(owner.email));
    assert.equal(a.statusCode, b.statusCode);
    assert.equal(a.headers.location, b.headers.location);
    assert.equal(a.body, b.body);

    const apiA = await browser(t).post("/api/v1/auth/sign-up", body(email()));
    const apiB = await browser(t).post("/api/v1/auth/sign-up", body(owner.email));
    assert.equal(apiA.statusCode, 202);
    assert.equal(apiB.statusCode, 202);
    assert.equal(apiA.body, apiB.body);

    const count = await t.db.selectFrom("users").select("id").where("email", "=", owner.email).execute();
    assert.equal(count.length, 1);
    const mails = await mailsTo(t, owner.email);
    assert.deepEqual(
      mails.map((m) => m.template),
      ["accounts.signUpExisting", "accounts.signUpExisting"],
    );
    assert.equal(mails[0]?.language, "ru");
    assert.match(mails[0]?.text_body ?? "", /http:\/\/convene\.test\/password-reset/);
    const owned = await t.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", owner.id)
      .executeTakeFirst();
    const before = await buildUser(t.db); // the owner's password hash did not change: same as every test user
    assert.equal(owned?.password_hash, before.password_hash);
  });

  test("sign-up re-shows the form with per-field errors and what was typed", async () => {
    const b = browser(t);
    await b.page("/sign-up?lang=es");
    const res = await b.submit("/sign-up", {
      displayName: "Lucía",
      email: "not-an-address",
      password: "short",
      preferredLanguage: "es",
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /value="Lucía"/);
    assert.match(res.body, /value="not-an-address"/);
    assert.match(res.body, /id="email-error"/);
    assert.match(res.body, /Escriba al menos 10 caracteres/);
    assert.doesNotMatch(res.body, /value="short"/);
  });

  test("signing in issues a new session each time and deletes the one the browser carried", async () => {
    const user = await buildUser(t.db);
    const b = browser(t);
    const first = await signInForm(b, user.email);
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, "/");
    const cookie = first.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, "Lax");
    assert.equal(cookie?.path, "/");
    assert.equal(cookie?.maxAge, 14 * 86_400);
    const firstToken = b.session!;
    await b.refreshCsrf();

    const second = await signInForm(b, user.email);
    assert.equal(second.statusCode, 303);
    assert.notEqual(b.session, firstToken);
    const old = await t.app.inject({
      url: "/api/v1/account",
      headers: { cookie: `${SESSION_COOKIE}=${firstToken}` },
    });
    assert.equal(old.statusCode, 401, "the previous session no longer works");
    assert.equal((await sessionRows(user.id)).length, 1);

    // A session planted in the browser (here: another account's) is deleted by signing in.
    const victim = await buildUser(t.db);
    const planted = await TestClient.as(t, victim.id);
    const b2 = browser(t);
    b2.cookies.set(SESSION_COOKIE, planted.cookies.get(SESSION_COOKIE)!);
    b2.csrfToken = planted.csrfToken;
    const res = await b2.post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user.email, user.email);
    assert.ok(res.json().csrfToken);
    assert.equal(res.json().user.password_hash, undefined);
    assert.equal((await sessionRows(victim.id)).length, 0);
  });

  test("wrong passwords and unknown addresses get the same answer; the form keeps the address", async () => {
    const user = await buildUser(t.db);
    const b = browser(t);
    const wrong = await signInForm(b, user.email, "not the password");
    const unknown = await signInForm(b, email(), "not the password");
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.match(wrong.body, new RegExp(`value="${user.email}"`));
    assert.match(wrong.body, /The e-mail address or the password is not correct/);
    assert.doesNotMatch(wrong.body, /not the password/);
    const api = await browser(t).post("/api/v1/auth/sign-in", { email: user.email, password: "nope" });
    assert.equal(api.statusCode, 401);
    assert.equal(api.json().code, "INVALID_CREDENTIALS");
  });

  test("after sign-in only same-origin paths are followed", async () => {
    const user = await buildUser(t.db);
    for (const next of ["//evil.example", "/\\evil", "https://evil", "/\t/evil.example"]) {
      const res = await signInForm(browser(t), user.email, TEST_PASSWORD, next);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, "/", next);
    }
    const ok = await signInForm(browser(t), user.email, TEST_PASSWORD, "/organisations?q=alliance");
    assert.equal(ok.headers.location, "/organisations?q=alliance");
    const page = await browser(t).page(`/sign-in?next=${encodeURIComponent("//evil.example")}`);
    assert.match(page.body, /name="next" value="\/"/);
  });

  test("an unverified account signs in, is told so, and can ask for a new link", async () => {
    const user = await buildUser(t.db, { verified: false, language: "zh" });
    const b = browser(t);
    const res = await signInForm(b, user.email, TEST_PASSWORD, "/sessions");
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/account?continue=${encodeURIComponent("/sessions")}`);
    await b.refreshCsrf();
    const page = await b.page(res.headers.location as string);
    assert.match(page.body, /action="\/resend-verification"/);
    assert.match(page.body, /href="\/sessions"/);
    const session = await b.get("/api/v1/auth/session");
    assert.equal(session.json().user.emailVerified, false);

    const resend = await b.submit("/resend-verification", {});
    assert.equal(resend.statusCode, 303);
    const mail = await lastMailTo(t, user.email, "accounts.verifyEmail");
    assert.equal(mail.language, "zh");
    const token = linkToken(mail.text_body, "/verify-email");
    const ok = await b.post("/api/v1/auth/verify-email", { token });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().emailVerified, true);
  });

  test("a disabled account cannot sign in", async () => {
    const user = await buildUser(t.db);
    await t.db.updateTable("users").set({ disabled_at: new Date() }).where("id", "=", user.id).execute();
    const res = await browser(t).post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, "ACCOUNT_DISABLED");
    const wrong = await browser(t).post("/api/v1/auth/sign-in", {
      email: user.email,
      password: "wrong password",
    });
    assert.equal(wrong.json().code, "INVALID_CREDENTIALS", "nothing is told without the right password");
  });

  test("signing out deletes the session on the server and clears the cookie", async () => {
    const user = await buildUser(t.db);
    const b = browser(t);
    await signInForm(b, user.email);
    const token = b.session!;
    await b.refreshCsrf();
    const res = await b.submit("/sign-out", {});
    assert.equal(res.statusCode, 303);
    assert.equal(b.session, undefined);
    assert.equal((await sessionRows(user.id)).length, 0);
    const replay = await t.app.inject({
      url: "/api/v1/account",
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    assert.equal(replay.statusCode, 401);

    const api = await TestClient.as(t, user.id);
    assert.equal((await api.post("/api/v1/auth/sign-out")).statusCode, 204);
    assert.equal((await sessionRows(user.id)).length, 0);
  });

  test("CSRF: the sign-in form needs its token, and a cross-site sign-in is refused", async () => {
    const user = await buildUser(t.db);
    const b = browser(t);
    await b.page("/sign-in");
    const none = await b.request("POST", "/sign-in", {
      form: { email: user.email, password: TEST_PASSWORD },
      headers: { accept: "text/html" },
      csrf: false,
    });
    assert.equal(none.statusCode, 403);
    const forged = await b.request("POST", "/sign-in", {
      form: { _csrf: "x".repeat(43), email: user.email, password: TEST_PASSWORD },
      csrf: false,
    });
    assert.equal(forged.statusCode, 403);
    const crossSite = await browser(t).request("POST", "/api/v1/auth/sign-in", {
      form: { email: user.email, password: TEST_PASSWORD },
      headers: { "sec-fetch-site": "cross-site" },
    });
    assert.equal(crossSite.statusCode, 403);
    assert.equal((await sessionRows(user.id)).length, 0);
  });

  test("GET /api/v1/auth/session gives an anonymous client a CSRF token that it must then echo", async () => {
    const user = await buildUser(t.db);
    const b = browser(t);
    const res = await b.get("/api/v1/auth/session");
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user, null);
    const token = res.json().csrfToken;
    assert.ok(token.length >= 20);
    const without = await b.request("POST", "/api/v1/auth/sign-in", {
      json: { email: user.email, password: TEST_PASSWORD },
      csrf: false,
    });
    assert.equal(without.statusCode, 403);
    b.csrfToken = token;
    const signed = await b.post("/api/v1/auth/sign-in", { email: user.email, password: TEST_PASSWORD });
    assert.equal(signed.statusCode, 200);
    b.csrfToken = signed.json().csrfToken;
    const me = await b.get("/api/v1/auth/session");
    assert.equal(me.json().user.id, user.id);
    assert.equal(me.json().csrfToken, signed.json().csrfToken);
  });

  test("sign-in is rate limited per account and per address, with Retry-After", async () => {
    const user = await buildUser(t.db);
    const b = browser(t);
    for (let i = 0; i < 10; i++) {
      const res = await b.post("/api/v1/auth/sign-in", { email: user.email, password: "wrong password" });
      assert.equal(res.statusCode, 401);
    }
    const limited = await browser(t).post("/api/v1/auth/sign-in", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    assert.equal(limited.statusCode, 429, "even from another address, even with the right password");
    assert.equal(limited.json().code, "RATE_LIMITED");
    assert.ok(Number(limited.headers["retry-after"]) > 0);
    const keys = (await t.db.selectFrom("rate_limits").select("key").execute()).map((r) => r.key);
    assert.ok(keys.some((k) => k.startsWith("signin:account:")));
    assert.ok(!keys.some((k) => k.includes(user.email)), "the table keeps no e-mail address in clear");

    const form = browser(t);
    await form.page("/sign-in");
    const page = await form.submit("/sign-in", { email: user.email, password: TEST_PASSWORD });
    assert.equal(page.statusCode, 429);
    assert.ok(page.headers["retry-after"]);
    assert.match(page.body, new RegExp(`value="${user.email}"`));

    const one = browser(t);
    for (let i = 0; i < 30; i++) {
      const res = await one.post("/api/v1/auth/sign-in", { email: email(), password: "wrong password" });
      assert.equal(res.statusCode, 401);
    }
    const perIp = await one.post("/api/v1/auth/sign-in", { email: email(), password: "wrong password" });
    assert.equal(perIp.statusCode, 429);
  });

  test("sign-up and reset requests are rate limited per target address", async () => {
    const address = email();
    const body = {
      displayName: "Repeat",
      email: address,
      password: "a long enough password",
      preferredLanguage: "en",
    };
    for (let i = 0; i < 3; i++)
      assert.equal((await browser(t).post("/api/v1/auth/sign-up", body)).statusCode, 202);
    const limited = await browser(t).post("/api/v1/auth/sign-up", body);
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.headers["retry-after"]);

    for (let i = 0; i < 5; i++) {
      assert.equal(
        (await browser(t).post("/api/v1/auth/password-reset", { email: address })).statusCode,
        202,
      );
    }
    assert.equal((await browser(t).post("/api/v1/auth/password-reset", { email: address })).statusCode, 429);
  });

  test("password reset: same answer, a one-hour single-use link, all sessions ended, signed in afresh", async () => {
    const user = await buildUser(t.db, { language: "ar", verified: false });
    const other = await TestClient.as(t, user.id);
    const b = browser(t);
    await b.page("/password-reset");
    const known = await b.submit("/password-reset", { email: user.email });
    const unknownAddress = email();
    const unknown = await b.submit("/password-reset", { email: unknownAddress });
    assert.equal(known.statusCode, 303);
    assert.equal(known.headers.location, unknown.headers.location);
    assert.equal((await mailsTo(t, unknownAddress)).length, 0);

    const mail = await lastMailTo(t, user.email, "accounts.passwordReset");
    assert.equal(mail.language, "ar");
    const token = linkToken(mail.text_body, "/password-reset/confirm");
    const form = await b.page(`/password-reset/confirm?token=${token}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="token"/);

    const short = await b.submit("/password-reset/confirm", { token, password: "short" });
    assert.equal(short.statusCode, 400, "a too-short password shows the form again");

    const res = await b.submit("/password-reset/confirm", { token, password: "a brand new password" });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/account?done=password");
    assert.ok(b.session);
    assert.equal((await other.get("/api/v1/account")).statusCode, 401, "the other session is gone");
    const rows = await sessionRows(user.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.id, hashToken(b.session!));
    const me = await b.get("/api/v1/account");
    assert.equal(me.json().emailVerified, true, "the mailed link proves the address");
    assert.equal((await lastMailTo(t, user.email, "accounts.passwordChanged")).language, "ar");

    const reuse = await browser(t).post("/api/v1/auth/password-reset/confirm", {
      token,
      password: "yet another password",
    });
    assert.equal(reuse.statusCode, 400);
    assert.equal(reuse.json().code, "TOKEN_INVALID");
    const signIn = await browser(t).post("/api/v1/auth/sign-in", {
      email: user.email,
      password: "a brand new password",
    });
    assert.equal(signIn.statusCode, 200);
  });

  test("a reset link expires after one hour", async () => {
    const user = await buildUser(t.db);
    await browser(t).post("/api/v1/auth/password-reset", { email: user.email });
    const token = linkToken(
      (await lastMailTo(t, user.email, "accounts.passwordReset")).text_body,
      "/password-reset/confirm",
    );
    t.clock.advance(HOUR + 1000);
    try {
      assert.equal((await browser(t).page(`/password-reset/confirm?token=${token}`)).statusCode, 400);
      const late = await browser(t).post("/api/v1/auth/password-reset/confirm", {
        token,
        password: "a brand new password",
      });
      assert.equal(late.statusCode, 400);
    } finally {
      t.clock.advance(-(HOUR + 1000));
    }
  });

  test("strict bodies: unknown fields are refused", async () => {
    const res = await browser(t).post("/api/v1/auth/sign-up", {
      displayName: "X",
      email: email(),
      password: "a long enough password",
      preferredLanguage: "en",
      roles: ["secretariat"],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, "VALIDATION_FAILED");
  });
});
