/** Tables owned by the organisations module (see migrations/02xx_*.sql). */
import type { Generated } from "kysely";
import type { CreatedAt, GeneratedTimestamp, Json, Timestamp } from "../../platform/database.types.js";

export type OrganisationRole = "focal_point" | "member";

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  kind: Generated<"ngo" | "coalition">;
  name: string;
  acronym: string | null;
  country: string;
  regional_group: string;
  m49_region: string;
  m49_subregion: string | null;
  fields_of_work: Generated<string[]>;
  ecosoc_status: Generated<"general" | "special" | "roster" | "none">;
  website: string | null;
  working_languages: Generated<string[]>;
  mission: Json<Record<string, string>>;
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

export interface OrganisationTables {
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
}
