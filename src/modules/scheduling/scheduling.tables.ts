/** Tables owned by the scheduling module (see migrations/0600_scheduling.sql, 0601_schedule_editor.sql). */
import type { Generated } from "kysely";
import type { CreatedAt, GeneratedTimestamp, Json, Timestamp } from "../../platform/database.types.js";
import type { Localized } from "../sessions/sessions.tables.js";
import type { Placement, UnplacedReason } from "./scheduling.optimiser.js";
import type { PanellistLinksTable } from "./scheduling.panellist-links.queries.js";

export interface ScheduleProposalsTable {
  id: Generated<string>;
  session_id: string;
  source: "greedy" | "highs";
  status: string;
  objective: number;
  bound: number;
  gap: number;
  greedy_objective: number;
  placements: Json<Placement[]>;
  unplaced: Json<Array<{ eventId: string; reason: UnplacedReason }>>;
  created_by: string | null;
  created_at: CreatedAt;
}

/** An event's place in the working schedule: a cell, or none (both null), and its pin. */
export interface DraftEntry {
  roomId: string | null;
  slotId: string | null;
  pinned: boolean;
}

export interface ScheduleDraftsTable {
  session_id: string;
  entries: Json<Record<string, DraftEntry>>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export type DraftChangeKind = "move" | "unplace" | "pin" | "unpin" | "apply";

/** One event's entry before and after a change (null: the event had no entry of its own). */
export interface EntryChange {
  eventId: string;
  before: DraftEntry | null;
  after: DraftEntry;
}

export interface ScheduleDraftChangesTable {
  id: Generated<string>;
  session_id: string;
  kind: DraftChangeKind;
  changes: Json<EntryChange[]>;
  proposal_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  undone_at: Timestamp | null;
  undone_by: string | null;
}

export interface RunProgress {
  elapsedSeconds?: number;
  objective?: number | null;
  bound?: number | null;
  gap?: number | null;
  phase?: string;
  /** when the running process last wrote (real time, ISO) */
  heartbeatAt?: string;
}

export interface ScheduleRunsTable {
  id: Generated<string>;
  session_id: string;
  status: "running" | "done" | "failed";
  around_pins: Generated<boolean>;
  waitlisted: Generated<boolean>;
  time_limit_seconds: number;
  progress: Json<RunProgress>;
  proposal_id: string | null;
  error: string | null;
  started_by: string | null;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
}

/** Where an event was (or is) in a release: names and instants as they were then. */
export interface ReleasedPlace {
  roomId: string;
  room: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
}

export interface ReleasedEvent {
  eventId: string;
  title: Localized;
  place: ReleasedPlace | null;
}

export interface ReleaseChange {
  eventId: string;
  title: Localized;
  kind: "added" | "moved" | "removed";
  from: ReleasedPlace | null;
  to: ReleasedPlace | null;
}

export interface ScheduleReleasesTable {
  id: Generated<string>;
  session_id: string;
  number: number;
  draft_version: number;
  placements: Json<ReleasedEvent[]>;
  changes: Json<ReleaseChange[]>;
  published_by: string | null;
  published_at: CreatedAt;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: GeneratedTimestamp;
}

export interface SchedulingTables {
  schedule_proposals: ScheduleProposalsTable;
  schedule_drafts: ScheduleDraftsTable;
  schedule_draft_changes: ScheduleDraftChangesTable;
  schedule_runs: ScheduleRunsTable;
  schedule_releases: ScheduleReleasesTable;
  calendar_feeds: CalendarFeedsTable;
  side_event_panellist_links: PanellistLinksTable;
}
