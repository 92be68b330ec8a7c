/**
 * The check-in desk's scan in one round trip (config.deferSession, migrations/0404): the API route
 * leaves the session cookie to accreditation_check_in_batch() (migrations/0405), which must refuse exactly what the hooks
 * refuse — no session, an expired one, a disabled account, a signed-out session, a wrong CSRF
 * header, an account without the secretariat role — and write nothing then; scans that cannot go
 * the one-statement way (a draft session, malformed, forged or other-session codes) settle the
 * session first, so that an account without the role learns nothing about badges.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { AppError } from "../../platform/errors.js";
import { buildSession } from "../sessions/sessions.builders.js";
import { badgeKey, badgeToken } from "./badges.service.js";

describe("check-in desk: one round trip, the same refusals as the hooks", () => {
  let t: TestContext;
  const clock = new TestClock(new Date("2012-08-01T09:00:00Z"));
  before(async () => {
    t = await createTestApp({
      clock,
      // a route that declares a deferred session and forgets to settle it
      extraRoutes: async (app) => {
        app.post(
          "/api/v1/test/deferred-unsettled",
          { config: { access: "secretariat", deferSession: true } },
          async () => ({ ok: true }),
        );
        app.post(
          "/api/v1/test/deferred-settled",
          { config: { access: "secretariat", deferSession: true } },
          async (request) => {
            if (!request.deferredSession) throw new AppError("BAD_REQUEST");
            const actor = await request.deferredSession.settle();
            return { actor: actor?.id };
          },
        );
      },
    });
  });
  after(() => t.close());

  /** A published session running on 15 October 2012 with two approved, badged delegates. */
  async function world(status: "published" | "draft" = "published") {
    clock.set("2012-08-01T09:00:00Z");
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const focal = await buildUser(t.db);
    const member = await buildUser(t.db);
    const org = await buildOrganisation(t.db, { focalPointId: focal.id, ecosocStatus: "special" });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      observerApplicationDeadline: "2012-09-14T23:59",
      agendaItems: [{ number: "2", title: { en: "Trafficking in persons" } }],
    });
    const sec = await TestClient.as(t, secretariat.id);
    const fp = await TestClient.as(t, focal.id);
    const application = await fp.post(
      `/api/v1/organisations/${org.slug}/sessions/${session.slug}/application`,
      {
        relevance: "We assist victims of trafficking.",
        agendaItemIds: [session.agendaItems[0]!.id],
      },
    );
    await sec.post(`/api/v1/applications/${application.json().id}/decision`, { decision: "admit" });
    const ids: string[] = [];
    for (const i of [1, 2]) {
      const d = await fp.post(`/api/v1/organisations/${org.slug}/sessions/${session.slug}/delegates`, {
        fullName: `Desk Delegate ${i}`,
        email: `desk${i}-${Math.random().toString(36).slice(2)}@example.org`,
        nationality: "KE",
        gender: "female",
      });
      assert.equal(d.statusCode, 201, d.body);
      ids.push(d.json().id);
    }
    const decided = await sec.post(`/api/v1/sessions/${session.slug}/delegates/decisions`, {
      ids,
      decision: "approve",
    });
    assert.equal(decided.statusCode, 200, decided.body);
    if (status === "draft") {
      await t.db
        .updateTable("conference_sessions")
        .set({ status: "draft" })
        .where("id", "=", session.id)
        .execute();
      t.services.cache.clear();
    }
    const key = await badgeKey(t.db);
    const badges = await t.db.selectFrom("badges").selectAll().where("delegate_id", "in", ids).execute();
    const tokens = ids.map((id) => {
      const b = badges.find((x) => x.delegate_id === id)!;
      return badgeToken(key, b.id, b.session_id);
    });
    clock.set("2012-10-15T07:30:00Z");
    return {
      session,
      tokens,
      secretariat,
      member,
      sec: await TestClient.as(t, secretariat.id),
      url: `/api/v1/sessions/${session.slug}/checkins`,
    };
  }

  const checkins = async (sessionId: string) =>
    Number(
      (
        await t.db
          .selectFrom("checkins")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("session_id", "=", sessionId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audited = async (actorId: string) =>
    Number(
      (
        await t.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("action", "=", "delegate.checked_in")
          .where("actor_id", "=", actorId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  test("the secretariat's scan is recorded, audited under its account, and counted", async () => {
    const w = await world();
    const first = await w.sec.post(w.url, { code: w.tokens[0] });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().result, "checked_in");
    assert.equal(first.json().checkedInToday, 1);
    const again = await w.sec.post(w.url, { code: w.tokens[0] });
    assert.equal(again.json().result, "already_checked_in");
    assert.equal(await checkins(w.session.id), 1);
    assert.equal(await audited(w.secretariat.id), 1);
  });

  test("refused, and nothing written: no session, expired, signed out, disabled, wrong CSRF header, no role", async () => {
    const w = await world();
    const refused = async (
      client: TestClient,
      status: number,
      code: string,
      headers?: Record<string, string>,
    ) => {
      const res = await client.request("POST", w.url, {
        json: { code: w.tokens[0] },
        headers,
        csrf: headers === undefined, // a header given replaces the client's own token
      });
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().code, code);
    };

    await refused(TestClient.anonymous(t), 401, "UNAUTHENTICATED");

    const stale = await TestClient.as(t, w.secretariat.id);
    stale.cookies.set("convene_session", "not-a-session-token-at-all-xxxxxxxxxxxx");
    await refused(stale, 401, "UNAUTHENTICATED");

    await refused(w.sec, 403, "CSRF_TOKEN_INVALID", { "x-csrf-token": "wrong-token-0123456789abcdef" });
    const other = await TestClient.as(t, w.member.id); // another account's CSRF token
    await refused(w.sec, 403, "CSRF_TOKEN_INVALID", { "x-csrf-token": other.csrfToken! });

    await refused(other, 403, "FORBIDDEN");

    const signedOut = await TestClient.as(t, w.secretariat.id);
    await t.db.deleteFrom("user_sessions").where("user_id", "=", w.secretariat.id).execute();
    await refused(signedOut, 401, "UNAUTHENTICATED");
    await refused(w.sec, 401, "UNAUTHENTICATED");

    const later = await TestClient.as(t, w.secretariat.id);
    clock.set("2012-11-15T07:30:00Z"); // past the session's 14 days
    await refused(later, 401, "UNAUTHENTICATED");
    clock.set("2012-10-15T07:30:00Z");

    const disabled = await TestClient.as(t, w.secretariat.id);
    await t.db
      .updateTable("users")
      .set({ disabled_at: clock.now() })
      .where("id", "=", w.secretariat.id)
      .execute();
    await refused(disabled, 401, "UNAUTHENTICATED");
    await t.db.updateTable("users").set({ disabled_at: null }).where("id", "=", w.secretariat.id).execute();

    assert.equal(await checkins(w.session.id), 0);
    assert.equal(await audited(w.secretariat.id), 0);
    assert.equal(await audited(w.member.id), 0);
  });

  test("an account without the role learns nothing about badges: forged, other-session and malformed codes answer 403", async () => {
    const w = await world();
    const elsewhere = await world();
    const member = await TestClient.as(t, w.member.id);
    const forged = `${w.tokens[0]!.split(".").slice(0, 2).join(".")}.${"A".repeat(43)}`;
    for (const code of [forged, elsewhere.tokens[0]!, "??", "ABCD2345"]) {
      const res = await member.post(w.url, { code });
      assert.equal(res.statusCode, 403, `${code}: ${res.body}`);
      assert.equal(res.json().code, "FORBIDDEN");
    }
    // the secretariat is told what is wrong with each
    assert.equal((await w.sec.post(w.url, { code: forged })).json().code, "BADGE_INVALID");
    assert.equal((await w.sec.post(w.url, { code: elsewhere.tokens[0] })).json().code, "BADGE_OTHER_SESSION");
    assert.equal((await w.sec.post(w.url, { code: "ABCD2345" })).json().code, "BADGE_INVALID");
    assert.equal(await checkins(w.session.id), 0);
  });

  test("a draft session: the secretariat checks in (the session is settled first), others get 403", async () => {
    const w = await world("draft");
    const member = await TestClient.as(t, w.member.id);
    assert.equal((await member.post(w.url, { code: w.tokens[1] })).statusCode, 403);
    const res = await w.sec.post(w.url, { code: w.tokens[1] });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().result, "checked_in");
    assert.equal(await audited(w.secretariat.id), 1);
  });

  test("a handler that leaves its deferred session unsettled answers 500, never its result", async () => {
    const w = await world();
    const unsettled = await w.sec.post("/api/v1/test/deferred-unsettled", {});
    assert.equal(unsettled.statusCode, 500, unsettled.body);
    assert.ok(!unsettled.body.includes('"ok"'));
    const settled = await w.sec.post("/api/v1/test/deferred-settled", {});
    assert.equal(settled.statusCode, 200, settled.body);
    assert.equal(settled.json().actor, w.secretariat.id);
    const member = await TestClient.as(t, w.member.id);
    assert.equal((await member.post("/api/v1/test/deferred-settled", {})).statusCode, 403);
    assert.equal((await TestClient.anonymous(t).post("/api/v1/test/deferred-settled", {})).statusCode, 401);
  });

  test("scans sent together: each answered as if alone, counted once, in the order given", async () => {
    const w = await world();
    const desk = await t.db
      .selectFrom("user_sessions")
      .select(["id", "csrf_token"])
      .where("user_id", "=", w.secretariat.id)
      .orderBy("expires_at", "desc")
      .executeTakeFirstOrThrow();
    const ids = w.tokens.map((token) => token.split(".")[0]!);
    // unknown session; the desk's session with a wrong CSRF token; then the desk's valid scans,
    // the first badge twice; then the member's session (no role)
    const memberDesk = await TestClient.as(t, w.member.id);
    const member = await t.db
      .selectFrom("user_sessions")
      .select(["id", "csrf_token"])
      .where("user_id", "=", w.member.id)
      .orderBy("expires_at", "desc")
      .executeTakeFirstOrThrow();
    assert.ok(memberDesk.csrfToken);
    const scans = [
      ["no-such-session", "x", ids[0]],
      [desk.id, "wrong", ids[0]],
      [desk.id, desk.csrf_token, ids[0]],
      [desk.id, desk.csrf_token, ids[0]],
      [desk.id, desk.csrf_token, ids[1]],
      [member.id, member.csrf_token, ids[1]],
    ] as const;
    const { rows } = await sql<{
      n: number;
      auth: string;
      inserted_at: Date | null;
      first_at: Date | null;
      today: number;
    }>`
      select n, auth, inserted_at, first_at, today from accreditation_check_in_batch(
        ${scans.map((s) => s[2])}::uuid[], ${scans.map(() => null)}::text[],
        ${scans.map(() => w.session.id)}::uuid[], ${scans.map(() => "2012-10-15")}::date[],
        ${scans.map(() => clock.now())}::timestamptz[], ${scans.map(() => null)}::uuid[],
        ${scans.map((s) => s[0])}::text[], ${scans.map((s) => s[1])}::text[],
        ${scans.map(() => null)}::text[], ${scans.map(() => null)}::text[])
    `.execute(t.db);
    assert.deepEqual(
      rows.map((r) => [r.n, r.auth, r.inserted_at !== null, r.first_at !== null]),
      [
        [1, "unauthenticated", false, false],
        [2, "csrf", false, false],
        [3, "ok", true, true],
        [4, "ok", false, true],
        [5, "ok", true, true],
        [6, "forbidden", false, false],
      ],
    );
    assert.deepEqual(
      rows.slice(2, 5).map((r) => r.today),
      [1, 1, 2],
    );
    assert.equal(await checkins(w.session.id), 2);
    assert.equal(await audited(w.secretariat.id), 2);
  });

  test("30 desks scanning the same two badges at once: two check-ins, two audit rows, a count of two", async () => {
    const w = await world();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => w.sec.post(w.url, { code: w.tokens[i % 2] })),
    );
    for (const res of answers) assert.equal(res.statusCode, 200, res.body);
    const results = answers.map((res) => res.json().result as string);
    assert.equal(results.filter((r) => r === "checked_in").length, 2);
    assert.equal(results.filter((r) => r === "already_checked_in").length, 28);
    assert.ok(answers.every((res) => res.json().checkedInToday >= 1 && res.json().checkedInToday <= 2));
    assert.equal(await checkins(w.session.id), 2);
    assert.equal(await audited(w.secretariat.id), 2);
    const counts = await w.sec.get(`/api/v1/sessions/${w.session.slug}/checkins`);
    assert.equal(counts.statusCode, 200, counts.body);
    assert.deepEqual(counts.json().days, [{ day: "2012-10-15", count: 2 }]);
  });
});
