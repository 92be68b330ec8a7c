import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { TestClient, withoutCsrfToken } from "../../../test/support/client.js";
import type { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser, unique } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { hashToken } from "../../platform/auth.js";
import { scheduleHousekeeping } from "../../platform/housekeeping.js";
import { slugify } from "./organisations.service.js";

const validBody = (overrides: Record<string, unknown> = {}) => ({
  name: unique("Alliance contre la traite"),
  acronym: "ACT",
  kind: "ngo",
  country: "SN",
  fieldsOfWork: ["trafficking-in-persons", "victim-assistance"],
  ecosocStatus: "special",
  website: "https://example.org/act",
  workingLanguages: ["fr", "en"],
  mission: { fr: "Nous aidons les victimes de la traite des êtres humains au Sénégal." },
  ...overrides,
});

/** A problem body without what differs between two requests (request id, path). */
const comparable = (body: string) => {
  const { requestId: _r, instance: _i, ...rest } = JSON.parse(body);
  return rest;
};

describe("organisations", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  describe("profile", () => {
    test("slugs come from the acronym or the name, without accents, Cyrillic transliterated", () => {
      assert.equal(slugify("GAATW"), "gaatw");
      assert.equal(
        slugify("Conseil académique pour le système des Nations Unies"),
        "conseil-academique-pour-le-systeme-des-nations-unies",
      );
      assert.equal(slugify("Фонд «Защита»"), "fond-zashchita");
      assert.equal(slugify("全球联盟"), "");
    });

    test("creating derives the regional group and region from the country; the creator is focal point", async () => {
      const user = await buildUser(t.db);
      const client = await TestClient.as(t, user.id);
      const res = await client.post("/api/v1/organisations", validBody({ regionalGroup: undefined }));
      assert.equal(res.statusCode, 201, res.body);
      const org = res.json();
      assert.equal(org.regionalGroup, "African");
      assert.equal(org.m49Region, "002");
      assert.equal(org.m49Subregion, "202");
      assert.equal(org.verified, false);
      assert.match(org.slug, /^act(-\d+)?$/);
      assert.match(String(res.headers.etag), /^"organisation-[0-9a-f-]+-v1"$/);
      const members = await client.get(`/api/v1/organisations/${org.slug}/members`);
      assert.equal(members.statusCode, 200);
      assert.deepEqual(
        members.json().items.map((m: { userId: string; role: string }) => [m.userId, m.role]),
        [[user.id, "focal_point"]],
      );
      const audit = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", org.id).execute();
      assert.ok(audit.some((a) => a.action === "organisation.created"));
    });

    test("a second organisation with the same acronym gets a free slug", async () => {
      const client = await TestClient.as(t, (await buildUser(t.db)).id);
      const acronym = unique("SAME").toUpperCase();
      const first = (await client.post("/api/v1/organisations", validBody({ acronym }))).json();
      const second = (await client.post("/api/v1/organisations", validBody({ acronym }))).json();
      assert.equal(first.slug, acronym.toLowerCase());
      assert.equal(second.slug, `${acronym.toLowerCase()}-2`);
      const taken = await client.post("/api/v1/organisations", validBody({ slug: first.slug }));
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().code, "ORGANISATION_SLUG_TAKEN");
    });

    test("a javascript: website, an unknown field or a typed regional group is refused", async () => {
      const client = await TestClient.as(t, (await buildUser(t.db)).id);
      for (const website of [
        "javascript:alert(1)",
        "data:text/html,hi",
        "ftp://example.org",
        "https://exa mple.org",
      ]) {
        const res = await client.post("/api/v1/organisations", validBody({ website }));
        assert.equal(res.statusCode, 400, website);
        assert.equal(res.json().code, "VALIDATION_FAILED");
      }
      const unknown = await client.post("/api/v1/organisations", validBody({ isAdmin: true }));
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().code, "VALIDATION_FAILED");
      const typed = await client.post("/api/v1/organisations", validBody({ regionalGroup: "WEOG" }));
      assert.equal(typed.statusCode, 400);
      const noMission = await client.post("/api/v1/organisations", validBody({ mission: { en: "  " } }));
      assert.equal(noMission.statusCode, 400);
    });

    test("the page form keeps what was typed and shows translated errors", async () => {
      const client = await TestClient.as(t, (await buildUser(t.db)).id);
      const res = await client.submit("/organisations?lang=fr", {
        name: "Mon association",
        country: "FR",
        website: "javascript:alert(1)",
        "mission.fr": "Défendre les droits des victimes.",
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Saisissez une adresse commençant par http:\/\/ ou https:\/\//);
      assert.match(res.body, /value="Mon association"/);
      assert.match(res.body, /Défendre les droits des victimes\./);
      const ok = await client.submit("/organisations", {
        name: "Mon association",
        country: "FR",
        kind: "ngo",
        ecosocStatus: "none",
        fieldsOfWork: ["human-rights", "legal-aid"],
        "mission.fr": "Défendre les droits des victimes.",
      });
      assert.equal(ok.statusCode, 303);
      const page = await client.page(String(ok.headers.location));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<section lang="fr" dir="ltr">/);
    });

    test("an edit needs If-Match: 428 without, 412 when stale; the public page shows the new name at once", async () => {
      const user = await buildUser(t.db);
      const client = await TestClient.as(t, user.id);
      const created = await client.post("/api/v1/organisations", validBody());
      const { slug } = created.json();
      const etag = String(created.headers.etag);
      const anonymous = TestClient.anonymous(t);
      const before = await anonymous.page(`/organisations/${slug}`);
      assert.equal(before.statusCode, 200);
      const directoryBefore = await anonymous.get(`/api/v1/organisations?q=${encodeURIComponent(slug)}`);
      assert.equal(directoryBefore.statusCode, 200);

      const noIfMatch = await client.patch(`/api/v1/organisations/${slug}`, { name: "Renamed" });
      assert.equal(noIfMatch.statusCode, 428);
      const newName = unique("Renamed organisation");
      const ok = await client.patch(
        `/api/v1/organisations/${slug}`,
        { name: newName, country: "BR" },
        { "if-match": etag },
      );
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().regionalGroup, "GRULAC");
      assert.notEqual(ok.headers.etag, etag);
      const stale = await client.patch(
        `/api/v1/organisations/${slug}`,
        { name: "Lost update" },
        { "if-match": etag },
      );
      assert.equal(stale.statusCode, 412);

      const after = await anonymous.page(`/organisations/${slug}`);
      assert.match(after.body, new RegExp(newName));
      assert.equal((await anonymous.get(`/api/v1/organisations/${slug}`)).json().name, newName);
      const listed = await anonymous.get("/api/v1/organisations?pageSize=100&country=BR");
      assert.ok(listed.json().items.some((o: { name: string }) => o.name === newName));
    });

    test("the edit form carries the version: a stale one is 412 and keeps the typed values", async () => {
      const user = await buildUser(t.db);
      const org = await buildOrganisation(t.db, { focalPointId: user.id });
      const client = await TestClient.as(t, user.id);
      const form = await client.page(`/organisations/${org.slug}/edit`);
      assert.match(form.body, /name="version" value="1"/);
      const fields = {
        name: "First edit",
        country: "AT",
        kind: "ngo",
        ecosocStatus: "none",
        "mission.en": "A mission",
      };
      assert.equal(
        (await client.submit(`/organisations/${org.slug}/edit`, { ...fields, version: "1" })).statusCode,
        303,
      );
      const stale = await client.submit(`/organisations/${org.slug}/edit`, {
        ...fields,
        name: "Second edit",
        version: "1",
      });
      assert.equal(stale.statusCode, 412);
      assert.match(stale.body, /value="Second edit"/);
      assert.match(stale.body, /name="version" value="2"/);
    });

    test("a member may not edit; another organisation's member gets the same 404 as an unknown slug", async () => {
      const [focal, member, outsider] = await Promise.all([
        buildUser(t.db),
        buildUser(t.db),
        buildUser(t.db),
      ]);
      const org = await buildOrganisation(t.db, { focalPointId: focal.id, memberIds: [member.id] });
      await buildOrganisation(t.db, { focalPointId: outsider.id });
      const etag = `"organisation-${org.id}-v1"`;
      const asMember = await TestClient.as(t, member.id);
      assert.equal(
        (await asMember.patch(`/api/v1/organisations/${org.slug}`, { name: "x y" }, { "if-match": etag }))
          .statusCode,
        403,
      );
      const asOutsider = await TestClient.as(t, outsider.id);
      for (const [method, path, body] of [
        ["GET", "/members", undefined],
        ["GET", "/invitations", undefined],
        ["GET", "/coalition-memberships", undefined],
        ["POST", "/invitations", { email: "someone@example.org" }],
        ["PATCH", "", { name: "x y" }],
      ] as const) {
        const theirs = await asOutsider.request(method, `/api/v1/organisations/${org.slug}${path}`, {
          json: body,
          headers: { "if-match": etag },
        });
        const unknown = await asOutsider.request(method, `/api/v1/organisations/no-such-org${path}`, {
          json: body,
          headers: { "if-match": etag },
        });
        assert.equal(theirs.statusCode, 404, `${method} ${path}`);
        assert.equal(unknown.statusCode, 404);
        assert.deepEqual(comparable(theirs.body), comparable(unknown.body));
      }
      const page = await asOutsider.page(`/organisations/${org.slug}/members`);
      const unknownPage = await asOutsider.page("/organisations/no-such-org/members");
      assert.equal(page.statusCode, 404);
      assert.equal(
        withoutCsrfToken(page.body)
          .replace(/[0-9a-f-]{36}/g, "ID")
          .replace(/\/organisations\/[a-z0-9-]+/g, "/P"),
        withoutCsrfToken(unknownPage.body)
          .replace(/[0-9a-f-]{36}/g, "ID")
          .replace(/\/organisations\/[a-z0-9-]+/g, "/P"),
      );
    });

    test("an Idempotency-Key makes a retried creation answer the first result", async () => {
      const client = await TestClient.as(t, (await buildUser(t.db)).id);
      const body = validBody();
      const first = await client.post("/api/v1/organisations", body, { "idempotency-key": "create-1" });
      const again = await client.post("/api/v1/organisations", body, { "idempotency-key": "create-1" });
      assert.equal(first.statusCode, 201);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers["idempotent-replayed"], "true");
      assert.equal(again.json().id, first.json().id);
    });

    test("a first answer is kept for a day: the hourly job deletes older keys, and a key sent again then is new", async () => {
      const user = await buildUser(t.db);
      const client = await TestClient.as(t, user.id);
      const body = validBody();
      const first = await client.post("/api/v1/organisations", body, { "idempotency-key": "kept-a-day" });
      assert.equal(first.statusCode, 201, first.body);
      const kept = () =>
        t.db.selectFrom("idempotency_keys").select("key").where("user_id", "=", user.id).execute();
      await scheduleHousekeeping(t.db, t.clock);
      // the job is due at the next full hour: run it as if then, with the key 23 hours old: kept
      const due = new Date((Math.floor(t.clock.now().getTime() / 3_600_000) + 1) * 3_600_000);
      await sql`update idempotency_keys set created_at = ${new Date(due.getTime() - 23 * 3_600_000)} where user_id = ${user.id}`.execute(
        t.db,
      );
      const clock = t.clock as TestClock;
      const before = clock.now();
      clock.set(due.toISOString());
      assert.ok((await t.runJobs()) >= 1);
      assert.deepEqual(await kept(), [{ key: "kept-a-day" }]);
      // 25 hours old at the following run: deleted, and the next run is scheduled
      await sql`update idempotency_keys set created_at = ${new Date(due.getTime() - 24 * 3_600_000)} where user_id = ${user.id}`.execute(
        t.db,
      );
      clock.set(new Date(due.getTime() + 3_600_000).toISOString());
      assert.ok((await t.runJobs()) >= 1);
      assert.deepEqual(await kept(), []);
      const next = await t.db
        .selectFrom("jobs")
        .select("run_at")
        .where("kind", "=", "platform.housekeeping")
        .where("done_at", "is", null)
        .execute();
      assert.deepEqual(
        next.map((j) => j.run_at.getTime()),
        [due.getTime() + 2 * 3_600_000],
      );
      clock.set(before.toISOString());
      const again = await client.post(
        "/api/v1/organisations",
        { ...body, name: `${body.name} again` },
        {
          "idempotency-key": "kept-a-day",
        },
      );
      assert.equal(again.statusCode, 201, again.body);
      assert.notEqual(again.json().id, first.json().id);
    });
  });

  describe("members and invitations", () => {
    test("invite → mail in the invitee's language → accept → member sees the list; the token is single-use", async () => {
      const focal = await buildUser(t.db, { name: "Focal Person" });
      const org = await buildOrganisation(t.db, { focalPointId: focal.id, name: unique("Invitee Org") });
      const invitee = await buildUser(t.db, { language: "es" });
      const client = await TestClient.as(t, focal.id);
      const res = await client.post(`/api/v1/organisations/${org.slug}/invitations`, {
        email: invitee.email,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().role, "member");
      assert.equal(res.json().token, undefined);
      const mail = await t.db
        .selectFrom("mail_outbox")
        .selectAll()
        .where("to_address", "=", invitee.email)
        .orderBy("created_at", "desc")
        .executeTakeFirstOrThrow();
      assert.equal(mail.language, "es");
      assert.match(mail.subject, /Invitación/);
      const link = mail.text_body.match(/http:\/\/convene\.test\/invitations\/([\w-]+)/);
      assert.ok(link, mail.text_body);
      const token = link[1]!;

      const view = await TestClient.anonymous(t).get(`/api/v1/invitations/${token}`);
      assert.equal(view.statusCode, 200);
      assert.equal(view.json().organisation.slug, org.slug);
      const anonymousPage = await TestClient.anonymous(t).page(`/invitations/${token}`);
      assert.match(
        anonymousPage.body,
        new RegExp(`/sign-in\\?next=${encodeURIComponent(`/invitations/${token}`)}`),
      );

      const forwardedTo = await TestClient.as(t, (await buildUser(t.db)).id);
      const forwarded = await forwardedTo.post(`/api/v1/invitations/${token}/accept`);
      assert.equal(forwarded.statusCode, 403, "a forwarded link does not let another account in");
      assert.equal(forwarded.json().code, "INVITATION_FOR_ANOTHER_ACCOUNT");
      const unverified = await buildUser(t.db, { verified: false });
      await t.db
        .updateTable("organisation_invitations")
        .set({ email: unverified.email })
        .where("token_hash", "=", hashToken(token))
        .execute();
      const notYet = await (await TestClient.as(t, unverified.id)).post(
        `/api/v1/invitations/${token}/accept`,
      );
      assert.equal(notYet.json().code, "EMAIL_NOT_VERIFIED", "the address must be proven first");
      await t.db
        .updateTable("organisation_invitations")
        .set({ email: invitee.email.toUpperCase() })
        .where("token_hash", "=", hashToken(token))
        .execute();

      const asInvitee = await TestClient.as(t, invitee.id);
      assert.equal((await asInvitee.get(`/api/v1/organisations/${org.slug}/members`)).statusCode, 404);
      const accepted = await asInvitee.post(`/api/v1/invitations/${token}/accept`);
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.deepEqual(accepted.json(), { organisation: org.slug, role: "member" });
      const list = await asInvitee.get(`/api/v1/organisations/${org.slug}/members`);
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().items.length, 2);

      const other = await TestClient.as(t, (await buildUser(t.db)).id);
      const reused = await other.post(`/api/v1/invitations/${token}/accept`);
      assert.equal(reused.statusCode, 410);
      assert.equal(reused.json().code, "INVITATION_USED");
      const unknown = await other.post("/api/v1/invitations/not-a-real-token-at-all/accept");
      assert.equal(unknown.json().code, "INVITATION_NOT_FOUND");
    });

    test("an unknown invitee gets the mail in the inviter's language; an expired link is refused clearly", async () => {
      const focal = await buildUser(t.db);
      const org = await buildOrganisation(t.db, { focalPointId: focal.id });
      const client = await TestClient.as(t, focal.id);
      const email = `${unique("new")}@example.org`;
      await client.post(`/api/v1/organisations/${org.slug}/invitations?lang=fr`, {
        email,
        role: "focal_point",
      });
      const mail = await t.db
        .selectFrom("mail_outbox")
        .selectAll()
        .where("to_address", "=", email)
        .executeTakeFirstOrThrow();
      assert.equal(mail.language, "fr");
      assert.match(mail.text_body, /en tant que point focal/);
      const token = mail.text_body.match(/\/invitations\/([\w-]+)/)![1]!;
      const user = await buildUser(t.db, { email });
      const asUser = await TestClient.as(t, user.id);
      t.clock.advance(8 * 86_400_000);
      try {
        const res = await asUser.post(`/api/v1/invitations/${token}/accept`);
        assert.equal(res.statusCode, 410);
        assert.equal(res.json().code, "INVITATION_EXPIRED");
        const page = await asUser.page(`/invitations/${token}?lang=en`);
        assert.equal(page.statusCode, 410);
        assert.match(page.body, /This invitation has expired/);
      } finally {
        t.clock.advance(-8 * 86_400_000);
      }
    });

    test("accepting through the page form makes a member", async () => {
      const focal = await buildUser(t.db);
      const org = await buildOrganisation(t.db, { focalPointId: focal.id });
      const invitee = await buildUser(t.db);
      const asFocal = await TestClient.as(t, focal.id);
      const sent = await asFocal.submit(`/organisations/${org.slug}/invitations`, {
        email: invitee.email,
        role: "member",
      });
      assert.equal(sent.statusCode, 303);
      const badEmail = await asFocal.submit(`/organisations/${org.slug}/invitations`, {
        email: "not-an-email",
      });
      assert.equal(badEmail.statusCode, 400);
      assert.match(badEmail.body, /value="not-an-email"/);
      const mail = await t.db
        .selectFrom("mail_outbox")
        .selectAll()
        .where("to_address", "=", invitee.email)
        .executeTakeFirstOrThrow();
      const token = mail.text_body.match(/\/invitations\/([\w-]+)/)![1]!;
      const asInvitee = await TestClient.as(t, invitee.id);
      const page = await asInvitee.page(`/invitations/${token}`);
      assert.match(page.body, /action="\/invitations\/[\w-]+\/accept"/);
      const accept = await asInvitee.submit(`/invitations/${token}/accept`, {});
      assert.equal(accept.statusCode, 303);
      assert.equal(accept.headers.location, `/organisations/${org.slug}/members`);
      const members = await asInvitee.page(`/organisations/${org.slug}/members`);
      assert.equal(members.statusCode, 200);
      assert.match(members.body, new RegExp(invitee.email));
    });

    test("a removed member loses access on the next request; the last focal point stays", async () => {
      const [focal, member] = await Promise.all([buildUser(t.db), buildUser(t.db)]);
      const org = await buildOrganisation(t.db, { focalPointId: focal.id, memberIds: [member.id] });
      const asFocal = await TestClient.as(t, focal.id);
      const asMember = await TestClient.as(t, member.id);
      assert.equal((await asMember.get(`/api/v1/organisations/${org.slug}/members`)).statusCode, 200);
      assert.equal(
        (await asMember.delete(`/api/v1/organisations/${org.slug}/members/${focal.id}`)).statusCode,
        403,
      );
      assert.equal(
        (await asFocal.delete(`/api/v1/organisations/${org.slug}/members/${member.id}`)).statusCode,
        204,
      );
      assert.equal((await asMember.get(`/api/v1/organisations/${org.slug}/members`)).statusCode, 404);

      const last = await asFocal.delete(`/api/v1/organisations/${org.slug}/members/${focal.id}`);
      assert.equal(last.statusCode, 409);
      assert.equal(last.json().code, "LAST_FOCAL_POINT");
      const demote = await asFocal.patch(`/api/v1/organisations/${org.slug}/members/${focal.id}`, {
        role: "member",
      });
      assert.equal(demote.statusCode, 409);
      const page = await asFocal.submit(`/organisations/${org.slug}/members/${focal.id}/remove`, {});
      assert.equal(page.statusCode, 409);
      assert.match(page.body, /at least one focal point/);
    });

    test("a focal point promotes a member, who may then remove the former focal point", async () => {
      const [focal, member] = await Promise.all([buildUser(t.db), buildUser(t.db)]);
      const org = await buildOrganisation(t.db, { focalPointId: focal.id, memberIds: [member.id] });
      const asFocal = await TestClient.as(t, focal.id);
      const promote = await asFocal.patch(`/api/v1/organisations/${org.slug}/members/${member.id}`, {
        role: "focal_point",
      });
      assert.equal(promote.statusCode, 204);
      const asNewFocal = await TestClient.as(t, member.id);
      assert.equal(
        (await asNewFocal.delete(`/api/v1/organisations/${org.slug}/members/${focal.id}`)).statusCode,
        204,
      );
      const actions = await t.db
        .selectFrom("audit_log")
        .select("action")
        .where("organisation_id", "=", org.id)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ["organisation_member.role_changed", "organisation_member.removed"],
      );
    });
  });

  describe("verification and coalitions", () => {
    test("the secretariat verifies: the badge shows on the page, in the directory and in the API", async () => {
      const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
      const focal = await buildUser(t.db);
      const org = await buildOrganisation(t.db, { focalPointId: focal.id, name: unique("Verify Me") });
      const anonymous = TestClient.anonymous(t);
      assert.doesNotMatch((await anonymous.page(`/organisations/${org.slug}`)).body, /badge verified/);
      assert.equal(
        (await (await TestClient.as(t, focal.id)).post(`/api/v1/organisations/${org.slug}/verification`))
          .statusCode,
        403,
      );
      const asSecretariat = await TestClient.as(t, secretariat.id);
      const page = await asSecretariat.page(`/organisations/${org.slug}`);
      assert.match(page.body, /action="\/organisations\/[\w-]+\/verification"/);
      const res = await asSecretariat.submit(`/organisations/${org.slug}/verification`, { verified: "true" });
      assert.equal(res.statusCode, 303);
      assert.match((await anonymous.page(`/organisations/${org.slug}`)).body, /badge verified/);
      assert.equal((await anonymous.get(`/api/v1/organisations/${org.slug}`)).json().verified, true);
      const verifiedOnly = await anonymous.get(
        `/api/v1/organisations?verified=true&q=${encodeURIComponent(org.name)}`,
      );
      assert.equal(verifiedOnly.json().total, 1);
      assert.equal(
        (await asSecretariat.delete(`/api/v1/organisations/${org.slug}/verification`)).statusCode,
        200,
      );
      assert.equal((await anonymous.get(`/api/v1/organisations/${org.slug}`)).json().verified, false);
    });

    test("a coalition invites an organisation, whose focal point accepts: both public pages show it", async () => {
      const [coalitionFocal, memberFocal] = await Promise.all([buildUser(t.db), buildUser(t.db)]);
      const coalition = await buildOrganisation(t.db, {
        focalPointId: coalitionFocal.id,
        kind: "coalition",
        name: unique("NGO Alliance"),
      });
      const member = await buildOrganisation(t.db, { focalPointId: memberFocal.id, name: unique("EXIT") });
      const ngo = await buildOrganisation(t.db, { focalPointId: coalitionFocal.id });
      const asCoalition = await TestClient.as(t, coalitionFocal.id);
      const asMember = await TestClient.as(t, memberFocal.id);

      const notCoalition = await asCoalition.post(`/api/v1/organisations/${ngo.slug}/coalition-members`, {
        memberSlug: member.slug,
      });
      assert.equal(notCoalition.json().code, "NOT_A_COALITION");
      const invited = await asCoalition.post(`/api/v1/organisations/${coalition.slug}/coalition-members`, {
        memberSlug: member.slug,
      });
      assert.equal(invited.statusCode, 201, invited.body);
      const twice = await asCoalition.post(`/api/v1/organisations/${coalition.slug}/coalition-members`, {
        memberSlug: member.slug,
      });
      assert.equal(twice.json().code, "COALITION_MEMBERSHIP_EXISTS");
      assert.ok(
        await t.db
          .selectFrom("mail_outbox")
          .select("id")
          .where("to_address", "=", memberFocal.email)
          .executeTakeFirst(),
      );
      const anonymous = TestClient.anonymous(t);
      assert.doesNotMatch(
        (await anonymous.page(`/organisations/${coalition.slug}`)).body,
        new RegExp(member.name),
      );

      // Only the invited organisation's focal point answers.
      const wrongSide = await asCoalition.post(
        `/api/v1/organisations/${coalition.slug}/coalition-memberships/${member.slug}/accept`,
      );
      assert.equal(wrongSide.statusCode, 404);
      const accepted = await asMember.submit(
        `/organisations/${member.slug}/coalition-memberships/${coalition.slug}/accept`,
        {},
      );
      assert.equal(accepted.statusCode, 303);

      const coalitionPage = (await anonymous.page(`/organisations/${coalition.slug}`)).body;
      assert.match(coalitionPage, /Members of this coalition/);
      assert.match(coalitionPage, new RegExp(`href="/organisations/${member.slug}"`));
      const memberPage = (await anonymous.page(`/organisations/${member.slug}`)).body;
      assert.match(memberPage, /Member of coalitions/);
      assert.match(memberPage, new RegExp(`href="/organisations/${coalition.slug}"`));
      const filtered = await anonymous.get(`/api/v1/organisations?coalition=${coalition.slug}`);
      assert.deepEqual(
        filtered.json().items.map((o: { slug: string }) => o.slug),
        [member.slug],
      );

      const ended = await asMember.delete(
        `/api/v1/organisations/${member.slug}/coalition-memberships/${coalition.slug}`,
      );
      assert.equal(ended.statusCode, 204);
      assert.doesNotMatch(
        (await anonymous.page(`/organisations/${coalition.slug}`)).body,
        new RegExp(member.name),
      );
      // After it ended, the coalition may invite again; this time the member declines.
      await asCoalition.post(`/api/v1/organisations/${coalition.slug}/coalition-members`, {
        memberSlug: member.slug,
      });
      const declined = await asMember.post(
        `/api/v1/organisations/${member.slug}/coalition-memberships/${coalition.slug}/decline`,
      );
      assert.equal(declined.json().status, "declined");
    });
  });

  describe("directory", () => {
    test("a French query finds a French mission, not an unrelated one; name prefixes and Chinese text match too", async () => {
      const tag = unique("z").replace("-", "");
      const french = await buildOrganisation(t.db, {
        name: `${tag} Solidarité`,
        mission: { fr: "Nous accompagnons les victimes de la traite des êtres humains vers la justice." },
      });
      const unrelated = await buildOrganisation(t.db, {
        name: `${tag} Forêts`,
        mission: { fr: "Protection des forêts et de la faune sauvage.", en: "Forest protection." },
      });
      const chinese = await buildOrganisation(t.db, {
        name: `${tag} 中文`,
        mission: { zh: "我们帮助人口贩运的受害者获得法律援助。" },
      });
      const anonymous = TestClient.anonymous(t);
      const slugs = async (q: string) =>
        (await anonymous.get(`/api/v1/organisations?pageSize=100&q=${encodeURIComponent(q)}`))
          .json()
          .items.map((o: { slug: string }) => o.slug);

      for (const q of ["traite des êtres humains", "victimes", "victime"]) {
        const found = await slugs(q);
        assert.ok(found.includes(french.slug), q);
        assert.ok(!found.includes(unrelated.slug), q);
      }
      assert.deepEqual(await slugs(`${tag} Soli`), [french.slug]);
      assert.ok((await slugs("受害者")).includes(chinese.slug));
      assert.ok(!(await slugs("受害者")).includes(french.slug));
      const page = await anonymous.page(`/organisations?q=${encodeURIComponent("victimes")}`);
      assert.match(page.body, new RegExp(french.name));
    });

    test("filters and pagination give stable pages and the right total", async () => {
      const tag = unique("pg").replace("-", "");
      for (let i = 0; i < 7; i++) {
        await buildOrganisation(t.db, {
          name: `${tag} Member ${String.fromCharCode(65 + i)}`,
          country: i % 2 === 0 ? "KE" : "PE",
          fieldsOfWork: i < 3 ? ["cybercrime"] : ["corruption"],
          ecosocStatus: i === 0 ? "general" : "none",
          verified: i < 4,
        });
      }
      const anonymous = TestClient.anonymous(t);
      const get = async (query: string) =>
        (await anonymous.get(`/api/v1/organisations?q=${tag}&${query}`)).json();
      const first = await get("pageSize=3&page=1");
      const second = await get("pageSize=3&page=2");
      const third = await get("pageSize=3&page=3");
      assert.equal(first.total, 7);
      assert.deepEqual([first.items.length, second.items.length, third.items.length], [3, 3, 1]);
      const names = [...first.items, ...second.items, ...third.items].map((o: { name: string }) => o.name);
      assert.equal(new Set(names).size, 7);
      assert.equal((await get("country=KE")).total, 4);
      assert.equal((await get("regionalGroup=GRULAC")).total, 3);
      assert.equal((await get("region=002")).total, 4);
      assert.equal((await get("region=419")).total, 3);
      assert.equal((await get("field=cybercrime")).total, 3);
      assert.equal((await get("ecosocStatus=general")).total, 1);
      assert.equal((await get("verified=true")).total, 4);
      assert.equal((await get("kind=coalition")).total, 0);
      assert.equal((await anonymous.get("/api/v1/organisations?pageSize=101")).statusCode, 400);

      const withoutQuery = await anonymous.get("/api/v1/organisations?pageSize=100");
      const all = withoutQuery.json().items.map((o: { name: string }) => o.name.toLowerCase());
      assert.deepEqual(
        all,
        [...all].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)),
      );

      const page = await anonymous.page(`/organisations?q=${tag}&country=&pageSize=3&page=2`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /4–6/);
      assert.match(page.body, new RegExp(`href="/organisations\\?q=${tag}&amp;page=3&amp;pageSize=3"`));
      const french = await anonymous.page(`/organisations?q=${tag}&lang=fr&country=KE`);
      assert.match(french.body, /Kenya/);
      assert.match(french.body, /4 organisations/);
    });

    test("public reads carry an ETag and answer 304; member e-mails never appear", async () => {
      const focal = await buildUser(t.db, { email: `${unique("secret")}@example.org` });
      const org = await buildOrganisation(t.db, { focalPointId: focal.id });
      const anonymous = TestClient.anonymous(t);
      const api = await anonymous.get("/api/v1/organisations");
      assert.ok(api.headers.etag);
      assert.equal(
        (await anonymous.get("/api/v1/organisations", { "if-none-match": String(api.headers.etag) }))
          .statusCode,
        304,
      );
      const page = await anonymous.page(`/organisations/${org.slug}`);
      assert.ok(page.headers.etag);
      const again = await anonymous.request("GET", `/organisations/${org.slug}`, {
        headers: { accept: "text/html", "if-none-match": String(page.headers.etag) },
      });
      assert.equal(again.statusCode, 304);
      for (const body of [
        page.body,
        (await anonymous.get(`/api/v1/organisations/${org.slug}`)).body,
        api.body,
      ]) {
        assert.ok(!body.includes(focal.email));
      }
    });

    test("a signed-in person sees the same public page with their own navigation", async () => {
      const focal = await buildUser(t.db);
      const org = await buildOrganisation(t.db, { focalPointId: focal.id });
      const anonymousPage = await TestClient.anonymous(t).page(`/organisations/${org.slug}`);
      assert.doesNotMatch(anonymousPage.body, /Edit the profile/);
      const asFocal = await TestClient.as(t, focal.id);
      const page = await asFocal.page(`/organisations/${org.slug}`);
      assert.match(page.body, /Edit the profile/);
      assert.match(page.body, /Sign out/);
      const directory = await asFocal.page("/organisations");
      assert.match(directory.body, /Sign out/);
      assert.equal(directory.headers["cache-control"], "private, no-store");
    });

    test("reference data: fields of work and countries in the request's language", async () => {
      const anonymous = TestClient.anonymous(t);
      const fields = (await anonymous.get("/api/v1/reference/fields-of-work?lang=fr")).json().items;
      assert.ok(
        fields.some(
          (f: { code: string; label: string }) =>
            f.code === "victim-assistance" && f.label === "Assistance aux victimes",
        ),
      );
      const countries = (await anonymous.get("/api/v1/reference/countries?lang=es")).json().items;
      const peru = countries.find((c: { code: string }) => c.code === "PE");
      assert.equal(peru.name, "Perú");
      assert.equal(peru.regionalGroup, "GRULAC");
    });
  });
});
