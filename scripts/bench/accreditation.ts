/**
 * Accreditation scenarios of `npm run bench` (issue 3): the check-in of a badge at the venue (token
 * verified, check-in written) with a different badge per request, the secretariat's list of a
 * session of 2,000 delegates (API and page, first page of the paginated list), and the 2,000-row
 * XLSX export.
 *
 * The issue sets targets for the check-in (1,000 scans a second, p99 under 50 ms) and the export
 * (under 2 s); the list has none: its figures are printed for comparison with the bare route.
 *
 * `prepare` seeds two sessions of its own, running today, in a few bulk statements (the demo's
 * organisations admitted, approved delegates with badges), so that the demo session's figures stay
 * those of the source: "bench-venue" with 2,000 delegates for the list and the export, and
 * "bench-checkin" with 40,000 badges, so that the two check-in runs (50 scans in flight; 20 desks)
 * record new check-ins rather than repeated scans (a repeated scan answers 200 too, counted as
 * success, and costs less).
 */
import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { badgeKey, badgeToken } from "../../src/modules/accreditation/badges.service.js";
import type { BenchContext, BenchModule, BenchRoute } from "./types.js";

const SLUG = "bench-venue";
const DELEGATES = 2000;
/** Check-in: enough badges that two 12-second runs at 1,500 scans a second record new check-ins. */
const CHECKIN_SLUG = "bench-checkin";
const CHECKIN_BADGES = 40_000;
const SECRETARIAT = "secretariat@demo.convene.test";
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

const GIVEN = [
  "Amina",
  "Boris",
  "Carmen",
  "Deng",
  "Elif",
  "Farah",
  "Goran",
  "Hana",
  "Ines",
  "Jomo",
  "Kaito",
  "Lena",
];
const FAMILY = [
  "Abara",
  "Bergström",
  "Castillo",
  "Dimitrov",
  "Eze",
  "Fujita",
  "Gashi",
  "Haddad",
  "Ivanova",
  "Jensen",
];

