/**
 * Observer participation in the demo session, so that its figures match the source document: 63
 * NGOs from every region attended the 6th session. Organisations apply between June and early
 * September 2012 (ECOSOC-status ones admitted by the Bureau, the others circulated to States under
 * rule 17 and admitted when the objection window closed; one objected to and refused by the
 * Conference), focal points register 1 to 5 representatives each (invented people), the
 * secretariat approves them a few days before the session and the staff check them in at the
 * Vienna International Centre on 15–19 October. A few admitted organisations did not come.
 *
 * Everything goes through the accreditation services with a clock set in 2012. Idempotent: when 63
 * organisations have checked in, one query says so and nothing is done; otherwise every step looks
 * before it acts, so an interrupted run is completed by the next one.
 */
import { asActor } from "../modules/accounts/accounts.common.js";
import { findUserByEmail } from "../modules/accounts/accounts.queries.js";
import { createAccount } from "../modules/accounts/accounts.setup.service.js";
import {
  applyForObserverStatus,
  decideApplication,
  findApplication,
} from "../modules/accreditation/accreditation.service.js";
import { checkIn } from "../modules/accreditation/badges.service.js";
import {
  decideDelegates,
  listOrganisationDelegates,
  registerDelegate,
} from "../modules/accreditation/delegates.service.js";
import {
  circulateApplication,
  closeObjectionWindow,
  lodgeObjection,
} from "../modules/accreditation/rule17.service.js";
import type { OrgCtx } from "../modules/organisations/organisations.service.js";
import { getSessionDetail } from "../modules/sessions/sessions.service.js";
import type { Actor } from "../platform/context.js";
import { type Executor, inTransaction } from "../platform/database.js";
import { ALLIANCE_SLUG, type DemoOrganisation, demoOrganisations } from "./organisations.data.js";
import { SESSION_SLUG } from "./session.data.js";
import { sideEventOrganisers } from "./side-events.seed.js";

/** The source document: "63 NGOs attended". */
export const DEMO_ATTENDING = 63;

/** The member-state delegate who objects to one application (an invented person). */
export const demoMemberStateDelegate = {
  email: "member.state@demo.convene.test",
  displayName: "Jonas Brekke (delegation of a Member State)",
};

/**
 * Organisations that did not attend, and why. The refused application is a fictional
 * organisation's; real ones only stayed away. Every other verified organisation attended.
 */
export const notAttending: Record<
  string,
  "never-applied" | "refused" | "no-delegates" | "no-show" | "pending"
> = {
  insyde: "never-applied",
  cecaj: "refused",
  iap: "no-delegates",
  "paz-ciudadana": "no-delegates",
  adilet: "no-delegates",
  ocal: "no-show",
  "polaris-project": "no-show",
  kibhr: "no-show",
  "chs-alternativo": "no-show",
  "fundacion-rahab": "pending",
};

const at = <C extends OrgCtx>(ctx: C, iso: string): C => ({ ...ctx, clock: { now: () => new Date(iso) } });
const DAY = 86_400_000;
const isoPlus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

