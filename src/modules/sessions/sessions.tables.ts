/** Tables owned by the conference sessions module (see migrations/0300_sessions.sql). */
import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, GeneratedTimestamp, Json, Timestamp } from "../../platform/database.types.js";
import type { Lang } from "../../platform/i18n/languages.js";

/** Text in one or more of the six UN languages: {"en": "...", "fr": "..."}. */
export type Localized = Partial<Record<Lang, string>>;

/**
 * A calendar date (PostgreSQL `date`). Always select it cast to text (see sessions.queries.ts):
 * node-postgres would otherwise turn it into a Date at local midnight.
 */
export type CalendarDate = ColumnType<string, string, string>;

export type SessionStatus = "draft" | "published";

export const equipmentCodes = [
  "projector",
  "microphones",
  "interpretation_booths",
  "video_conferencing",
  "wheelchair_access",
  "hearing_loop",
] as const;
export type EquipmentCode = (typeof equipmentCodes)[number];

export interface ConferenceSessionsTable {
  id: Generated<string>;
  slug: string;
  number: number | null;
  name: Json<Localized>;
  body: Json<Localized>;
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  venue_name: string;
  venue_city: string;
  venue_country: string;
  time_zone: string;
  working_languages: string[];
  status: Generated<SessionStatus>;
  observer_application_deadline: Timestamp | null;
  side_event_proposal_deadline: Timestamp | null;
  rule17_circulation_days: Generated<number>;
  objection_window_days: Generated<number>;
  delegate_quota: Generated<number>;
  retention_days: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface SessionAgendaItemsTable {
  id: Generated<string>;
  session_id: string;
  number: string;
  title: Json<Localized>;
  position: number;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface SessionRoomsTable {
  id: Generated<string>;
  session_id: string;
  name: string;
  capacity: number;
  equipment: Generated<EquipmentCode[]>;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface SessionTimeSlotsTable {
  id: Generated<string>;
  session_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface SessionDeadlinesTable {
  id: Generated<string>;
  session_id: string;
  label: Json<Localized>;
  due_at: Timestamp;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

/** A meeting of the plenary (migrations/0301_plenary_meetings.sql). */
export interface SessionPlenaryMeetingsTable {
  id: Generated<string>;
  session_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  title: ColumnType<Localized, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

/** The agenda items a plenary meeting takes up, in order. */
export interface SessionPlenaryMeetingItemsTable {
  session_id: string;
  meeting_id: string;
  agenda_item_id: string;
  position: number;
}

export interface SessionTables {
  conference_sessions: ConferenceSessionsTable;
  session_agenda_items: SessionAgendaItemsTable;
  session_rooms: SessionRoomsTable;
  session_time_slots: SessionTimeSlotsTable;
  session_deadlines: SessionDeadlinesTable;
  session_plenary_meetings: SessionPlenaryMeetingsTable;
  session_plenary_meeting_items: SessionPlenaryMeetingItemsTable;
}
