/** SQL of observer applications (accreditation module). */
import type { Insertable, Updateable } from "kysely";
import type { Executor } from "../../platform/database.js";
import type {
  ApplicationStatus,
  ObserverApplicationEventsTable,
  ObserverApplicationsTable,
  ObserverObjectionsTable,
} from "./accreditation.tables.js";

/** An application with its organisation and session. */
export function applicationQuery(db: Executor) {
  return db
    .selectFrom("observer_applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .innerJoin("conference_sessions as s", "s.id", "a.session_id")
    .select([
      "a.id",
      "a.session_id",
      "s.slug as session_slug",
      "a.organisation_id",
      "o.slug as organisation_slug",
      "o.name as organisation_name",
      "a.path",
      "a.status",
      "a.relevance",
      "a.agenda_item_ids",
      "a.submitted_at",
      "a.circulated_at",
      "a.objection_deadline",
      "a.decided_at",
    ]);
}
export type ApplicationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof applicationQuery>["executeTakeFirst"]>>
>;

export async function timelineOf(db: Executor, applicationId: string) {
  return db
    .selectFrom("observer_application_events")
    .select(["at", "kind", "note"])
    .where("application_id", "=", applicationId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

export async function insertEvent(db: Executor, values: Insertable<ObserverApplicationEventsTable>) {
  await db.insertInto("observer_application_events").values(values).execute();
}

export async function insertApplication(db: Executor, values: Insertable<ObserverApplicationsTable>) {
  return db
    .insertInto("observer_applications")
    .values(values)
    .returning(["id", "status", "path"])
    .executeTakeFirstOrThrow();
}

export async function updateApplication(
  db: Executor,
  id: string,
  set: Updateable<ObserverApplicationsTable>,
) {
  await db.updateTable("observer_applications").set(set).where("id", "=", id).execute();
}

/** The application, locked for a change. */
export async function lockApplication(db: Executor, id: string) {
  return db
    .selectFrom("observer_applications")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** The focal points of an organisation who can receive mail, with their language. */
export async function focalPointsOf(db: Executor, organisationId: string) {
  return db
    .selectFrom("organisation_members")
    .innerJoin("users", "users.id", "organisation_members.user_id")
    .select(["users.email", "users.preferred_language"])
    .where("organisation_members.organisation_id", "=", organisationId)
    .where("organisation_members.role", "=", "focal_point")
    .where("users.disabled_at", "is", null)
    .execute();
}

export async function sessionNaming(db: Executor, sessionId: string) {
  return db
    .selectFrom("conference_sessions")
    .select(["name", "time_zone", "slug"])
    .where("id", "=", sessionId)
    .executeTakeFirstOrThrow();
}

export async function organisationNaming(db: Executor, organisationId: string) {
  return db
    .selectFrom("organisations")
    .select(["slug", "name"])
    .where("id", "=", organisationId)
    .executeTakeFirstOrThrow();
}

/** The organisations a person belongs to, with their application to the session (if any). */
export async function organisationsOfMember(db: Executor, userId: string, sessionId: string) {
  return db
    .selectFrom("organisation_members as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .leftJoin("observer_applications as a", (j) =>
      j.onRef("a.organisation_id", "=", "o.id").on("a.session_id", "=", sessionId),
    )
    .select(["o.slug", "o.name", "m.role", "a.status"])
    .where("m.user_id", "=", userId)
    .orderBy("o.name")
    .execute();
}

/** The secretariat's list of a session's applications, with their number of objections. */
export async function sessionApplications(db: Executor, sessionId: string, status?: ApplicationStatus) {
  let query = applicationQuery(db)
    .select((eb) => [
      eb
        .selectFrom("observer_objections")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("observer_objections.application_id", "=", "a.id")
        .as("objections"),
      "o.country",
      "o.regional_group",
      "o.ecosoc_status",
    ])
    .where("a.session_id", "=", sessionId)
    .orderBy("o.name");
  if (status) query = query.where("a.status", "=", status);
  return query.execute();
}

export async function countObjections(db: Executor, applicationId: string) {
  const { n } = await db
    .selectFrom("observer_objections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("application_id", "=", applicationId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The rule-17 applications circulated to States, and whether this objector has objected. */
export async function circulatedApplications(db: Executor, sessionId: string, objectorId: string) {
  return db
    .selectFrom("observer_applications as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select((eb) => [
      "a.id",
      "a.status",
      "a.relevance",
      "a.agenda_item_ids",
      "a.circulated_at",
      "a.objection_deadline",
      "o.slug",
      "o.name",
      "o.acronym",
      "o.country",
      "o.regional_group",
      "o.fields_of_work",
      "o.website",
      "o.mission",
      eb
        .exists(
          eb
            .selectFrom("observer_objections as x")
            .select("x.id")
            .whereRef("x.application_id", "=", "a.id")
            .where("x.objector_id", "=", objectorId),
        )
        .as("objected"),
    ])
    .where("a.session_id", "=", sessionId)
    .where("a.path", "=", "rule17")
    .where("a.circulated_at", "is not", null)
    .orderBy("o.name")
    .execute();
}

export async function insertObjection(db: Executor, values: Insertable<ObserverObjectionsTable>) {
  return db.insertInto("observer_objections").values(values).returning("id").executeTakeFirstOrThrow();
}