/** A small stable hash, so that the same organisation always gets the same people. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---- invented people: given names and family names by the languages of the seats

interface NamePool {
  female: string[];
  male: string[];
  family: string[];
  /** family name first (as printed on a badge) */
  familyFirst?: true;
}
const pools: Record<string, NamePool> = {
  en: {
    female: ["Harriet", "Naomi", "Claire", "Rosalind", "Imogen", "Tamsin", "Megan", "Louise"],
    male: ["Gareth", "Duncan", "Julian", "Malcolm", "Tobias", "Rupert", "Owen", "Callum"],
    family: ["Ashdown", "Pemberton", "Whitlock", "Hargreave", "Calloway", "Thornbury", "Rowntree", "Ellery"],
  },
  de: {
    female: ["Annelie", "Brigitte", "Mareike", "Liesl", "Femke", "Sanne", "Ursula", "Ilse"],
    male: ["Matthias", "Jorrit", "Lukas", "Severin", "Bastiaan", "Florian", "Wouter", "Konrad"],
    family: [
      "Hollerbach",
      "Van Duinen",
      "Steinwender",
      "Kleinfeld",
      "Terpstra",
      "Ambrosch",
      "Weidinger",
      "Oosterhuis",
    ],
  },
  fr: {
    female: ["Aminata", "Mireille", "Solène", "Fatou", "Odile", "Clémence", "Awa", "Béatrice"],
    male: ["Ousmane", "Thibault", "Armand", "Moussa", "Lucien", "Serge", "Mamadou", "Gaël"],
    family: ["Delacroix", "Ndiaye", "Fontenelle", "Kaboré", "Marchetti", "Diallo", "Lemoine", "Mbarga"],
  },
  it: {
    female: ["Chiara", "Lucia", "Benedetta", "Ilaria"],
    male: ["Davide", "Matteo", "Corrado", "Emanuele"],
    family: ["Ferrantelli", "Brunetti", "Scordato", "Vitale", "Lombardozzi", "Carbone"],
  },
  es: {
    female: ["Ximena", "Lucía", "Marisol", "Valentina", "Guadalupe", "Carolina", "Rocío", "Inés"],
    male: ["Rodrigo", "Esteban", "Joaquín", "Mauricio", "Aurelio", "Santiago", "Fermín", "Ignacio"],
    family: [
      "Quintanar",
      "Villaseñor",
      "Arriaga",
      "Echeverría",
      "Montoya",
      "Saavedra",
      "Bustamante",
      "Olmedo",
    ],
  },
  pt: {
    female: ["Luana", "Tatiana", "Renata", "Juliana"],
    male: ["Thiago", "Marcelo", "Caio", "Rogério"],
    family: ["Albuquerque", "Nogueira", "Siqueira", "Tavares", "Vasconcelos", "Moreira"],
  },
  ar: {
    female: ["Rania", "Leila", "Nour", "Samira", "Hiba", "Dalia"],
    male: ["Karim", "Tarek", "Omar", "Yassine", "Hisham", "Nabil"],
    family: ["Haddad", "El-Masri", "Bennani", "Khoury", "Abu Zeid", "Mansour", "Saadeh", "Tazi"],
  },
  ru: {
    female: ["Oksana", "Irina", "Natalia", "Aigerim", "Nino", "Svetlana", "Gulnara", "Tamar"],
    male: ["Dmitri", "Andriy", "Yerlan", "Giorgi", "Aram", "Sergei", "Bakyt", "Vadim"],
    family: [
      "Kovalenko",
      "Abdrakhmanova",
      "Sokolova",
      "Beridze",
      "Petrosyan",
      "Lisitsyna",
      "Tolstikov",
      "Ermekova",
    ],
  },
  ce: {
    female: ["Agnieszka", "Mirela", "Zsófia", "Elira", "Jelena", "Desislava", "Ioana", "Amra"],
    male: ["Tomasz", "Bogdan", "Levente", "Ilir", "Dragan", "Ivaylo", "Radu", "Emir"],
    family: ["Wiśniewska", "Dumitrescu", "Kovács", "Hoxha", "Petrović", "Stoyanova", "Marinescu", "Hadžić"],
  },
  "south-asia": {
    female: ["Priya", "Sunita", "Nasreen", "Anjali", "Sabina", "Meera"],
    male: ["Rajesh", "Anil", "Tanvir", "Bishnu", "Arjun", "Imran"],
    family: ["Sharma", "Thapa", "Rahman", "Iyer", "Gurung", "Chowdhury", "Menon", "Karki"],
  },
  "se-asia": {
    female: ["Siriporn", "Sokha", "Maricel", "Dewi", "Kanya", "Ratana"],
    male: ["Somchai", "Vannak", "Rogelio", "Budi", "Anuwat", "Sopheap"],
    family: ["Charoenwong", "Chea", "Dela Cruz", "Santoso", "Wattana", "Sok", "Villanueva", "Pratama"],
  },
  zh: {
    female: ["Na", "Fang", "Jing", "Xiaoli", "Yan", "Min"],
    male: ["Wei", "Yang", "Lei", "Jun", "Hao", "Peng"],
    family: ["Li", "Wang", "Chen", "Zhao", "Liu", "Huang"],
    familyFirst: true,
  },
  ja: {
    female: ["Yumiko", "Akiko", "Haruka", "Emi"],
    male: ["Takeshi", "Kenji", "Hiroshi", "Daisuke"],
    family: ["Tanabe", "Morioka", "Kuroda", "Ishikawa"],
    familyFirst: true,
  },
  "africa-en": {
    female: ["Adaeze", "Akosua", "Wanjiru", "Nakato", "Thandiwe", "Efua", "Achieng", "Lindiwe"],
    male: ["Chinedu", "Kwame", "Otieno", "Mugisha", "Sipho", "Kofi", "Baraka", "Emeka"],
    family: ["Okonkwo", "Mensah", "Kamau", "Ssempala", "Dlamini", "Asante", "Odhiambo", "Nwosu"],
  },
};
const poolOfCountry: Record<string, string> = {
  AT: "de",
  DE: "de",
  CH: "de",
  NL: "de",
  FR: "fr",
  SN: "fr",
  CI: "fr",
  CM: "fr",
  CD: "fr",
  IT: "it",
  MX: "es",
  AR: "es",
  CO: "es",
  PE: "es",
  CR: "es",
  GT: "es",
  CL: "es",
  BR: "pt",
  LB: "ar",
  JO: "ar",
  EG: "ar",
  MA: "ar",
  TN: "ar",
  UA: "ru",
  RU: "ru",
  BY: "ru",
  MD: "ru",
  KZ: "ru",
  KG: "ru",
  AM: "ru",
  GE: "ru",
  PL: "ce",
  BG: "ce",
  RO: "ce",
  AL: "ce",
  RS: "ce",
  BA: "ce",
  HU: "ce",
  IN: "south-asia",
  NP: "south-asia",
  BD: "south-asia",
  TH: "se-asia",
  KH: "se-asia",
  PH: "se-asia",
  ID: "se-asia",
  CN: "zh",
  JP: "ja",
  NG: "africa-en",
  GH: "africa-en",
  KE: "africa-en",
  UG: "africa-en",
  ZA: "africa-en",
};
const titles = [
  "Executive Director",
  "Programme Officer",
  "Legal Adviser",
  "Researcher",
  "Advocacy Coordinator",
  "Board Member",
  "Head of Policy",
  "Project Manager",
];

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");

