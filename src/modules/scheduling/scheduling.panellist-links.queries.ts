/**
 * Table and SQL of panellists' private links (migrations/0603_panellist_links.sql). Every query
 * names the panellist (reached from a proposal its caller was allowed to see) or the token's hash.
 */

import type { Generated } from "kysely";
import type { Executor } from "../../platform/database.js";
import type { CreatedAt, Timestamp } from "../../platform/database.types.js";

export interface PanellistLinksTable {
  panellist_id: string;
  session_id: string;
  token_hash: string;
  language: Generated<string>;
  /** kept only to re-send the link, and purged with the session's personal data */
  email: string | null;
  email_purge_at: Timestamp | null;
  mailed_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** The links of a proposal's panellists (never the address itself: only whether one is kept). */
export function listLinksOfProposal(db: Executor, proposalId: string) {
  return db
    .selectFrom("side_event_panellist_links as l")
    .innerJoin("side_event_panellists as p", "p.id", "l.panellist_id")
    .select(["l.panellist_id", "l.language", "l.mailed_at", "l.created_at", "l.email_purge_at"])
    .select((eb) => eb("l.email", "is not", null).as("address_kept"))
    .where("p.proposal_id", "=", proposalId)
    .execute();
}
export type LinkSummary = Awaited<ReturnType<typeof listLinksOfProposal>>[number];

export function lockLink(trx: Executor, panellistId: string) {
  return trx
    .selectFrom("side_event_panellist_links")
    .selectAll()
    .where("panellist_id", "=", panellistId)
    .forUpdate()
    .executeTakeFirst();
}

/** The panellist and proposal a token opens, or nothing. */
export function findByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom("side_event_panellist_links as l")
    .innerJoin("side_event_panellists as p", "p.id", "l.panellist_id")
    .innerJoin("side_event_proposals as e", "e.id", "p.proposal_id")
    .innerJoin("conference_sessions as s", "s.id", "e.session_id")
    .select([
      "l.panellist_id",
      "l.language",
      "p.proposal_id",
      "e.status",
      "e.title",
      "e.session_id",
      "s.slug as session_slug",
    ])
    .where("l.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** The latest release of a session, with its placements. */
export function latestRelease(db: Executor, sessionId: string) {
  return db
    .selectFrom("schedule_releases")
    .select(["number", "published_at", "placements"])
    .where("session_id", "=", sessionId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Forgets the addresses kept for a session's panellists; returns how many. */
export async function purgeAddresses(trx: Executor, sessionId: string) {
  const rows = await trx
    .updateTable("side_event_panellist_links")
    .set({ email: null, email_purge_at: null })
    .where("session_id", "=", sessionId)
    .where("email", "is not", null)
    .returning("panellist_id")
    .execute();
  return rows.length;
}
