-- Accreditation: observer applications (rule 17), their dated events and States' objections,
-- delegates with their personal data, badges, check-ins, and the module's stored files and keys.
create table accreditation_keys (
  name text primary key,
  secret bytea not null,
  created_at timestamptz not null default now()
);

-- Files (delegates' photos) are kept in the database: every app process sees them without a
-- shared disk, and the retention purge deletes them in the same transaction as the other data.
create table accreditation_files (
  id uuid primary key default gen_random_uuid(),
  content_type text not null check (content_type in ('image/jpeg')),
  bytes bytea not null,
  created_at timestamptz not null default now()
);

create table observer_applications (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete restrict,
  organisation_id uuid not null references organisations(id) on delete restrict,
  -- ecosoc: admitted by the Bureau; rule17: circulated to States, objections, else admitted
  path text not null check (path in ('ecosoc', 'rule17')),
  status text not null default 'submitted'
    check (status in ('submitted', 'circulated', 'admitted', 'referred', 'rejected')),
  relevance text not null check (length(relevance) between 1 and 5000),
  agenda_item_ids uuid[] not null default '{}',
  submitted_by uuid references users(id) on delete set null,
  submitted_at timestamptz not null,
  circulated_at timestamptz,
  objection_deadline timestamptz,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint observer_applications_one_per_session unique (session_id, organisation_id)
);
create index observer_applications_session_idx on observer_applications (session_id, status);

-- The timeline the applicant sees: every step, dated.
create table observer_application_events (
  id bigint generated always as identity primary key,
  application_id uuid not null references observer_applications(id) on delete cascade,
  at timestamptz not null,
  kind text not null,
  actor_id uuid references users(id) on delete set null,
  note text
);
create index observer_application_events_idx on observer_application_events (application_id, at, id);

create table observer_objections (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references observer_applications(id) on delete cascade,
  objector_id uuid not null references users(id) on delete restrict,
  reason text not null check (length(reason) between 1 and 2000),
  lodged_at timestamptz not null,
  constraint observer_objections_one_per_objector unique (application_id, objector_id)
);

create table delegates (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references observer_applications(id) on delete restrict,
  session_id uuid not null references conference_sessions(id) on delete restrict,
  organisation_id uuid not null references organisations(id) on delete restrict,
  full_name text not null,
  title text,
  email text not null,
  nationality text not null check (nationality ~ '^[A-Z]{2}$'),
  gender text not null check (gender in ('female', 'male', 'other', 'undisclosed')),
  -- personal data, purged after the session's retention period
  date_of_birth date,
  id_document_type text check (id_document_type in ('passport', 'national_id', 'other')),
  id_document_number text,
  id_document_expiry date,
  photo_file_id uuid references accreditation_files(id) on delete set null,
  personal_data_purged_at timestamptz,
  consent_public boolean not null default false,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_at timestamptz,
  decided_by uuid references users(id) on delete set null,
  link_token_hash text unique,
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index delegates_session_idx on delegates (session_id, status);
create index delegates_application_idx on delegates (application_id);

create table badges (
  id uuid primary key default gen_random_uuid(),
  delegate_id uuid not null references delegates(id) on delete cascade,
  session_id uuid not null references conference_sessions(id) on delete restrict,
  -- short code printed under the QR code, for typing
  code text not null unique,
  issued_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create unique index badges_one_valid_per_delegate on badges (delegate_id) where revoked_at is null;

create table checkins (
  id bigint generated always as identity primary key,
  badge_id uuid not null references badges(id) on delete cascade,
  session_id uuid not null references conference_sessions(id) on delete restrict,
  delegate_id uuid not null references delegates(id) on delete cascade,
  -- the day at the venue (session time zone)
  day date not null,
  at timestamptz not null,
  recorded_by uuid references users(id) on delete set null,
  constraint checkins_once_a_day unique (delegate_id, day)
);
create index checkins_session_day_idx on checkins (session_id, day);
