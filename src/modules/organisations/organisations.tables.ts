/** Tables owned by the organisations module (see migrations/02xx_*.sql). */
import type { Generated } from "kysely";
import type { CreatedAt, GeneratedTimestamp, Json, Timestamp } from "../../platform/database.types.js";

export type OrganisationRole = "focal_point" | "member";
export type OrganisationKind = "ngo" | "coalition";
export type EcosocStatus = "general" | "special" | "roster" | "none";
export type RegionalGroup = "African" | "Asia-Pacific" | "Eastern European" | "GRULAC" | "WEOG";
export type CoalitionStatus = "invited" | "active" | "declined" | "ended";

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  kind: Generated<OrganisationKind>;
  name: string;
  acronym: string | null;
  country: string;
  regional_group: string;
  m49_region: string;
  m49_subregion: string | null;
  fields_of_work: Generated<string[]>;
  ecosoc_status: Generated<EcosocStatus>;
  website: string | null;
  working_languages: Generated<string[]>;
  mission: Json<Record<string, string>>;
  // `search` (tsvector, generated) is only read through sql`` in organisations.queries.ts
  verified_at: Timestamp | null;
  verified_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface OrganisationMembersTable {
  organisation_id: string;
  user_id: string;
  role: OrganisationRole;
  created_at: CreatedAt;
}

export interface OrganisationInvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: OrganisationRole;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface CoalitionMembershipsTable {
  id: Generated<string>;
  coalition_id: string;
  member_id: string;
  status: Generated<CoalitionStatus>;
  invited_by: string | null;
  invited_at: Timestamp;
  responded_at: Timestamp | null;
  ended_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface OrganisationTables {
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  organisation_invitations: OrganisationInvitationsTable;
  coalition_memberships: CoalitionMembershipsTable;
}
