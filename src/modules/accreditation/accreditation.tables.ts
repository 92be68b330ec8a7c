/** Tables owned by the accreditation module (see migrations/0400_accreditation.sql). */
import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, GeneratedTimestamp, Timestamp } from "../../platform/database.types.js";

/** A calendar date (PostgreSQL `date`), always selected cast to text. */
export type CalendarDate = ColumnType<string, string, string>;

export type ApplicationPath = "ecosoc" | "rule17";
export type ApplicationStatus = "submitted" | "circulated" | "admitted" | "referred" | "rejected";
export type DelegateStatus = "pending" | "approved" | "rejected";
export type Gender = "female" | "male" | "other" | "undisclosed";
export type IdDocumentType = "passport" | "national_id" | "other";

export interface AccreditationKeysTable {
  name: string;
  secret: Buffer;
  created_at: CreatedAt;
}

export interface AccreditationFilesTable {
  id: Generated<string>;
  content_type: "image/jpeg";
  bytes: Buffer;
  created_at: CreatedAt;
}

export interface ObserverApplicationsTable {
  id: Generated<string>;
  session_id: string;
  organisation_id: string;
  path: ApplicationPath;
  status: Generated<ApplicationStatus>;
  relevance: string;
  agenda_item_ids: Generated<string[]>;
  submitted_by: string | null;
  submitted_at: Timestamp;
  circulated_at: Timestamp | null;
  objection_deadline: Timestamp | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface ObserverApplicationEventsTable {
  id: Generated<number>;
  application_id: string;
  at: Timestamp;
  kind: string;
  actor_id: string | null;
  note: string | null;
}

export interface ObserverObjectionsTable {
  id: Generated<string>;
  application_id: string;
  objector_id: string;
  reason: string;
  lodged_at: Timestamp;
}

export interface DelegatesTable {
  id: Generated<string>;
  application_id: string;
  session_id: string;
  organisation_id: string;
  full_name: string;
  title: string | null;
  email: string;
  nationality: string;
  gender: Gender;
  date_of_birth: CalendarDate | null;
  id_document_type: IdDocumentType | null;
  id_document_number: string | null;
  id_document_expiry: CalendarDate | null;
  photo_file_id: string | null;
  personal_data_purged_at: Timestamp | null;
  consent_public: Generated<boolean>;
  status: Generated<DelegateStatus>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  link_token_hash: string | null;
  confirmed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface BadgesTable {
  id: Generated<string>;
  delegate_id: string;
  session_id: string;
  code: string;
  issued_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
}

export interface CheckinsTable {
  id: Generated<number>;
  badge_id: string;
  session_id: string;
  delegate_id: string;
  day: CalendarDate;
  at: Timestamp;
  recorded_by: string | null;
}

/** migrations/0401_accreditation_checkin_counts.sql */
export interface CheckinDayCountsTable {
  session_id: string;
  day: CalendarDate;
  /** 0–15: concurrent scans add to different rows (migration 0402) */
  shard: Generated<number>;
  checked_in: number;
}

export interface AccreditationTables {
  accreditation_keys: AccreditationKeysTable;
  accreditation_files: AccreditationFilesTable;
  observer_applications: ObserverApplicationsTable;
  observer_application_events: ObserverApplicationEventsTable;
  observer_objections: ObserverObjectionsTable;
  delegates: DelegatesTable;
  badges: BadgesTable;
  checkins: CheckinsTable;
  checkin_day_counts: CheckinDayCountsTable;
}
