import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../test/support/client.js";
import { createTestApp, type TestContext } from "../../test/support/harness.js";
import { regionalGroups } from "../modules/organisations/geography.js";
import { DEMO_ATTENDING, demoDelegatesOf, notAttending, seedAccreditation } from "./accreditation.seed.js";
import { demoOrganisations } from "./organisations.data.js";
import { demoAccounts, seedDemo } from "./seed.js";
import { PROTECTED_DEMO_NAMES } from "./side-events.data.js";

describe("demo seed: observer participation in the 6th session", () => {
  let t: TestContext;
  let seededIn = 0;
  before(async () => {
    t = await createTestApp();
    await seedDemo(t.services, (r) => {
      seededIn = r.ms;
    });
  });
  after(() => t.close());

  test("63 organisations attended, from every regional group (API and public page)", async () => {
    console.log(`demo seeded in ${seededIn} ms`);
    const res = await t.app.inject("/api/v1/sessions/cop6/participation");
    assert.equal(res.statusCode, 200);
    const figures = res.json();
    assert.equal(figures.organisationsAttending, DEMO_ATTENDING);
    const stayedAway = Object.values(notAttending).filter(
      (why) => why !== "never-applied" && why !== "refused",
    );
    assert.equal(figures.organisationsAdmitted, DEMO_ATTENDING + stayedAway.length);
    assert.ok(figures.countriesAttending >= 40, `${figures.countriesAttending} countries`);
    assert.deepEqual(
      figures.regionalGroups.map((g: { key: string }) => g.key).sort(),
      [...regionalGroups].sort(),
    );
    const genders = new Map(
      figures.delegatesByGender.map((g: { key: string; count: number }) => [g.key, g.count]),
    );
    assert.ok(
      Number(genders.get("female")) > 50 && Number(genders.get("male")) > 50,
      JSON.stringify(genders),
    );
    // every regional group among the organisations that checked someone in
    const attending = await t.db
      .selectFrom("checkins as c")
      .innerJoin("delegates as d", "d.id", "c.delegate_id")
      .innerJoin("organisations as o", "o.id", "d.organisation_id")
      .select("o.regional_group")
      .distinct()
      .execute();
    assert.deepEqual(attending.map((r) => r.regional_group).sort(), [...regionalGroups].sort());

    const page = await TestClient.anonymous(t).page("/sessions/cop6/participants");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<dd>63<\/dd>/);
  });

  test("applications follow the ECOSOC and rule-17 paths, dated before the session; one refused", async () => {
    const rows = await t.db
      .selectFrom("observer_applications as a")
      .innerJoin("organisations as o", "o.id", "a.organisation_id")
      .select(["o.slug", "a.path", "a.status", "a.submitted_at", "a.circulated_at", "a.decided_at"])
      .execute();
    assert.ok(rows.filter((r) => r.path === "ecosoc" && r.status === "admitted").length >= 20);
    assert.ok(rows.filter((r) => r.path === "rule17" && r.status === "admitted").length >= 20);
    for (const r of rows) {
      assert.ok(r.submitted_at < new Date("2012-09-06T00:00:00Z"), `${r.slug} applied late`);
      if (r.path === "rule17" && r.circulated_at)
        assert.ok(r.circulated_at <= new Date("2012-09-15T00:00:00Z"), `${r.slug} circulated late`);
      if (r.status === "admitted") assert.ok(r.decided_at && r.decided_at < new Date("2012-10-01T00:00:00Z"));
    }
    const refused = Object.entries(notAttending).find(([, why]) => why === "refused")![0];
    assert.deepEqual(
      rows.filter((r) => r.status === "rejected").map((r) => r.slug),
      [refused],
    );
    assert.ok(!rows.some((r) => notAttending[r.slug] === "never-applied"));
  });

  test("1 to 5 invented delegates per organisation, approved with badges; the pending ones are not", async () => {
    const rows = await t.db
      .selectFrom("delegates as d")
      .innerJoin("organisations as o", "o.id", "d.organisation_id")
      .leftJoin("badges as b", "b.delegate_id", "d.id")
      .select(["o.slug", "d.full_name", "d.status", "b.id as badge"])
      .execute();
    const perOrg = new Map<string, number>();
    for (const r of rows) perOrg.set(r.slug, (perOrg.get(r.slug) ?? 0) + 1);
    for (const [slug, n] of perOrg) assert.ok(n >= 1 && n <= 5, `${slug}: ${n}`);
    for (const r of rows) assert.equal(r.status === "approved", r.badge !== null, r.full_name);
    assert.ok(rows.some((r) => r.status === "pending"));
    // no invented delegate shares a name with a protected panellist (the leak canaries)
    const canaries = PROTECTED_DEMO_NAMES.flatMap((n) => n.split(" "));
    for (const r of rows) for (const c of canaries) assert.ok(!r.full_name.includes(c), r.full_name);
    // the same people at every run
    const gaatw = demoOrganisations.find((o) => o.slug === "gaatw")!;
    assert.deepEqual(
      rows
        .filter((r) => r.slug === "gaatw")
        .map((r) => r.full_name)
        .sort(),
      demoDelegatesOf(gaatw)
        .map((d) => d.fullName)
        .sort(),
    );
  });

  test("the secretariat sees check-ins on every day of the session", async () => {
    const user = await t.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", demoAccounts.secretariat.email)
      .executeTakeFirstOrThrow();
    const client = await TestClient.as(t, user.id);
    const res = await client.get("/api/v1/sessions/cop6/checkins");
    assert.equal(res.statusCode, 200);
    const days = res.json().days as Array<{ day: string; count: number }>;
    assert.deepEqual(
      days.map((d) => d.day),
      ["2012-10-15", "2012-10-16", "2012-10-17", "2012-10-18", "2012-10-19"],
    );
  });

  test("a second run finds it done in one query and changes nothing", async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("checkins")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const started = performance.now();
    let report: { seeded: boolean } | undefined;
    await seedDemo(t.services, (r) => {
      report = r;
    });
    const ms = performance.now() - started;
    console.log(`second run in ${ms.toFixed(1)} ms`);
    assert.equal(report?.seeded, false);
    assert.equal(await count(), before);
    await seedAccreditation({ ...t.services, actor: null, lang: "en", requestId: "t", ip: "" }, new Map());
    assert.equal(await count(), before);
  });
});
