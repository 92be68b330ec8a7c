/**
 * Side-event scenarios of `npm run bench` (issue 4): the public programme of a session with 300
 * accepted side events, as a page (/sessions/{slug}/programme) and through the API
 * (/api/v1/sessions/{slug}/side-events). Target: 30% or more of the bare route's throughput, p99
 * under 50 ms.
 *
 * `prepare` seeds a session of its own ("bench-programme", five days, 10 rooms × 6 side-event slots
 * a day) in a few statements: the demo's organisations admitted, a call, 300 accepted proposals led
 * by them with one or two confirmed co-organisers, themes and languages, three or four panellists
 * each (one in five protected, with a pseudonym), every event placed in its own room and slot.
 * The demo session's figures stay those of the source.
 */
import http from "node:http";
import { sql } from "kysely";
import { fieldOfWorkCodes } from "../../src/modules/organisations/taxonomy.js";
import type { BenchContext, BenchModule } from "./types.js";

/** What browsers and HTTP client libraries send: the cached programme is sent compressed to them. */
const BROWSER_ENCODINGS = "gzip, deflate, br";
const SLUG = "bench-programme";
const EVENTS = 300;
const ROOMS = 10;
const DAYS = 5;
const SLOTS_A_DAY = 6;

const TOPICS = [
  "Victims' voices in criminal justice",
  "Trafficking in persons and the Internet",
  "Smuggling of migrants at sea",
  "Firearms trafficking in the Sahel",
  "Cybercrime and human rights",
  "Corruption in public procurement",
  "Environmental crime in the Amazon",
  "Witness protection",
  "Gender and organised crime",
  "Youth and gang prevention",
];
const GIVEN = ["Amina", "Boris", "Carmen", "Deng", "Elif", "Farah", "Goran", "Hana", "Ines", "Jomo"];
const FAMILY = ["Abara", "Bergström", "Castillo", "Dimitrov", "Eze", "Fujita", "Gashi", "Haddad"];
const LANGS = [["en"], ["en", "fr"], ["en", "es"], ["fr"], ["en", "ar"], ["ru", "en"], ["zh", "en"]];

