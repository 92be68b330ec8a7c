/**
 * The demo of `npm run demo`: the 6th session of the CTOC/COP (Vienna, 15–19 October 2012) with the
 * NGOs that took part, the NGO Alliance and its members, and accounts to sign in with.
 *
 * Everything goes through the modules' service functions, so audit rows, derived regions, search
 * vectors and cache invalidation come out as they would from the UI. The one shortcut: the focal
 * points of the organisations other than the printed ones are inserted with a password hash
 * computed once (argon2 costs ~50 ms a hash), still with their "user.created" audit row.
 *
 * Idempotent: when the NGO Alliance and the session exist, nothing is done. Otherwise every step
 * looks before it creates, so a run interrupted half-way is completed by the next one.
 */
import { asActor } from "../modules/accounts/accounts.common.js";
import { findUserByEmail, insertUser } from "../modules/accounts/accounts.queries.js";
import { createAccount } from "../modules/accounts/accounts.setup.service.js";
import {
  inviteCoalitionMember,
  respondToCoalitionInvitation,
} from "../modules/organisations/coalitions.service.js";
import { acceptInvitation, inviteMember } from "../modules/organisations/members.service.js";
import {
  findCoalitionMembership,
  findMember,
  findOrganisationBySlug,
} from "../modules/organisations/organisations.queries.js";
import { ZOrganisationCreate } from "../modules/organisations/organisations.schemas.js";
import {
  createOrganisation,
  type OrgCtx,
  setVerified,
} from "../modules/organisations/organisations.service.js";
import {
  createAgendaItem,
  createDeadline,
  createRoom,
  createTimeSlot,
} from "../modules/sessions/sessions.items.service.js";
import { createPlenaryMeeting } from "../modules/sessions/sessions.plenary.service.js";
import { findSession } from "../modules/sessions/sessions.queries.js";
import {
  ZAgendaItemCreate,
  ZDeadlineCreate,
  ZPlenaryMeetingCreate,
  ZRoomCreate,
  ZSessionCreate,
  ZTimeSlotCreate,
} from "../modules/sessions/sessions.schemas.js";
import { createSession, getSessionDetail } from "../modules/sessions/sessions.service.js";
import { audit } from "../platform/audit.js";
import { hashPassword } from "../platform/auth.js";
import type { PublicCache } from "../platform/cache.js";
import type { Config } from "../platform/config.js";
import type { Actor, PlatformRole, Services } from "../platform/context.js";
import { inTransaction } from "../platform/database.js";
import type { Lang } from "../platform/i18n/languages.js";
import { accreditationSeeded, seedAccreditation } from "./accreditation.seed.js";
import { ALLIANCE_SLUG, type DemoOrganisation, demoOrganisations } from "./organisations.data.js";
import {
  demoAgenda,
  demoDeadlines,
  demoPlenaryMeetings,
  demoRooms,
  demoSession,
  demoTimeSlots,
  SESSION_SLUG,
} from "./session.data.js";
import { seedSideEvents, sideEventsSeeded } from "./side-events.seed.js";

/** The password of every demo account. Public on purpose: this is a demo. */
export const DEMO_PASSWORD = "convene-demo-2012";
const DOMAIN = "demo.convene.test";

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  displayName: string;
  preferredLanguage: Lang;
  roles: PlatformRole[];
  /** the organisation the account belongs to, and as what */
  organisation?: { slug: string; role: "focal_point" | "member" };
}

export interface DemoAccounts {
  secretariat: DemoAccount;
  focalPoint: DemoAccount;
  member: DemoAccount;
  allianceFocalPoint: DemoAccount;
}

const account = (
  role: string,
  local: string,
  displayName: string,
  extra: Partial<DemoAccount> = {},
): DemoAccount => ({
  role,
  email: `${local}@${DOMAIN}`,
  password: DEMO_PASSWORD,
  displayName,
  preferredLanguage: "en",
  roles: [],
  ...extra,
});

