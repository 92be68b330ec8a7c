/** SQL of the organisations module, through Kysely. Tenancy is in each WHERE clause. */
import { type Expression, type SqlBool, sql } from "kysely";
import type { Db, Executor } from "../../platform/database.js";
import type { DirectoryQuery } from "./organisations.schemas.js";
import type { CoalitionStatus, OrganisationRole } from "./organisations.tables.js";

export async function findOrganisationBySlug(db: Executor, slug: string) {
  return db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisationBySlug>>>;

/** Locks the organisation row until the transaction ends (rules on its members, its version). */
export async function lockOrganisation(trx: Executor, id: string) {
  return trx
    .selectFrom("organisations")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function slugsStartingWith(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("organisations")
    .select("slug")
    .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

const summaryColumns = [
  "o.id",
  "o.slug",
  "o.name",
  "o.acronym",
  "o.kind",
  "o.country",
  "o.regional_group",
  "o.m49_region",
  "o.m49_subregion",
  "o.fields_of_work",
  "o.ecosoc_status",
  "o.working_languages",
  "o.verified_at",
] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** One tsquery per stemmer, OR'ed: a French query finds a French mission, an English one an English. */
function textQuery(q: string) {
  return sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('english', ${q})
    || websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('spanish', ${q})
    || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('arabic', ${q}))`;
}

/**
 * The public directory: full-text search across name, acronym and the mission in every language,
 * with substring matching (trigram-indexed) for what stemming misses: the start of a word in the
 * name, an acronym's prefix, Chinese text (PostgreSQL has no Chinese word breaker);
 * filters; a page of rows and the total. Order: rank for a search, name otherwise; id breaks ties.
 */
export async function searchOrganisations(db: Db, query: DirectoryQuery) {
  const q = query.q?.trim() || undefined;
  const tsq = q ? textQuery(q) : undefined;
  const lowered = q?.toLowerCase();

  let base = db.selectFrom("organisations as o");
  if (query.country) base = base.where("o.country", "=", query.country);
  if (query.regionalGroup) base = base.where("o.regional_group", "=", query.regionalGroup);
  if (query.region) {
    const region = query.region;
    base = base.where((eb) => eb.or([eb("o.m49_region", "=", region), eb("o.m49_subregion", "=", region)]));
  }
  if (query.field) base = base.where(sql<SqlBool>`o.fields_of_work @> array[${query.field}]::text[]`);
  if (query.ecosocStatus) base = base.where("o.ecosoc_status", "=", query.ecosocStatus);
  if (query.kind) base = base.where("o.kind", "=", query.kind);
  if (query.verified === true) base = base.where("o.verified_at", "is not", null);
  if (query.verified === false) base = base.where("o.verified_at", "is", null);
  if (query.coalition) {
    const coalition = query.coalition;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom("coalition_memberships as cm")
          .innerJoin("organisations as c", "c.id", "cm.coalition_id")
          .select(sql`1`.as("one"))
          .whereRef("cm.member_id", "=", "o.id")
          .where("cm.status", "=", "active")
          .where("c.slug", "=", coalition),
      ),
    );
  }
  if (q && tsq && lowered) {
    const contains = `%${escapeLike(lowered)}%`;
    const prefix = `${escapeLike(lowered)}%`;
    base = base.where((eb) => {
      const alternatives: Expression<SqlBool>[] = [
        sql<SqlBool>`o.search @@ ${tsq}`,
        sql<SqlBool>`lower(o.name) like ${contains}`,
        sql<SqlBool>`lower(o.acronym) like ${prefix}`,
      ];
      // PostgreSQL has no Chinese word breaker: look for the text itself in the Chinese mission.
      if (CJK.test(q)) alternatives.push(sql<SqlBool>`(o.mission->>'zh') like ${`%${escapeLike(q)}%`}`);
      return eb.or(alternatives);
    });
  }

  let rowsQuery = base.select(summaryColumns);
  if (q && tsq && lowered) {
    rowsQuery = rowsQuery.orderBy(
      sql`ts_rank_cd(o.search, ${tsq}) + similarity(lower(o.name), ${lowered})
        + case when lower(o.acronym) = ${lowered} or lower(o.name) = ${lowered} then 1 else 0 end`,
      "desc",
    );
  }
  rowsQuery = rowsQuery
    .orderBy(sql`lower(o.name)`)
    .orderBy("o.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  const [rows, count] = await Promise.all([
    rowsQuery.execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export type SummaryRow = Awaited<ReturnType<typeof searchOrganisations>>["rows"][number];

/** The countries where at least one organisation is based (for the directory's filter). */
export async function countriesInUse(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom("organisations").select("country").distinct().execute();
  return rows.map((r) => r.country);
}

/** Coalitions (for the directory's filter), by name. */
export async function listCoalitions(db: Executor) {
  return db
    .selectFrom("organisations")
    .select(["slug", "name", "acronym"])
    .where("kind", "=", "coalition")
    .orderBy(sql`lower(name)`)
    .execute();
}

/** The other side of an organisation's coalition memberships, with the given statuses. */
export async function coalitionLinks(db: Executor, organisationId: string, statuses: CoalitionStatus[]) {
  const [asCoalition, asMember] = await Promise.all([
    db
      .selectFrom("coalition_memberships as cm")
      .innerJoin("organisations as o", "o.id", "cm.member_id")
      .select([
        "cm.status",
        "cm.invited_at",
        "cm.responded_at",
        "cm.ended_at",
        "o.slug",
        "o.name",
        "o.acronym",
        "o.verified_at",
      ])
      .where("cm.coalition_id", "=", organisationId)
      .where("cm.status", "in", statuses)
      .orderBy(sql`lower(o.name)`)
      .execute(),
    db
      .selectFrom("coalition_memberships as cm")
      .innerJoin("organisations as o", "o.id", "cm.coalition_id")
      .select([
        "cm.status",
        "cm.invited_at",
        "cm.responded_at",
        "cm.ended_at",
        "o.slug",
        "o.name",
        "o.acronym",
        "o.verified_at",
      ])
      .where("cm.member_id", "=", organisationId)
      .where("cm.status", "in", statuses)
      .orderBy(sql`lower(o.name)`)
      .execute(),
  ]);
  return { asCoalition, asMember };
}

export type CoalitionLinkRow = Awaited<ReturnType<typeof coalitionLinks>>["asCoalition"][number];

export async function findCoalitionMembership(db: Executor, coalitionId: string, memberId: string) {
  return db
    .selectFrom("coalition_memberships")
    .selectAll()
    .where("coalition_id", "=", coalitionId)
    .where("member_id", "=", memberId)
    .forUpdate()
    .executeTakeFirst();
}

export async function listMembers(db: Executor, organisationId: string) {
  return db
    .selectFrom("organisation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.user_id", "m.role", "m.created_at", "u.display_name", "u.email"])
    .where("m.organisation_id", "=", organisationId)
    .orderBy("m.role")
    .orderBy(sql`lower(u.display_name)`)
    .execute();
}

export async function findMember(db: Executor, organisationId: string, userId: string) {
  return db
    .selectFrom("organisation_members")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function countFocalPoints(db: Executor, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("organisation_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "focal_point")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function addMember(
  db: Executor,
  organisationId: string,
  userId: string,
  role: OrganisationRole,
) {
  await db
    .insertInto("organisation_members")
    .values({ organisation_id: organisationId, user_id: userId, role })
    .execute();
}

/** The focal points of an organisation, with the language to write to them in. */
export async function focalPointsOf(db: Executor, organisationId: string) {
  return db
    .selectFrom("organisation_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.email", "u.preferred_language"])
    .where("m.organisation_id", "=", organisationId)
    .where("m.role", "=", "focal_point")
    .where("u.disabled_at", "is", null)
    .execute();
}

export async function pendingInvitations(db: Executor, organisationId: string, now: Date) {
  return db
    .selectFrom("organisation_invitations")
    .select(["id", "email", "role", "expires_at", "created_at"])
    .where("organisation_id", "=", organisationId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}

export async function findInvitationByHash(db: Executor, tokenHash: string, lock = false) {
  let query = db
    .selectFrom("organisation_invitations as i")
    .innerJoin("organisations as o", "o.id", "i.organisation_id")
    .select([
      "i.id",
      "i.organisation_id",
      "i.email",
      "i.role",
      "i.expires_at",
      "i.accepted_at",
      "i.revoked_at",
      "o.slug",
      "o.name",
      "o.acronym",
      "o.verified_at",
    ])
    .where("i.token_hash", "=", tokenHash);
  if (lock) query = query.forUpdate(["i"]);
  return query.executeTakeFirst();
}