async function seed(ctx: BenchContext) {
  const { db } = ctx;
  const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 9, 12));
  const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const session = await db
    .insertInto("conference_sessions")
    .values({
      slug: SLUG,
      number: null,
      name: JSON.stringify({ en: "Bench session with 300 side events", fr: "Session de banc d'essai" }),
      body: JSON.stringify({}),
      starts_on: day(0),
      ends_on: day(DAYS - 1),
      venue_name: "Vienna International Centre",
      venue_city: "Vienna",
      venue_country: "AT",
      time_zone: "Europe/Vienna",
      working_languages: ["en", "fr", "es", "ar", "ru", "zh"],
      status: "published",
      observer_application_deadline: null,
      side_event_proposal_deadline: null,
      created_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rooms = await db
    .insertInto("session_rooms")
    .values(
      Array.from({ length: ROOMS }, (_, i) => ({
        session_id: session.id,
        name: `Room M${i + 1}`,
        capacity: 40 + 10 * i,
      })),
    )
    .returning("id")
    .execute();
  const slots = await db
    .insertInto("session_time_slots")
    .values(
      Array.from({ length: DAYS * SLOTS_A_DAY }, (_, i) => {
        const d = Math.floor(i / SLOTS_A_DAY);
        const hour = 8 + 2 * (i % SLOTS_A_DAY);
        const at = (h: number) => new Date(`${day(d)}T${String(h).padStart(2, "0")}:00:00Z`);
        return { session_id: session.id, starts_at: at(hour), ends_at: at(hour + 1) };
      }),
    )
    .returning("id")
    .execute();
  const orgs = await db.selectFrom("organisations").select("id").orderBy("slug").execute();
  await db
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
    .execute();
  const call = await db
    .insertInto("side_event_calls")
    .values({
      session_id: session.id,
      deadline: new Date(start.getTime() - 30 * 86_400_000),
      formats: ["panel", "workshop", "film"],
      slot_minutes: 60,
      max_proposals_per_organisation: 20,
      criteria: JSON.stringify([{ code: "relevance", label: { en: "Relevance" }, weight: 1 }]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const proposals = await db
    .insertInto("side_event_proposals")
    .values(
      Array.from({ length: EVENTS }, (_, i) => {
        const topic = TOPICS[i % TOPICS.length]!;
        return {
          call_id: call.id,
          session_id: session.id,
          lead_organisation_id: orgs[i % orgs.length]!.id,
          status: "accepted" as const,
          title: JSON.stringify({ en: `${topic} (${i + 1})`, fr: `Manifestation ${i + 1}` }),
          abstract: JSON.stringify({
            en: `${topic}: practitioners, survivors and officials discuss what works, what does not, and what the Conference could do next. Event ${i + 1} of the bench session.`,
          }),
          themes: [
            fieldOfWorkCodes[i % fieldOfWorkCodes.length]!,
            fieldOfWorkCodes[(i * 7 + 3) % fieldOfWorkCodes.length]!,
          ],
          format: (["panel", "workshop", "film"] as const)[i % 3]!,
          languages: LANGS[i % LANGS.length]!,
          expected_audience: 30 + (i % 50),
          // every event in its own room and slot: 10 rooms × 30 slots = 300 places
          room_id: rooms[i % ROOMS]!.id,
          time_slot_id: slots[Math.floor(i / ROOMS)]!.id,
          submitted_at: new Date(),
          decided_at: new Date(),
        };
      }),
    )
    .returning(["id", "lead_organisation_id"])
    .execute();
  // one or two confirmed co-organisers, never the lead itself
  const coorganisers = proposals.flatMap((p, i) =>
    [...new Set([17, 34].slice(0, 1 + (i % 2)).map((k) => orgs[(i + k) % orgs.length]!.id))]
      .filter((id) => id !== p.lead_organisation_id)
      .map((organisation_id) => ({
        proposal_id: p.id,
        organisation_id,
        status: "confirmed" as const,
        responded_at: new Date(),
      })),
  );
  await db.insertInto("side_event_coorganisers").values(coorganisers).execute();
  let n = 0;
  await db
    .insertInto("side_event_panellists")
    .values(
      proposals.flatMap((p, i) =>
        Array.from({ length: 3 + (i % 2) }, (_, k) => {
          n++;
          const protectedOne = n % 5 === 0;
          return {
            proposal_id: p.id,
            position: k,
            name: `${GIVEN[n % GIVEN.length]} ${FAMILY[n % FAMILY.length]}`,
            affiliation: protectedOne ? null : "Civil society",
            gender: (["female", "male", "female", "other"] as const)[n % 4]!,
            country: (["AT", "NG", "BR", "TH", "AL", "AF"] as const)[n % 6],
            bio: protectedOne ? "Survivor and advocate." : "Works on the topic since 2010.",
            role: protectedOne ? "Survivor" : k === 0 ? "Moderator" : "Speaker",
            consent_to_publish: !protectedOne && n % 3 !== 0,
            consent_at: !protectedOne && n % 3 !== 0 ? new Date() : null,
            protection: protectedOne ? ("survivor" as const) : null,
            pseudonym: protectedOne ? `Speaker ${String.fromCharCode(65 + (n % 26))}` : null,
          };
        }),
      ),
    )
    .execute();
  await sql`analyze side_event_proposals, side_event_coorganisers, side_event_panellists`.execute(db);
  return proposals.length;
}

/** The size of the programme's answers as sent, identity / Brotli / gzip (node:http: no decoding). */
async function sizes(base: string): Promise<string> {
  const length = (path: string, accept: string, encoding: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers: { accept, "accept-encoding": encoding } }, (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.on("end", () => resolve(bytes));
        })
        .on("error", reject);
    });
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const parts = [];
  for (const [what, path, accept] of [
    ["API page of 50", `/api/v1/sessions/${SLUG}/side-events`, "application/json"],
    ["programme page", `/sessions/${SLUG}/programme`, "text/html"],
  ] as const) {
    const [plain, br, gz] = await Promise.all(["identity", "br", "gzip"].map((e) => length(path, accept, e)));
    parts.push(`${what} ${kB(plain!)} (Brotli ${kB(br!)}, gzip ${kB(gz!)})`);
  }
  return parts.join("; ");
}

const sideEvents: BenchModule = {
  name: "side-events",
  async prepare(ctx) {
    const started = performance.now();
    const count = await seed(ctx);
    ctx.log(
      `side-events: session ${SLUG} with ${count} accepted events seeded in ${Math.round(performance.now() - started)} ms`,
    );
    // checked once here: the harness cannot check bodies
    const api = await fetch(`${ctx.base}/api/v1/sessions/${SLUG}/side-events`, {
      headers: { accept: "application/json" },
    });
    const body = (await api.json()) as {
      items?: Array<{ panellists: Array<{ protected: boolean; name: string | null }> }>;
      total?: number;
    };
    const listed = body.total ?? body.items?.length ?? 0;
    if (api.status !== 200 || listed !== count)
      throw new Error(`programme API answered ${api.status} with ${listed} events`);
    if (body.items?.some((e) => e.panellists.some((p) => p.protected && p.name)))
      throw new Error("a protected panellist's name in the programme");
    const page = await fetch(`${ctx.base}/sessions/${SLUG}/programme`, { headers: { accept: "text/html" } });
    if (page.status !== 200) throw new Error(`programme page answered ${page.status}`);
    ctx.log(`side-events: bytes on the wire ${await sizes(ctx.base)}`);
    const target = { ratio: 0.3, p99_ms: 50 };
    return {
      routes: [
        {
          name: "programme-page-300",
          path: `/sessions/${SLUG}/programme`,
          headers: { accept: "text/html", "accept-encoding": BROWSER_ENCODINGS },
          target,
        },
        {
          name: "programme-api-300",
          path: `/api/v1/sessions/${SLUG}/side-events`,
          headers: { accept: "application/json", "accept-encoding": BROWSER_ENCODINGS },
          target,
        },
        {
          // the same answer to a client that accepts no compression (no target: for comparison)
          name: "programme-api-300-identity",
          path: `/api/v1/sessions/${SLUG}/side-events`,
          headers: { accept: "application/json", "accept-encoding": "identity" },
        },
      ],
    };
  },
};

export default sideEvents;
