/** SQL of the participant lists and figures (accreditation module). */
import type { Executor } from "../../platform/database.js";
import type { DelegateStatus } from "./accreditation.tables.js";

export interface DelegateFilter {
  status?: DelegateStatus;
  region?: string;
  country?: string;
  organisation?: string;
  field?: string;
}

function sessionDelegatesQuery(db: Executor, sessionId: string, filter: DelegateFilter) {
  let q = db
    .selectFrom("delegates as d")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .where("d.session_id", "=", sessionId);
  if (filter.status) q = q.where("d.status", "=", filter.status);
  if (filter.region) q = q.where("o.regional_group", "=", filter.region);
  if (filter.country) q = q.where("o.country", "=", filter.country);
  if (filter.organisation) q = q.where("o.slug", "=", filter.organisation);
  if (filter.field) q = q.where("o.fields_of_work", "@>", [filter.field]);
  return q;
}

const listColumns = [
  "d.id",
  "d.full_name",
  "d.title",
  "d.email",
  "d.nationality",
  "d.gender",
  "d.status",
  "d.confirmed_at",
  "d.consent_public",
  "d.photo_file_id",
  "o.slug as organisation_slug",
  "o.name as organisation",
  "o.country",
  "o.regional_group",
  "b.id as badge_id",
  "b.code as badge_code",
] as const;

/** Every delegate of a session (the exports), with organisation and valid badge, by organisation and name. */
export async function sessionDelegates(db: Executor, sessionId: string, filter: DelegateFilter) {
  return sessionDelegatesQuery(db, sessionId, filter)
    .leftJoin("badges as b", (j) => j.onRef("b.delegate_id", "=", "d.id").on("b.revoked_at", "is", null))
    .select(listColumns)
    .orderBy("o.name")
    .orderBy("d.full_name")
    .orderBy("d.id")
    .execute();
}

/**
 * One page of that list and how many the whole list holds, in one statement: the page's ids are
 * chosen on narrow rows (sorting the whole session's names, nothing else, and counting them), then
 * only those rows are read in full with their badges. A page past the end counts apart.
 */
export async function sessionDelegatesPage(
  db: Executor,
  sessionId: string,
  filter: DelegateFilter,
  paging: { page: number; pageSize: number },
) {
  const page = sessionDelegatesQuery(db, sessionId, filter)
    .select((eb) => [
      "d.id as pid",
      "o.name as porg",
      "d.full_name as pname",
      eb.fn.countAll<string>().over().as("ptotal"),
    ])
    .orderBy("o.name")
    .orderBy("d.full_name")
    .orderBy("d.id")
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  const rows = await db
    .selectFrom(page.as("p"))
    .innerJoin("delegates as d", "d.id", "p.pid")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .leftJoin("badges as b", (j) => j.onRef("b.delegate_id", "=", "d.id").on("b.revoked_at", "is", null))
    .select([...listColumns, "p.ptotal"])
    .orderBy("p.porg")
    .orderBy("p.pname")
    .orderBy("p.pid")
    .execute();
  const total = rows[0] ? Number(rows[0].ptotal) : await countSessionDelegates(db, sessionId, filter);
  return { items: rows.map(({ ptotal: _total, ...item }) => item), total };
}

async function countSessionDelegates(db: Executor, sessionId: string, filter: DelegateFilter) {
  const row = await sessionDelegatesQuery(db, sessionId, filter)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The admitted organisations of a session, and whether anyone of theirs checked in. */
export async function admittedWithAttendance(db: Executor, sessionId: string) {
  return db
    .selectFrom("observer_applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select((eb) => [
      "o.country",
      "o.regional_group",
      "o.fields_of_work",
      eb
        .exists(
          eb
            .selectFrom("checkins as c")
            .innerJoin("delegates as d", "d.id", "c.delegate_id")
            .select("c.id")
            .whereRef("d.organisation_id", "=", "a.organisation_id")
            .where("c.session_id", "=", sessionId),
        )
        .as("attending"),
    ])
    .where("a.session_id", "=", sessionId)
    .where("a.status", "=", "admitted")
    .execute();
}

/** Approved delegates by gender. */
export async function approvedByGender(db: Executor, sessionId: string) {
  return db
    .selectFrom("delegates")
    .select((eb) => ["gender", eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", sessionId)
    .where("status", "=", "approved")
    .groupBy("gender")
    .execute();
}

export async function admittedOrganisations(db: Executor, sessionId: string) {
  return db
    .selectFrom("observer_applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select(["o.id", "o.slug", "o.name", "o.acronym", "o.country"])
    .where("a.session_id", "=", sessionId)
    .where("a.status", "=", "admitted")
    .orderBy("o.name")
    .execute();
}

/** Approved delegates who chose to appear on the public list. */
export async function consentingDelegates(db: Executor, sessionId: string) {
  return db
    .selectFrom("delegates")
    .select(["organisation_id", "full_name"])
    .where("session_id", "=", sessionId)
    .where("status", "=", "approved")
    .where("consent_public", "=", true)
    .orderBy("full_name")
    .execute();
}

/** The security export: the one query that reads ID numbers and dates of birth. */
export async function securityRows(db: Executor, sessionId: string) {
  return db
    .selectFrom("delegates as d")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .select((eb) => [
      "d.full_name",
      "d.nationality",
      eb.cast<string | null>("d.date_of_birth", "text").as("dob"),
      "d.id_document_type",
      "d.id_document_number",
      eb.cast<string | null>("d.id_document_expiry", "text").as("expiry"),
      "o.name as organisation",
    ])
    .where("d.session_id", "=", sessionId)
    .where("d.status", "=", "approved")
    .orderBy("d.full_name")
    .execute();
}

export async function lockUnpurgedDelegates(db: Executor, sessionId: string) {
  return db
    .selectFrom("delegates")
    .select(["id", "photo_file_id"])
    .where("session_id", "=", sessionId)
    .where("personal_data_purged_at", "is", null)
    .forUpdate()
    .execute();
}

/** Removes ID numbers, dates of birth and photo links of these delegates. */
export async function purgeDelegates(db: Executor, ids: string[], at: Date) {
  await db
    .updateTable("delegates")
    .set({
      date_of_birth: null,
      id_document_type: null,
      id_document_number: null,
      id_document_expiry: null,
      photo_file_id: null,
      personal_data_purged_at: at,
    })
    .where("id", "in", ids)
    .execute();
}
