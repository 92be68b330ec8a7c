/** SQL of delegates (accreditation module). */
import type { Executor } from "../../platform/database.js";

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
