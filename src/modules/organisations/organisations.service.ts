/**
 * Organisations: the one verified identity an organisation keeps across sessions and modules.
 * This file holds the profile (create, edit, verify) and the public reads (directory, page), which
 * are cached; members and invitations are in members.service.ts, coalitions in coalitions.service.ts.
 */
import { sql } from "kysely";
import {
  organisationRoles,
  requireActor,
  requireOrganisationRole,
  requireSecretariat,
} from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import type { PublicCache } from "../../platform/cache.js";
import type { Ctx } from "../../platform/context.js";
import { isSecretariat } from "../../platform/context.js";
import { type Db, type Executor, inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { countries, countryInfo, countryName, regionalGroupName, regionName } from "./geography.js";
import { cachedRead, invalidateOrganisations } from "./organisations.cache.js";
import {
  addMember,
  type CoalitionLinkRow,
  coalitionLinks,
  countriesInUse,
  findOrganisationBySlug,
  listCoalitions,
  lockOrganisation,
  type OrganisationRow,
  type SummaryRow,
  searchOrganisations,
  slugsStartingWith,
} from "./organisations.queries.js";
import type {
  DirectoryPage,
  DirectoryQuery,
  OrganisationCreate,
  OrganisationOut,
  OrganisationPatch,
  OrganisationSummary,
} from "./organisations.schemas.js";
import type { OrganisationRole } from "./organisations.tables.js";
import { fieldOfWorkLabel, fieldsOfWork } from "./taxonomy.js";

/** What the module's services need: a request's context and the public cache to invalidate. */
export type OrgCtx = Ctx & { cache: PublicCache };
/** Public reads need no actor. */
export type ReadCtx = { db: Db; cache: PublicCache };

// ---- slugs ----

const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};
/** Paths under /organisations/ that a slug must not take. */
const RESERVED_SLUGS = new Set(["new"]);

/** A URL-safe slug: Latin letters without accents, Cyrillic transliterated, the rest dropped. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

async function allocateSlug(trx: Executor, input: { slug?: string; acronym?: string | null; name: string }) {
  const base = input.slug ?? (slugify(input.acronym ?? "") || slugify(input.name) || "organisation");
  // Creators of the same base slug take turns, so two of them never pick the same suffix.
  await sql`select pg_advisory_xact_lock(hashtext(${`organisation-slug:${base}`}))`.execute(trx);
  const taken = await slugsStartingWith(trx, base);
  if (input.slug) {
    if (taken.has(base) || RESERVED_SLUGS.has(base)) throw new AppError("ORGANISATION_SLUG_TAKEN");
    return base;
  }
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ---- shaping ----

function derivedGeography(country: string) {
  const info = countryInfo(country);
  if (!info)
    throw new AppError("VALIDATION_FAILED", undefined, { fields: [{ path: "country", message: "unknown" }] });
  return { regional_group: info.regionalGroup, m49_region: info.m49Region, m49_subregion: info.m49Subregion };
}

export function toSummary(row: SummaryRow | OrganisationRow): OrganisationSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    country: row.country,
    regionalGroup: row.regional_group,
    m49Region: row.m49_region,
    m49Subregion: row.m49_subregion,
    fieldsOfWork: row.fields_of_work,
    ecosocStatus: row.ecosoc_status,
    workingLanguages: row.working_languages,
    verified: row.verified_at !== null,
  };
}

const toRef = (row: CoalitionLinkRow) => ({
  slug: row.slug,
  name: row.name,
  acronym: row.acronym,
  verified: row.verified_at !== null,
});

/** The public facts of an organisation, as the audit log records them. */
function auditFacts(row: OrganisationRow) {
  const { id: _id, created_at: _c, updated_at: _u, ...facts } = row;
  return facts;
}

// ---- profile ----

