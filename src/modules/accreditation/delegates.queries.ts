/** SQL of delegates (accreditation module). */
import type { Insertable, Updateable } from "kysely";
import type { Executor } from "../../platform/database.js";
import type { DelegateStatus, DelegatesTable } from "./accreditation.tables.js";

/** What lists show of a delegate: no ID number, no date of birth. */
export const summaryColumns = [
  "d.id",
  "d.session_id",
  "d.organisation_id",
  "d.full_name",
  "d.title",
  "d.email",
  "d.nationality",
  "d.gender",
  "d.status",
  "d.confirmed_at",
  "d.consent_public",
  "d.photo_file_id",
] as const;

/** A delegate with every column (dates as text); undefined for an id that is not a UUID. */
export async function loadDelegateRow(db: Executor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db
    .selectFrom("delegates as d")
    .selectAll("d")
    .select((eb) => [
      eb.cast<string | null>("d.date_of_birth", "text").as("dob"),
      eb.cast<string | null>("d.id_document_expiry", "text").as("expiry"),
    ])
    .where("d.id", "=", id)
    .executeTakeFirst();
}

/** The organisation's application to the session, locked: the parent row of the quota (at most N). */
export async function lockApplicationOf(db: Executor, sessionId: string, organisationId: string) {
  return db
    .selectFrom("observer_applications")
    .select(["id", "status"])
    .where("session_id", "=", sessionId)
    .where("organisation_id", "=", organisationId)
    .forUpdate()
    .executeTakeFirst();
}

/** Delegates counted against the quota (all but the rejected ones). */
export async function countActiveDelegates(db: Executor, applicationId: string) {
  const { n } = await db
    .selectFrom("delegates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("application_id", "=", applicationId)
    .where("status", "!=", "rejected")
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertDelegate(db: Executor, values: Insertable<DelegatesTable>) {
  return db.insertInto("delegates").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function updateDelegateRow(db: Executor, id: string, set: Updateable<DelegatesTable>) {
  await db.updateTable("delegates").set(set).where("id", "=", id).execute();
}

/**
 * Updates the delegate only while the link token is still theirs (and, if given, while their
 * status is still `status`); returns the rows changed (0 or 1).
 */
export async function updateDelegateByLink(
  db: Executor,
  id: string,
  linkHash: string,
  set: Updateable<DelegatesTable>,
  status?: DelegateStatus,
) {
  let update = db
    .updateTable("delegates")
    .set(set)
    .where("id", "=", id)
    .where("link_token_hash", "=", linkHash);
  if (status) update = update.where("status", "=", status);
  const r = await update.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function organisationDelegates(db: Executor, organisationId: string, sessionId: string) {
  return db
    .selectFrom("delegates as d")
    .select(summaryColumns)
    .where("d.organisation_id", "=", organisationId)
    .where("d.session_id", "=", sessionId)
    .orderBy("d.created_at")
    .execute();
}

/** The session's delegates among `ids`, locked for a decision. */
export async function lockSessionDelegates(db: Executor, sessionId: string, ids: string[]) {
  return db
    .selectFrom("delegates")
    .select(["id", "organisation_id", "status", "email", "full_name", "session_id"])
    .where("session_id", "=", sessionId)
    .where("id", "in", ids.length ? ids : ["00000000-0000-0000-0000-000000000000"])
    .forUpdate()
    .execute();
}

export async function delegateIdByLinkHash(db: Executor, linkHash: string) {
  const row = await db
    .selectFrom("delegates")
    .select("id")
    .where("link_token_hash", "=", linkHash)
    .executeTakeFirst();
  return row?.id;
}

/** The organisation and session a delegate belongs to, for their page. */
export async function delegatePlace(db: Executor, delegateId: string) {
  return db
    .selectFrom("delegates as d")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .innerJoin("conference_sessions as s", "s.id", "d.session_id")
    .select([
      "o.slug as organisation_slug",
      "o.name as organisation_name",
      "s.slug as session_slug",
      "s.name as session_name",
    ])
    .where("d.id", "=", delegateId)
    .executeTakeFirstOrThrow();
}

/** A person's registrations a new link can reach (by e-mail address, any case): not rejected, data not purged. */
export async function linkableDelegatesByEmail(db: Executor, email: string) {
  return db
    .selectFrom("delegates")
    .select(["id", "organisation_id", "session_id", "full_name", "email"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .where("status", "!=", "rejected")
    .where("personal_data_purged_at", "is", null)
    .orderBy("created_at")
    .forUpdate()
    .execute();
}

export async function sessionSlugOf(db: Executor, sessionId: string) {
  const row = await db
    .selectFrom("conference_sessions")
    .select("slug")
    .where("id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return row.slug;
}