/** The accounts printed at start (invented people). */
export const demoAccounts: DemoAccounts = {
  secretariat: account("Secretariat (UNODC, CTOC/COP)", "secretariat", "Elena Novak", {
    roles: ["secretariat"],
  }),
  focalPoint: account("Focal point of GAATW", "focal.point", "Malee Srisuk", {
    organisation: { slug: "gaatw", role: "focal_point" },
  }),
  member: account("Member of GAATW (French interface)", "member", "Camille Dubois", {
    preferredLanguage: "fr",
    organisation: { slug: "gaatw", role: "member" },
  }),
  allianceFocalPoint: account("Focal point of the NGO Alliance", "alliance", "Daniel Okafor", {
    organisation: { slug: ALLIANCE_SLUG, role: "focal_point" },
  }),
};

/** The generated focal point of an organisation that has no printed account. */
export function generatedFocalPointEmail(slug: string): string {
  return `focal.${slug}@${DOMAIN}`;
}

type DemoServices = Services & { cache: PublicCache };

/** What the seed did, for the start-up message. */
export interface DemoReport {
  seeded: boolean;
  ms: number;
  /** NGOs in the demo data (the coalition aside) */
  ngos: number;
}

/** Seeds the demo unless it is there already; returns the printed accounts. */
export async function seedDemo(
  services: DemoServices,
  report?: (r: DemoReport) => void,
): Promise<DemoAccounts> {
  const started = Date.now();
  const done = (seeded: boolean) => {
    report?.({
      seeded,
      ms: Date.now() - started,
      ngos: demoOrganisations.filter((o) => o.kind !== "coalition").length,
    });
    return demoAccounts;
  };
  const alliance = await findOrganisationBySlug(services.db, ALLIANCE_SLUG);
  const session = await findSession(services.db, { slug: SESSION_SLUG });
  if (
    alliance &&
    session &&
    (await sideEventsSeeded(services.db)) &&
    (await accreditationSeeded(services.db)) &&
    (await plenarySeeded(services.db, session.id))
  )
    return done(false);

  const base = { ...services, lang: "en" as const, requestId: "demo-seed", ip: "127.0.0.1" };
  const as = (actor: Actor | null): OrgCtx => ({ ...base, actor });

  // ---- accounts ----
  // The secretariat account comes first and creates the others, as in the admin pages; their
  // password hashes are computed side by side.
  const secretariat = as(await ensureAccount(services, as(null), demoAccounts.secretariat));
  const others = (Object.values(demoAccounts) as DemoAccount[]).filter((a) => a !== demoAccounts.secretariat);
  const withOwnAccount = new Set(
    others.flatMap((a) => (a.organisation?.role === "focal_point" ? [a.organisation.slug] : [])),
  );
  const [actors, focalPointOf] = await Promise.all([
    Promise.all(others.map((a) => ensureAccount(services, secretariat, a))),
    ensureGeneratedFocalPoints(
      services,
      secretariat,
      demoOrganisations.filter((o) => !withOwnAccount.has(o.slug)),
    ),
  ]);
  const printed = new Map<string, Actor>(others.map((a, i) => [a.email, actors[i]!]));
  for (const a of others) {
    if (a.organisation?.role === "focal_point") focalPointOf.set(a.organisation.slug, printed.get(a.email)!);
  }

  // ---- organisations, verified by the secretariat ----
  // Independent of each other: a few at a time, so that commits share the disk's flushes.
  await inParallel(demoOrganisations, async (org) => {
    if (!(await findOrganisationBySlug(services.db, org.slug))) {
      await createOrganisation(as(focalPointOf.get(org.slug)!), toCreateInput(org));
    }
    if (org.verified !== false) await setVerified(secretariat, org.slug, true);
  });

  // ---- GAATW's member, invited by its focal point ----
  const member = demoAccounts.member;
  if (member.organisation) {
    const org = (await findOrganisationBySlug(services.db, member.organisation.slug))!;
    const memberActor = printed.get(member.email)!;
    if (!(await findMember(services.db, org.id, memberActor.id))) {
      const { token } = await inviteMember(as(focalPointOf.get(org.slug)!), org.slug, {
        email: member.email,
        role: member.organisation.role,
      });
      await acceptInvitation(as(memberActor), token);
    }
  }

  // ---- the NGO Alliance: its focal point invites, each member's focal point accepts ----
  const coalition = (await findOrganisationBySlug(services.db, ALLIANCE_SLUG))!;
  const coalitionCtx = as(focalPointOf.get(ALLIANCE_SLUG)!);
  await inParallel(
    demoOrganisations.filter((o) => o.alliance),
    async (org) => {
      const row = (await findOrganisationBySlug(services.db, org.slug))!;
      let link = await findCoalitionMembership(services.db, coalition.id, row.id);
      if (!link) {
        await inviteCoalitionMember(coalitionCtx, ALLIANCE_SLUG, org.slug);
        link = await findCoalitionMembership(services.db, coalition.id, row.id);
      }
      if (org.alliance === "active" && link?.status === "invited") {
        await respondToCoalitionInvitation(as(focalPointOf.get(org.slug)!), org.slug, ALLIANCE_SLUG, true);
      }
    },
  );

  // ---- the session and its items ----
  if (!session) await createSession(secretariat, ZSessionCreate.parse(demoSession));
  await ensureSessionItems(secretariat);

  // ---- the side events of the session, with their organisers admitted as observers ----
  await seedSideEvents(secretariat, focalPointOf);
  await seedAccreditation(secretariat, focalPointOf);

  return done(true);
}