/** Creates an organisation; its creator becomes its focal point. */
export async function createOrganisation(ctx: OrgCtx, input: OrganisationCreate): Promise<OrganisationRow> {
  const actor = requireActor(ctx);
  const geography = derivedGeography(input.country);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const slug = await allocateSlug(trx, input);
    const row = await trx
      .insertInto("organisations")
      .values({
        slug,
        kind: input.kind,
        name: input.name,
        acronym: input.acronym ?? null,
        country: input.country,
        ...geography,
        fields_of_work: input.fieldsOfWork,
        ecosoc_status: input.ecosocStatus,
        website: input.website ?? null,
        working_languages: input.workingLanguages,
        mission: JSON.stringify(input.mission),
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addMember(trx, row.id, actor.id, "focal_point");
    await audit(trx, ctx, {
      action: "organisation.created",
      objectType: "organisation",
      objectId: row.id,
      organisationId: row.id,
      after: auditFacts(row),
    });
    await invalidateOrganisations(trx, ctx.cache);
    return row;
  });
}

/** The organisation as its focal point (or the secretariat) edits it; 404 for anyone else. */
export async function organisationForEdit(ctx: OrgCtx, slug: string): Promise<OrganisationRow> {
  const org = await findOrganisationBySlug(ctx.db, slug);
  if (!org) throw new AppError("NOT_FOUND");
  await requireOrganisationRole(ctx, org.id, ["focal_point"]);
  return org;
}

/**
 * Edits the profile. `expectedVersion` turns the organisation's id into the version the client
 * edited (If-Match, or the form's hidden field); a stale one is a 412 and changes nothing.
 */
export async function updateOrganisation(
  ctx: OrgCtx,
  slug: string,
  patch: OrganisationPatch,
  expectedVersion: (organisationId: string) => number,
): Promise<OrganisationRow> {
  const org = await organisationForEdit(ctx, slug);
  const version = expectedVersion(org.id);
  return inTransaction(ctx.db, async (trx) => {
    const current = await lockOrganisation(trx, org.id);
    if (current.version !== version) throw new AppError("PRECONDITION_FAILED");
    if (patch.kind === "ngo" && current.kind === "coalition") {
      const links = await coalitionLinks(trx, current.id, ["invited", "active"]);
      if (links.asCoalition.length > 0) throw new AppError("COALITION_HAS_MEMBERS");
    }
    const updated = await trx
      .updateTable("organisations")
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.acronym !== undefined && { acronym: patch.acronym }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.country !== undefined && { country: patch.country, ...derivedGeography(patch.country) }),
        ...(patch.fieldsOfWork !== undefined && { fields_of_work: patch.fieldsOfWork }),
        ...(patch.ecosocStatus !== undefined && { ecosoc_status: patch.ecosocStatus }),
        ...(patch.website !== undefined && { website: patch.website }),
        ...(patch.workingLanguages !== undefined && { working_languages: patch.workingLanguages }),
        ...(patch.mission !== undefined && { mission: JSON.stringify(patch.mission) }),
        version: current.version + 1,
        updated_at: ctx.clock.now(),
      })
      .where("id", "=", current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const was = auditFacts(current) as Record<string, unknown>;
    const now = auditFacts(updated) as Record<string, unknown>;
    for (const key of Object.keys(now)) {
      if (JSON.stringify(was[key]) !== JSON.stringify(now[key])) {
        before[key] = was[key];
        after[key] = now[key];
      }
    }
    await audit(trx, ctx, {
      action: "organisation.updated",
      objectType: "organisation",
      objectId: current.id,
      organisationId: current.id,
      before,
      after,
    });
    await invalidateOrganisations(trx, ctx.cache);
    return updated;
  });
}

/** The secretariat verifies an organisation (or withdraws the verification). */
export async function setVerified(ctx: OrgCtx, slug: string, verified: boolean): Promise<OrganisationRow> {
  const actor = requireSecretariat(ctx);
  const org = await findOrganisationBySlug(ctx.db, slug);
  if (!org) throw new AppError("NOT_FOUND");
  return inTransaction(ctx.db, async (trx) => {
    const current = await lockOrganisation(trx, org.id);
    if ((current.verified_at !== null) === verified) return current;
    const updated = await trx
      .updateTable("organisations")
      .set({ verified_at: verified ? ctx.clock.now() : null, verified_by: verified ? actor.id : null })
      .where("id", "=", current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: verified ? "organisation.verified" : "organisation.unverified",
      objectType: "organisation",
      objectId: current.id,
      organisationId: current.id,
      before: { verified_at: current.verified_at },
      after: { verified_at: updated.verified_at },
    });
    await invalidateOrganisations(trx, ctx.cache);
    return updated;
  });
}

