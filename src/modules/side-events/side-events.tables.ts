/** Tables owned by the side-events module (see migrations/0500_side_events.sql). */
import type { Generated } from "kysely";
import type { CreatedAt, GeneratedTimestamp, Json, Timestamp } from "../../platform/database.types.js";
import type { Localized } from "../sessions/sessions.tables.js";

export const formats = ["panel", "workshop", "film"] as const;
export type SideEventFormat = (typeof formats)[number];
export const proposalStatuses = [
  "draft",
  "submitted",
  "accepted",
  "waitlisted",
  "rejected",
  "withdrawn",
  "merged",
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export type CoorganiserStatus = "pending" | "confirmed" | "declined" | "invited";
export const invitedKinds = ["ngo", "member_state", "un_entity", "igo"] as const;
export type InvitedKind = (typeof invitedKinds)[number];
export const protections = ["asylum_seeker", "survivor", "minor"] as const;
export type Protection = (typeof protections)[number];
export const genders = ["female", "male", "other", "undisclosed"] as const;
export type PanellistGender = (typeof genders)[number];

export interface Criterion {
  code: string;
  label: Localized;
  weight: number;
}

export interface SideEventCallsTable {
  id: Generated<string>;
  session_id: string;
  deadline: Timestamp;
  formats: SideEventFormat[];
  slot_minutes: number;
  max_proposals_per_organisation: number;
  criteria: Json<Criterion[]>;
  computed_weight: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface SideEventProposalsTable {
  id: Generated<string>;
  call_id: string;
  session_id: string;
  lead_organisation_id: string;
  status: Generated<ProposalStatus>;
  title: Json<Localized>;
  abstract: Json<Localized>;
  agenda_item_ids: Generated<string[]>;
  themes: Generated<string[]>;
  format: SideEventFormat;
  languages: string[];
  interpretation: Generated<string[]>;
  expected_audience: number;
  equipment: Generated<string[]>;
  preferred_slot_ids: Generated<string[]>;
  impossible_slot_ids: Generated<string[]>;
  time_slot_id: string | null;
  room_id: string | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  waitlisted_at: Timestamp | null;
  merged_into: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface SideEventCoorganisersTable {
  id: Generated<string>;
  proposal_id: string;
  organisation_id: string | null;
  invited_name: string | null;
  invited_email: string | null;
  invited_kind: InvitedKind | null;
  status: Generated<CoorganiserStatus>;
  responded_at: Timestamp | null;
  responded_by: string | null;
  created_at: CreatedAt;
}

export interface SideEventPanellistsTable {
  id: Generated<string>;
  proposal_id: string;
  position: Generated<number>;
  name: string;
  affiliation: string | null;
  gender: PanellistGender;
  country: string | null;
  bio: string | null;
  role: string;
  consent_to_publish: Generated<boolean>;
  consent_at: Timestamp | null;
  protection: Protection | null;
  minor: Generated<boolean>;
  pseudonym: string | null;
  photo_file_id: string | null;
  created_at: CreatedAt;
}

export interface SideEventReviewersTable {
  proposal_id: string;
  reviewer_id: string;
  assigned_by: string | null;
  assigned_at: GeneratedTimestamp;
  scores: Json<Record<string, number>> | null;
  comment: string | null;
  scored_at: Timestamp | null;
}

export interface SideEventReviewerExpertiseTable {
  user_id: string;
  themes: string[];
  updated_at: GeneratedTimestamp;
}

export interface SideEventMergesTable {
  id: Generated<string>;
  session_id: string;
  survivor_id: string;
  absorbed_id: string;
  status: Generated<"proposed" | "merged" | "declined">;
  note: string | null;
  proposed_by: string | null;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
}

export interface SideEventMergeConsentsTable {
  merge_id: string;
  organisation_id: string;
  decision: Generated<"pending" | "consented" | "declined">;
  responded_by: string | null;
  responded_at: Timestamp | null;
}

export interface SideEventFilesTable {
  id: Generated<string>;
  content_type: "application/pdf" | "image/jpeg";
  bytes: Buffer;
  created_at: CreatedAt;
}

export type AttendanceByGender = Partial<Record<PanellistGender, number>>;

export interface SideEventReportsTable {
  proposal_id: string;
  attendance_total: number;
  attendance_by_gender: Json<AttendanceByGender> | null;
  report: Json<Localized> | null;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface SideEventMaterialsTable {
  id: Generated<string>;
  proposal_id: string;
  file_id: string;
  title: string;
  size_bytes: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SideEventTables {
  side_event_calls: SideEventCallsTable;
  side_event_proposals: SideEventProposalsTable;
  side_event_coorganisers: SideEventCoorganisersTable;
  side_event_panellists: SideEventPanellistsTable;
  side_event_reviewers: SideEventReviewersTable;
  side_event_reviewer_expertise: SideEventReviewerExpertiseTable;
  side_event_merges: SideEventMergesTable;
  side_event_merge_consents: SideEventMergeConsentsTable;
  side_event_files: SideEventFilesTable;
  side_event_reports: SideEventReportsTable;
  side_event_materials: SideEventMaterialsTable;
}