/** Runs `fn` on every item, at most `limit` at a time (the pool has ten connections). */
async function inParallel<T>(items: T[], fn: (item: T) => Promise<void>, limit = 6): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function toCreateInput(org: DemoOrganisation) {
  return ZOrganisationCreate.parse({
    slug: org.slug,
    name: org.name,
    acronym: org.acronym ?? null,
    kind: org.kind ?? "ngo",
    country: org.country,
    fieldsOfWork: org.fields,
    ecosocStatus: org.ecosoc,
    website: org.website ?? null,
    workingLanguages: org.languages,
    mission: org.mission,
  });
}

/** A printed account: created through the accounts service (its own argon2 hash), e-mail verified. */
async function ensureAccount(services: DemoServices, ctx: OrgCtx, a: DemoAccount): Promise<Actor> {
  const existing = await findUserByEmail(services.db, a.email);
  if (existing) return asActor(existing);
  await inTransaction(services.db, (trx) =>
    createAccount(trx, ctx, {
      email: a.email,
      password: a.password,
      displayName: a.displayName,
      preferredLanguage: a.preferredLanguage,
      roles: a.roles,
      verifiedAt: services.clock.now(),
    }),
  );
  return asActor((await findUserByEmail(services.db, a.email))!);
}

/**
 * One focal point per other organisation, in one transaction, sharing one hash of the demo
 * password; each gets the audit row the accounts service would write.
 */
async function ensureGeneratedFocalPoints(
  services: DemoServices,
  ctx: OrgCtx,
  orgs: DemoOrganisation[],
): Promise<Map<string, Actor>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = services.clock.now();
  return inTransaction(services.db, async (trx) => {
    const actors = new Map<string, Actor>();
    for (const org of orgs) {
      const email = generatedFocalPointEmail(org.slug);
      let user = await findUserByEmail(trx, email);
      if (!user) {
        user = await insertUser(trx, {
          email,
          passwordHash,
          displayName: `Focal point, ${org.acronym ?? org.name}`.slice(0, 120),
          preferredLanguage: org.languages[0] ?? "en",
          emailVerifiedAt: now,
        });
        if (!user) throw new Error(`demo: could not create ${email}`);
        await audit(trx, ctx, {
          action: "user.created",
          objectType: "user",
          objectId: user.id,
          after: {
            email: user.email,
            displayName: user.display_name,
            preferredLanguage: user.preferred_language,
            roles: user.roles,
            emailVerified: true,
            disabled: false,
          },
        });
      }
      actors.set(org.slug, asActor(user));
    }
    return actors;
  });
}