/** The signed-in person's standing towards an organisation, so a page shows exactly the allowed actions. */
export async function viewerRole(
  ctx: Pick<Ctx, "actor" | "db">,
  organisationId: string,
): Promise<OrganisationRole | "secretariat" | null> {
  if (!ctx.actor) return null;
  if (isSecretariat(ctx.actor)) return "secretariat";
  return (await organisationRoles(ctx, [organisationId])).get(organisationId) ?? null;
}

// ---- public reads (cached) ----

/** An organisation's public facts, or null. */
export function getPublicOrganisation(ctx: ReadCtx, slug: string): Promise<OrganisationOut | null> {
  return cachedRead(ctx.cache, `org:${slug}`, async () => {
    const row = await findOrganisationBySlug(ctx.db, slug);
    if (!row) return null;
    const links = await coalitionLinks(ctx.db, row.id, ["active"]);
    return {
      ...toSummary(row),
      website: row.website,
      mission: row.mission,
      verifiedAt: row.verified_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
      coalitionMembers: links.asCoalition.map(toRef),
      memberOf: links.asMember.map(toRef),
    };
  });
}

export async function requirePublicOrganisation(ctx: ReadCtx, slug: string): Promise<OrganisationOut> {
  const org = await getPublicOrganisation(ctx, slug);
  if (!org) throw new AppError("NOT_FOUND");
  return org;
}

export function directoryKey(query: DirectoryQuery): string {
  const { lang: _lang, ...rest } = query;
  return JSON.stringify(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** A page of the public directory, with the total count. */
export function listDirectory(ctx: ReadCtx, query: DirectoryQuery): Promise<DirectoryPage> {
  return cachedRead(ctx.cache, `dir:${directoryKey(query)}`, async () => {
    const { rows, total } = await searchOrganisations(ctx.db, query);
    return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
  });
}

/** What the directory's filters offer: the coalitions, and the countries that have an organisation. */
export function directoryFilterOptions(ctx: ReadCtx) {
  return cachedRead(ctx.cache, "filter-options", async () => {
    const [coalitions, countries] = await Promise.all([listCoalitions(ctx.db), countriesInUse(ctx.db)]);
    return { coalitions, countries };
  });
}

// ---- reference data ----

export function fieldsOfWorkIn(lang: Lang) {
  return fieldsOfWork.map((f) => ({ code: f.code, label: fieldOfWorkLabel(f.code, lang) }));
}

const countriesByLang = new Map<Lang, ReturnType<typeof buildCountries>>();
function buildCountries(lang: Lang) {
  return countries
    .map((c) => ({
      code: c.code,
      name: countryName(c.code, lang),
      regionalGroup: c.regionalGroup,
      regionalGroupName: regionalGroupName(c.regionalGroup, lang),
      m49Region: c.m49Region,
      m49RegionName: regionName(c.m49Region, lang),
      m49Subregion: c.m49Subregion,
      m49SubregionName: regionName(c.m49Subregion, lang),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** Every country an organisation can be based in, with names in the language, sorted by name. */
export function countriesIn(lang: Lang) {
  let list = countriesByLang.get(lang);
  if (!list) {
    list = buildCountries(lang);
    countriesByLang.set(lang, list);
  }
  return list;
}

/** The M49 regions and sub-regions in use, with names in the language. */
export function regionsIn(lang: Lang): Array<{ value: string; label: string }> {
  const regions = new Map<string, Set<string>>();
  for (const c of countries) {
    const subs = regions.get(c.m49Region) ?? new Set<string>();
    subs.add(c.m49Subregion);
    regions.set(c.m49Region, subs);
  }
  const options: Array<{ value: string; label: string }> = [];
  const byName = (a: string, b: string) => regionName(a, lang).localeCompare(regionName(b, lang), lang);
  for (const region of [...regions.keys()].sort(byName)) {
    options.push({ value: region, label: regionName(region, lang) });
    for (const sub of [...(regions.get(region) ?? [])].sort(byName)) {
      options.push({ value: sub, label: `${regionName(region, lang)} — ${regionName(sub, lang)}` });
    }
  }
  return options;
}