export interface DemoDelegate {
  fullName: string;
  title: string;
  email: string;
  nationality: string;
  gender: "female" | "male" | "undisclosed";
  consentPublic: boolean;
}

/** The 1 to 5 invented representatives of an organisation, always the same ones. */
export function demoDelegatesOf(org: DemoOrganisation): DemoDelegate[] {
  const h = hash(org.slug);
  const pool = pools[poolOfCountry[org.country] ?? "en"]!;
  const n = org.slug === ALLIANCE_SLUG || sideEventOrganisers.includes(org.slug) ? 3 + (h % 3) : 1 + (h % 5);
  return Array.from({ length: n }, (_, i) => {
    const k = hash(`${org.slug}:${i}`);
    const gender = k % 23 === 0 ? "undisclosed" : (h + i) % 2 === 0 ? "female" : "male";
    const givenNames = gender === "male" ? pool.male : pool.female;
    const given = givenNames[(k >>> 4) % givenNames.length]!;
    const family = pool.family[(k >>> 9) % pool.family.length]!;
    const fullName = pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
    return {
      fullName,
      title: titles[(k >>> 13) % titles.length]!,
      email: `${ascii(given)}.${ascii(family)}.${i + 1}@${org.slug}.demo.convene.test`,
      nationality: org.country,
      gender,
      consentPublic: (k >>> 17) % 5 < 2,
    };
  });
}

// ---- the seed

/** True when the demo session counts its 63 attending organisations (one query). */
export async function accreditationSeeded(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom("checkins as c")
    .innerJoin("conference_sessions as s", "s.id", "c.session_id")
    .innerJoin("delegates as d", "d.id", "c.delegate_id")
    .select((eb) => eb.fn.count<string>("d.organisation_id").distinct().as("n"))
    .where("s.slug", "=", SESSION_SLUG)
    .executeTakeFirstOrThrow();
  return Number(row.n) >= DEMO_ATTENDING;
}

/** Runs `fn` on every item, at most `limit` at a time (the pool has ten connections). */
async function inParallel<T>(items: T[], fn: (item: T, index: number) => Promise<void>, limit = 6) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function ensureMemberStateDelegate(secretariat: OrgCtx): Promise<Actor> {
  const { email, displayName } = demoMemberStateDelegate;
  const existing = await findUserByEmail(secretariat.db, email);
  if (existing) return asActor(existing);
  await inTransaction(secretariat.db, (trx) =>
    createAccount(trx, secretariat, {
      email,
      password: "convene-demo-2012",
      displayName,
      preferredLanguage: "en",
      roles: ["member_state_delegate"],
      verifiedAt: secretariat.clock.now(),
    }),
  );
  return asActor((await findUserByEmail(secretariat.db, email))!);
}

