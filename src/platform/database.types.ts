/**
 * The database schema as Kysely sees it. Each module declares its own tables in
 * `<module>.tables.ts`; this interface joins them. Keep these in step with /migrations.
 */
import type { ColumnType, Generated } from "kysely";
import type { AccreditationTables } from "../modules/accreditation/accreditation.tables.js";
import type { OrganisationTables } from "../modules/organisations/organisations.tables.js";
import type { SchedulingTables } from "../modules/scheduling/scheduling.tables.js";
import type { SessionTables } from "../modules/sessions/sessions.tables.js";
import type { SideEventTables } from "../modules/side-events/side-events.tables.js";

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp the database fills in by default, that updates may set. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string | null;
  display_name: string;
  preferred_language: Generated<string>;
  roles: Generated<string[]>;
  email_verified_at: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: GeneratedTimestamp;
}

export interface UserSessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AccountTokensTable {
  id: Generated<string>;
  purpose: "verify_email" | "reset_password" | "setup";
  token_hash: string;
  user_id: string | null;
  email: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: GeneratedTimestamp;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  organisation_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: Json<Record<string, unknown>>;
  dedupe_key: string | null;
  run_at: GeneratedTimestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_at: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  done_at: Timestamp | null;
  failed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  language: string;
  template: string;
  subject: string;
  text_body: string;
  status: Generated<"queued" | "sent" | "failed" | "stored">;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: CreatedAt;
}

export interface PlatformTables {
  idempotency_keys: IdempotencyKeysTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  account_tokens: AccountTokensTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  rate_limits: RateLimitsTable;
}

export interface Database
  extends PlatformTables,
    OrganisationTables,
    SessionTables,
    AccreditationTables,
    SideEventTables,
    SchedulingTables {}