/** The agenda, rooms, side-event slots, deadlines and plenary meetings that the session does not have yet. */
async function ensureSessionItems(ctx: OrgCtx): Promise<void> {
  const detail = await getSessionDetail(ctx, SESSION_SLUG);
  const numbers = new Set(detail.agendaItems.map((i) => i.number));
  for (const item of demoAgenda) {
    if (!numbers.has(item.number)) await createAgendaItem(ctx, SESSION_SLUG, ZAgendaItemCreate.parse(item));
  }
  const rooms = new Set(detail.rooms.map((r) => r.name));
  for (const room of demoRooms) {
    if (!rooms.has(room.name)) await createRoom(ctx, SESSION_SLUG, ZRoomCreate.parse(room));
  }
  const slots = new Set(detail.timeSlots.map((s) => `${s.date} ${s.start}`));
  for (const slot of demoTimeSlots) {
    if (!slots.has(`${slot.date} ${slot.start}`))
      await createTimeSlot(ctx, SESSION_SLUG, ZTimeSlotCreate.parse(slot));
  }
  const deadlines = new Set(detail.deadlines.map((d) => d.label.en));
  for (const deadline of demoDeadlines) {
    if (!deadlines.has(deadline.label.en))
      await createDeadline(ctx, SESSION_SLUG, ZDeadlineCreate.parse(deadline));
  }
  // ---- the plenary programme (agenda items by number) ----
  const agendaIds = new Map(
    (await getSessionDetail(ctx, SESSION_SLUG)).agendaItems.map((i) => [i.number, i.id]),
  );
  const meetings = new Set(detail.plenaryMeetings.map((m) => `${m.date} ${m.start}`));
  for (const { agendaItems, ...meeting } of demoPlenaryMeetings) {
    if (meetings.has(`${meeting.date} ${meeting.start}`)) continue;
    const agendaItemIds = agendaItems.map((number) => agendaIds.get(number) ?? number);
    await createPlenaryMeeting(ctx, SESSION_SLUG, ZPlenaryMeetingCreate.parse({ ...meeting, agendaItemIds }));
  }
}

async function plenarySeeded(db: Services["db"], sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom("session_plenary_meetings")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n) >= demoPlenaryMeetings.length;
}

/** The lines `npm run demo` prints under the address. */
export function demoAnnouncement(config: Config, accounts: DemoAccounts, report?: DemoReport): string[] {
  const url = config.baseUrl;
  const rows = Object.values(accounts) as DemoAccount[];
  const width = Math.max(...rows.map((a) => a.role.length));
  const pages = [
    ["/organisations", "the directory (try ?q=traite, or ?lang=ar)"],
    [`/organisations/${ALLIANCE_SLUG}`, "the coalition and its member organisations"],
    [`/sessions/${SESSION_SLUG}`, "the session: agenda, plenary programme, rooms, side-event slots, figures"],
    [`/sessions/${SESSION_SLUG}/participants`, "the participants: 63 NGOs attended"],
    [
      `/sessions/${SESSION_SLUG}/programme`,
      "the 7 side events (protected panellists under pseudonyms; attendance and reports of four)",
    ],
    [`/sessions/${SESSION_SLUG}/schedule`, "the schedule editor (signed in as the secretariat)"],
    [
      "/organisations/gaatw/side-events",
      "GAATW's side events (its focal point): proposals, panellists' private links to their time and room",
    ],
    ["/delegate-link", "a delegate asks for a new link to their own page (the mail lands in the outbox)"],
    ["/admin/outbox", "the mail the demo sent (signed in as the secretariat)"],
  ] as const;
  const pathWidth = Math.max(...pages.map(([path]) => path.length));
  return [
    "",
    "Demo: 6th session of the Conference of the Parties to the UN Convention against Transnational",
    "Organized Crime (Vienna International Centre, 15–19 October 2012).",
    report
      ? report.seeded
        ? `  Loaded ${report.ngos} NGOs, the NGO Alliance and the session in ${report.ms} ms.`
        : config.databaseUrl
          ? "  Demo data already present: nothing loaded."
          : `  Demo data already present: nothing loaded (delete ${config.dataDir} to start afresh).`
      : "",
    "",
    `Sign in at ${url}/sign-in (password for every demo account: ${DEMO_PASSWORD})`,
    ...rows.map((a) => `  ${a.role.padEnd(width)}  ${a.email}`),
    `  Every other organisation has a focal point ${generatedFocalPointEmail("<slug>")}, same password.`,
    "",
    "Look at:",
    ...pages.map(([path, what]) => `  ${`${url}${path}`.padEnd(url.length + pathWidth)}  ${what}`),
  ].filter((line, i, all) => line !== "" || all[i - 1] !== "");
}