export async function seedAccreditation(
  secretariat: OrgCtx,
  focalPointOf: Map<string, Actor>,
): Promise<void> {
  if (await accreditationSeeded(secretariat.db)) return;
  const as = (slug: string): OrgCtx => ({ ...secretariat, actor: focalPointOf.get(slug)! });
  const session = await getSessionDetail(secretariat, SESSION_SLUG);
  const items = (...numbers: string[]) =>
    session.agendaItems.filter((i) => numbers.includes(i.number)).map((i) => i.id);
  const orgs = demoOrganisations.filter(
    (o) => o.verified !== false && notAttending[o.slug] !== "never-applied",
  );
  const stateDelegate = { ...secretariat, actor: await ensureMemberStateDelegate(secretariat) };

  // ---- applications, from mid-June to the deadline of 5 September 2012
  const first = Date.parse("2012-06-11T08:30:00Z");
  const span = Date.parse("2012-09-04T08:30:00Z") - first;
  await inParallel(orgs, async (org, i) => {
    const submitted = new Date(
      first + Math.round((span * i) / orgs.length / 3_600_000) * 3_600_000,
    ).toISOString();
    let { application } = await findApplication(secretariat, org.slug, SESSION_SLUG);
    application ??= await applyForObserverStatus(at(as(org.slug), submitted), org.slug, SESSION_SLUG, {
      relevance: `${org.name} follows the implementation of the Convention and its Protocols in its work (${org.fields.join(", ")}) and wishes to contribute to the Conference's discussions.`,
      agendaItemIds: items("2", i % 2 ? "2(b)" : "2(a)", i % 3 ? "3" : "5"),
    });
    if (application.status === "submitted" && application.path === "ecosoc") {
      application = await decideApplication(at(secretariat, isoPlus(submitted, 6 * DAY)), application.id, {
        decision: "admit",
      });
    } else if (application.status === "submitted") {
      application = await circulateApplication(at(secretariat, isoPlus(submitted, 2 * DAY)), application.id);
    }
    if (application.status === "circulated" && application.objectionDeadline) {
      const deadline = application.objectionDeadline.toISOString();
      if (
        notAttending[org.slug] === "refused" &&
        !application.timeline.some((e) => e.kind === "objection_lodged")
      )
        await lodgeObjection(
          at(stateDelegate, isoPlus(deadline, -5 * DAY)),
          application.id,
          "The information provided does not show the organisation's competence in matters covered by the Convention.",
        );
      await closeObjectionWindow(at(secretariat, isoPlus(deadline, 6 * 3_600_000)), application.id);
      ({ application } = await findApplication(secretariat, org.slug, SESSION_SLUG));
    }
    if (application?.status === "referred")
      // the Conference decides at its session (rule 17)
      await decideApplication(at(secretariat, "2012-10-15T13:00:00Z"), application.id, {
        decision: "reject",
        note: "The Conference decided not to admit the organisation at its 1st meeting.",
      });
  });

  // ---- representatives, registered by each focal point in September and October
  const admitted = orgs.filter((o) => !["refused", "no-delegates"].includes(notAttending[o.slug] ?? ""));
  const toApprove: string[][] = [];
  await inParallel(admitted, async (org, i) => {
    const ctx = at(as(org.slug), isoPlus("2012-09-10T09:00:00Z", (i % 25) * DAY));
    const { items: registered } = await listOrganisationDelegates(ctx, org.slug, SESSION_SLUG);
    const have = new Set(registered.map((d) => d.email));
    for (const d of demoDelegatesOf(org)) {
      if (!have.has(d.email))
        registered.push(
          await registerDelegate(ctx, org.slug, SESSION_SLUG, { ...d, language: org.languages[0] ?? "en" }),
        );
    }
    if (notAttending[org.slug] !== "pending")
      toApprove.push(registered.filter((d) => d.status === "pending").map((d) => d.id));
  });

  // ---- the secretariat approves them (badges and mails) on 8 October
  const approvalCtx = at(secretariat, "2012-10-08T10:00:00Z");
  await inParallel(
    toApprove.filter((ids) => ids.length),
    async (ids) => void (await decideDelegates(approvalCtx, SESSION_SLUG, ids, "approve")),
  );

  // ---- check-in at the Vienna International Centre, 15–19 October
  const badges = await secretariat.db
    .selectFrom("badges as b")
    .innerJoin("delegates as d", "d.id", "b.delegate_id")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .select(["b.code", "o.slug", "d.email"])
    .where("b.session_id", "=", session.id)
    .where("b.revoked_at", "is", null)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("checkins as c").select("c.id").whereRef("c.badge_id", "=", "b.id"))),
    )
    .orderBy("o.slug")
    .orderBy("d.email")
    .execute();
  const scans = badges.flatMap((b, i) => {
    if (notAttending[b.slug]) return [];
    const k = hash(b.email);
    // the first delegate of each organisation comes on the first day; a few others never come
    const firstOfOrg = i === 0 || badges[i - 1]!.slug !== b.slug;
    if (!firstOfOrg && k % 9 === 0) return [];
    const day = firstOfOrg ? 0 : k % 5;
    const minutes = 7 * 60 + ((k >>> 3) % 150); // 08:00–10:30 in Vienna (UTC+2)
    return [{ code: b.code, at: isoPlus("2012-10-15T00:00:00Z", day * DAY + minutes * 60_000) }];
  });
  await inParallel(scans, async (scan) => {
    await checkIn(at(secretariat, scan.at), SESSION_SLUG, scan.code);
  });
}
