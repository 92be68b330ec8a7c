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
 * One page of that list: the page's ids are chosen on narrow rows (sorting the whole session's
 * names, nothing else), then only those rows are read in full with their badges.
 */
export async function sessionDelegatesPage(
  db: Executor,
  sessionId: string,
  filter: DelegateFilter,
  paging: { page: number; pageSize: number },
) {
  const page = sessionDelegatesQuery(db, sessionId, filter)
    .select(["d.id as pid", "o.name as porg", "d.full_name as pname"])
    .orderBy("o.name")
    .orderBy("d.full_name")
    .orderBy("d.id")
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return db
    .selectFrom(page.as("p"))
    .innerJoin("delegates as d", "d.id", "p.pid")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .leftJoin("badges as b", (j) => j.onRef("b.delegate_id", "=", "d.id").on("b.revoked_at", "is", null))
    .select(listColumns)
    .orderBy("p.porg")
    .orderBy("p.pname")
    .orderBy("p.pid")
    .execute();
}

export async function countSessionDelegates(db: Executor, sessionId: string, filter: DelegateFilter) {
  const row = await sessionDelegatesQuery(db, sessionId, filter)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
