import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../test/support/client.js";
import { createTestApp, type TestContext } from "../../test/support/harness.js";
import { regionalGroups } from "../modules/organisations/geography.js";
import { ALLIANCE_SLUG, demoOrganisations } from "./organisations.data.js";
import { type DemoAccount, type DemoReport, demoAccounts, demoAnnouncement, seedDemo } from "./seed.js";
import { PROTECTED_DEMO_NAMES } from "./side-events.data.js";
import { sideEventOrganisers } from "./side-events.seed.js";

/** Row counts of every table the seed writes. */
async function counts(t: TestContext) {
  const tables = [
    "users",
    "organisations",
    "organisation_members",
    "organisation_invitations",
    "coalition_memberships",
    "conference_sessions",
    "session_agenda_items",
    "session_rooms",
    "session_time_slots",
    "session_deadlines",
    "session_plenary_meetings",
    "observer_applications",
    "side_event_calls",
    "side_event_proposals",
    "side_event_coorganisers",
    "side_event_panellists",
    "mail_outbox",
    "audit_log",
  ] as const;
  const result: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

describe("demo seed", () => {
  let t: TestContext;
  let first: DemoReport | undefined;
  before(async () => {
    t = await createTestApp();
    await seedDemo(t.services, (r) => {
      first = r;
    });
  });
  after(() => t.close());

  test("seeds quickly", () => {
    assert.ok(first?.seeded);
    console.log(`demo seeded in ${first?.ms} ms`);
    assert.ok((first?.ms ?? Infinity) < 20_000, `took ${first?.ms} ms`);
  });

  test("at least 63 NGOs from all five regional groups, most of them verified", async () => {
    const res = await t.app.inject("/api/v1/organisations?kind=ngo&pageSize=1");
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().total >= 63, `only ${res.json().total} NGOs`);
    const groups = await t.db
      .selectFrom("organisations")
      .select(["regional_group"])
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("kind", "=", "ngo")
      .groupBy("regional_group")
      .execute();
    assert.deepEqual(groups.map((g) => g.regional_group).sort(), [...regionalGroups].sort());
    for (const g of groups) assert.ok(Number(g.n) >= 8, `${g.regional_group}: ${g.n}`);
    const verified = await t.app.inject("/api/v1/organisations?kind=ngo&verified=true&pageSize=1");
    const unverified = await t.app.inject("/api/v1/organisations?kind=ngo&verified=false&pageSize=1");
    assert.ok(verified.json().total > 3 * unverified.json().total);
    assert.ok(unverified.json().total > 0);
  });

  test("the NGO Alliance is a coalition with GAATW, ACUNS and ten more active members", async () => {
    const res = await t.app.inject(`/api/v1/organisations/${ALLIANCE_SLUG}`);
    assert.equal(res.statusCode, 200);
    const alliance = res.json();
    assert.equal(alliance.kind, "coalition");
    assert.equal(alliance.country, "US");
    const members = alliance.coalitionMembers.map((m: { slug: string }) => m.slug);
    assert.ok(members.length >= 12, `${members.length} members`);
    for (const slug of ["gaatw", "acuns"]) assert.ok(members.includes(slug), slug);
    const filtered = await t.app.inject(`/api/v1/organisations?coalition=${ALLIANCE_SLUG}&pageSize=1`);
    assert.equal(filtered.json().total, members.length);
  });

  test("GAATW, ACUNS and EXIT are there as the source describes them", async () => {
    const gaatw = (await t.app.inject("/api/v1/organisations/gaatw")).json();
    assert.equal(gaatw.country, "TH");
    assert.equal(gaatw.regionalGroup, "Asia-Pacific");
    assert.equal(gaatw.verified, true);
    const acuns = (await t.app.inject("/api/v1/organisations/acuns")).json();
    assert.equal(acuns.name, "Academic Council on the United Nations System");
    const exit = await t.app.inject("/api/v1/organisations/exit");
    assert.equal(exit.statusCode, 200);
    assert.equal(exit.json().country, "AT");
    assert.equal(exit.json().regionalGroup, "WEOG");
  });

  test("the session cop6 has its public page, in Vienna, with agenda, rooms and slots", async () => {
    const page = await t.app.inject({ url: "/sessions/cop6", headers: { accept: "text/html" } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Vienna/);
    const api = await t.app.inject("/api/v1/sessions/cop6");
    assert.equal(api.statusCode, 200);
    const session = api.json();
    assert.equal(session.number, 6);
    assert.equal(session.startsOn, "2012-10-15");
    assert.equal(session.endsOn, "2012-10-19");
    assert.equal(session.timeZone, "Europe/Vienna");
    assert.equal(session.status, "published");
    assert.equal(session.workingLanguages.length, 6);
    assert.ok(session.agendaItems.some((i: { number: string }) => i.number === "2(b)"));
    assert.ok(session.rooms.length >= 6);
    assert.equal(session.timeSlots.length, 10);
    assert.deepEqual(
      session.timeSlots
        .filter((s: { date: string }) => s.date === "2012-10-17")
        .map((s: { start: string }) => s.start),
      ["09:00", "13:15"],
    );
    // the plenary programme: mornings and afternoons, opening on Monday, the report on Friday
    const numbers = new Map(session.agendaItems.map((i: { id: string; number: string }) => [i.id, i.number]));
    const meetings = session.plenaryMeetings.map(
      (m: { date: string; start: string; end: string; agendaItemIds: string[] }) =>
        `${m.date} ${m.start}–${m.end}: ${m.agendaItemIds.map((id) => numbers.get(id)).join(" ")}`,
    );
    assert.equal(meetings.length, 10);
    assert.match(meetings[0], /^2012-10-15 10:00–13:00: .*1\(a\)/);
    assert.match(meetings[9], /^2012-10-19 15:00–18:00: .*\b9$/);
  });

  test("the 7 side events of the session are accepted, placed, and organised by admitted observers", async () => {
    const res = await t.app.inject("/api/v1/sessions/cop6/side-events");
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Array<{
      title: { en: string };
      organisers: Array<{ slug: string; name: string }>;
      panellists: Array<{ protected: boolean; pseudonym: string | null; name: string | null }>;
      startsAt: string | null;
      room: string | null;
    }>;
    assert.equal(items.length, 7);
    for (const e of items) {
      assert.ok(e.startsAt && e.room, `${e.title.en} is not placed`);
      assert.ok(e.organisers.length >= 2, `${e.title.en} is not joint`);
    }
    assert.equal(new Set(items.map((e) => `${e.startsAt} ${e.room}`)).size, 7);
    const victims = items.find((e) => e.title.en.startsWith("Learning from victims of crime"));
    assert.ok(victims);
    assert.deepEqual(victims.organisers.map((o) => o.slug).sort(), ["acuns", "exit", "gaatw"]);
    assert.equal(victims.panellists.length, 2);
    for (const p of victims.panellists) {
      assert.equal(p.protected, true);
      assert.equal(p.name, null);
      assert.match(p.pseudonym ?? "", /^Panellist [AB] \(asylum seeker\)$/);
    }
    assert.ok(
      items.some((e) => e.title.en === "The contribution of NGOs to combating trafficking in persons"),
    );
    const admitted = await t.db
      .selectFrom("observer_applications as a")
      .innerJoin("organisations as o", "o.id", "a.organisation_id")
      .select("o.slug")
      .where("a.status", "=", "admitted")
      .execute();
    for (const slug of sideEventOrganisers)
      assert.ok(
        admitted.some((a) => a.slug === slug),
        `${slug} is not admitted`,
      );
    // the minor is protected as such, and the identity is kept for those who need it
    const minor = await t.db
      .selectFrom("side_event_panellists")
      .select(["name", "minor", "protection"])
      .where("minor", "=", true)
      .execute();
    assert.deepEqual(minor, [{ name: PROTECTED_DEMO_NAMES[1], minor: true, protection: "asylum_seeker" }]);
  });

  test("after the event: four events show their attendance and report, one its PDF summary", async () => {
    const list = (await t.app.inject("/api/v1/sessions/cop6/side-events")).json().items as Array<{
      id: string;
      title: { en: string };
    }>;
    const details = await Promise.all(
      list.map(async (e) => (await t.app.inject(`/api/v1/sessions/cop6/side-events/${e.id}`)).json()),
    );
    const recorded = details.filter((d) => d.afterEvent?.attendance);
    assert.equal(recorded.length, 4);
    const victims = recorded.find((d) => d.title.en.startsWith("Learning from victims of crime"));
    assert.deepEqual(victims.afterEvent.attendance, {
      total: 74,
      byGender: { female: 41, male: 30, undisclosed: 3 },
    });
    assert.match(victims.afterEvent.report.fr, /salle était pleine/);
    const [summary] = victims.afterEvent.materials;
    assert.equal(summary.title, "Summary of the discussion");
    const pdf = await t.app.inject(summary.url);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    const page = await t.app.inject({
      url: `/sessions/cop6/programme/${victims.id}?lang=fr`,
      headers: { accept: "text/html" },
    });
    assert.ok(page.body.includes("La salle était pleine"), page.body);
  });

  test("the protected panellists' names appear in no programme answer, page, calendar or audit row", async () => {
    const list = (await t.app.inject("/api/v1/sessions/cop6/side-events")).json().items as Array<{
      id: string;
      title: { en: string };
    }>;
    const victims = list.find((e) => e.title.en.startsWith("Learning from victims of crime"));
    assert.ok(victims);
    const bodies: string[] = [];
    const id: string = victims.id;
    for (const lang of ["en", "ar", "fr"]) {
      const urls: string[] = [
        `/api/v1/sessions/cop6/side-events?lang=${lang}`,
        `/api/v1/sessions/cop6/side-events/${id}?lang=${lang}`,
        `/api/v1/sessions/cop6/side-events.ics?lang=${lang}`,
        `/api/v1/sessions/cop6/side-events/${id}/event.ics?lang=${lang}`,
        `/sessions/cop6/programme?lang=${lang}`,
        `/sessions/cop6/programme/${id}?lang=${lang}`,
      ];
      for (const url of urls) {
        const res = await t.app.inject({ url, headers: { accept: "text/html" } });
        assert.equal(res.statusCode, 200, url);
        bodies.push(res.body);
      }
    }
    assert.ok(bodies.some((b) => b.includes("Panellist A (asylum seeker)")));
    const audit = await t.db.selectFrom("audit_log").selectAll().execute();
    const mails = await t.db.selectFrom("mail_outbox").selectAll().execute();
    const all = [...bodies, JSON.stringify(audit), JSON.stringify(mails)].join("\n");
    for (const name of PROTECTED_DEMO_NAMES) {
      assert.ok(!all.includes(name), `${name} leaked`);
      for (const part of name.split(" ")) assert.ok(!all.includes(part), `${part} leaked`);
    }
  });

  test("a French search finds a French mission", async () => {
    const res = await t.app.inject("/api/v1/organisations?q=traite&pageSize=100");
    assert.equal(res.statusCode, 200);
    const slugs: string[] = res.json().items.map((i: { slug: string }) => i.slug);
    const french = demoOrganisations.filter((o) => /traite/i.test(o.mission.fr ?? "")).map((o) => o.slug);
    assert.ok(french.length > 3);
    for (const slug of french) assert.ok(slugs.includes(slug), slug);
  });

  test("the printed accounts sign in with the printed password", async () => {
    for (const a of Object.values(demoAccounts) as DemoAccount[]) {
      const res = await TestClient.anonymous(t).post("/api/v1/auth/sign-in", {
        email: a.email,
        password: a.password,
      });
      assert.equal(res.statusCode, 200, `${a.email}: ${res.body}`);
      assert.equal(res.json().user.emailVerified, true);
    }
    const member = await t.db
      .selectFrom("organisation_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .innerJoin("organisations as o", "o.id", "m.organisation_id")
      .select(["o.slug", "m.role"])
      .where("u.email", "=", demoAccounts.member.email)
      .execute();
    assert.deepEqual(member, [{ slug: "gaatw", role: "member" }]);
  });

  test("the seed wrote audit rows and queued the invitation mails", async () => {
    const actions = await t.db
      .selectFrom("audit_log")
      .select("action")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .groupBy("action")
      .execute();
    const n = (action: string) => Number(actions.find((a) => a.action === action)?.n ?? 0);
    assert.equal(n("organisation.created"), demoOrganisations.length);
    assert.ok(n("organisation.verified") > 60);
    assert.ok(n("coalition_membership.accepted") >= 12);
    assert.equal(n("session.created"), 1);
    const mails = await t.db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    assert.ok(Number(mails.n) > 10);
  });

  test("seeding twice changes nothing", async () => {
    const before = await counts(t);
    let second: DemoReport | undefined;
    await seedDemo(t.services, (r) => {
      second = r;
    });
    assert.equal(second?.seeded, false);
    assert.deepEqual(await counts(t), before);
  });

  test("the announcement lists each account and the pages", () => {
    const lines = demoAnnouncement(t.services.config, demoAccounts, first).join("\n");
    for (const a of Object.values(demoAccounts) as DemoAccount[]) assert.ok(lines.includes(a.email));
    assert.match(lines, /convene-demo-2012/);
    assert.match(lines, /\/sessions\/cop6/);
    assert.match(lines, /\/admin\/outbox/);
  });
});