/** A bench session and its approved, badged delegates; returns the badge tokens. */
async function seedSession(ctx: BenchContext, slug: string, count: number): Promise<string[]> {
  const { db } = ctx;
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const session = await db
    .insertInto("conference_sessions")
    .values({
      slug,
      number: null,
      body: JSON.stringify({}),
      observer_application_deadline: null,
      side_event_proposal_deadline: null,
      created_by: null,
      name: JSON.stringify({ en: `Bench session ${slug}` }),
      starts_on: day(-1),
      ends_on: day(3),
      venue_name: "Vienna International Centre",
      venue_city: "Vienna",
      venue_country: "AT",
      time_zone: "UTC",
      working_languages: ["en"],
      status: "published",
      delegate_quota: Math.min(1000, Math.ceil(count / 50)),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const orgs = await db.selectFrom("organisations").select(["id", "country"]).orderBy("slug").execute();
  const applications = await db
    .insertInto("observer_applications")
    .values(
      orgs.map((o) => ({
        session_id: session.id,
        organisation_id: o.id,
        path: "ecosoc" as const,
        status: "admitted" as const,
        relevance: "Bench application",
        submitted_at: new Date(),
        decided_at: new Date(),
      })),
    )
    .returning(["id", "organisation_id"])
    .execute();
  const countryOf = new Map(orgs.map((o) => [o.id, o.country]));
  const rows = Array.from({ length: count }, (_, i) => {
    const a = applications[i % applications.length]!;
    const given = GIVEN[i % GIVEN.length]!;
    const family = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!;
    return {
      application_id: a.id,
      session_id: session.id,
      organisation_id: a.organisation_id,
      full_name: `${given} ${family} ${i + 1}`,
      title: "Programme Officer",
      email: `delegate${i + 1}@${slug}.bench.convene.test`,
      nationality: countryOf.get(a.organisation_id)!,
      gender: i % 2 ? ("male" as const) : ("female" as const),
      status: "approved" as const,
      decided_at: new Date(),
      confirmed_at: new Date(),
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = await db
      .insertInto("delegates")
      .values(rows.slice(i, i + 2000))
      .returning("id")
      .execute();
    ids.push(...chunk.map((r) => r.id));
  }
  const codes = new Set<string>();
  while (codes.size < ids.length)
    codes.add(Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  const codeList = [...codes];
  const badges: Array<{ id: string }> = [];
  for (let i = 0; i < ids.length; i += 5000)
    badges.push(
      ...(await db
        .insertInto("badges")
        .values(
          ids.slice(i, i + 5000).map((id, j) => ({
            delegate_id: id,
            session_id: session.id,
            code: codeList[i + j]!,
            issued_at: new Date(),
          })),
        )
        .returning("id")
        .execute()),
    );
  await sql`analyze delegates, badges, checkins`.execute(db);
  const key = await badgeKey(db);
  return badges.map((b) => badgeToken(key, b.id, session.id));
}

const accreditation: BenchModule = {
  name: "accreditation",
  async prepare(ctx) {
    const started = performance.now();
    const listed = await seedSession(ctx, SLUG, DELEGATES);
    const tokens = await seedSession(ctx, CHECKIN_SLUG, CHECKIN_BADGES);
    ctx.log(
      `accreditation: sessions ${SLUG} (${listed.length} delegates) and ${CHECKIN_SLUG} (${tokens.length} badges) seeded in ${Math.round(performance.now() - started)} ms`,
    );
    const auth = await ctx.signIn(SECRETARIAT);
    const json = { ...auth, accept: "application/json", "content-type": "application/json" };
    const checkinPath = `/api/v1/sessions/${CHECKIN_SLUG}/checkins`;

    // One scan, checked here: the harness cannot check per-request bodies.
    const probe = await fetch(ctx.base + checkinPath, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ code: tokens[0] }),
    });
    const answer = (await probe.json()) as { result?: string };
    if (probe.status !== 200 || answer.result !== "checked_in")
      throw new Error(`check-in answered ${probe.status}: ${JSON.stringify(answer)}`);

    // A different badge per request; after all of them the same ones again ("already checked in", 200).
    let next = 1;
    const scans = (name: string, connections?: number): BenchRoute => ({
      name,
      path: checkinPath,
      method: "POST" as const,
      headers: json,
      requests: [
        {
          method: "POST",
          path: checkinPath,
          headers: json,
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            body: JSON.stringify({ code: tokens[next++ % tokens.length] }),
          }),
        },
      ],
      target: { rps: 1000, p99_ms: 50 },
      expect: [200],
      ...(connections ? { connections } : {}),
    });
    const routes: BenchRoute[] = [
      // 50 scans in flight at every moment, as every route of the bench
      scans("checkin-badge"),
      // 20 desks scanning without pause: a large venue's entrance
      scans("checkin-badge-20-desks", 20),
      {
        name: "delegates-api-2000",
        path: `/api/v1/sessions/${SLUG}/delegates`,
        headers: { ...auth, accept: "application/json" },
      },
      {
        name: "delegates-page-2000",
        path: `/sessions/${SLUG}/delegates`,
        headers: { ...auth, accept: "text/html" },
      },
    ];
    const timings = [
      {
        name: "delegates-xlsx-2000",
        target_ms: 2000,
        run: async () => {
          const res = await fetch(`${ctx.base}/api/v1/sessions/${SLUG}/delegates?format=xlsx`, {
            headers: auth,
          });
          const body = Buffer.from(await res.arrayBuffer());
          if (res.status !== 200 || body.subarray(0, 2).toString() !== "PK")
            throw new Error(`XLSX export answered ${res.status}`);
          if (body.length < 50_000) throw new Error(`XLSX export of ${body.length} bytes: not 2,000 rows`);
        },
      },
    ];
    return { routes, timings };
  },
};

export default accreditation;
