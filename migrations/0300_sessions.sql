-- Conference sessions: the frame of every later module (accreditation, side events, scheduling).
-- A session has agenda items, rooms, side-event time slots and dated deadlines; its rules settings
-- (rule-17 circulation, objection window, delegate quota, retention) are columns of the session.
create extension if not exists btree_gist;

create table conference_sessions (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$'),
  number int check (number is null or number between 1 and 10000),
  -- {"en": "...", "fr": "..."}: at least one of the six languages
  name jsonb not null check (jsonb_typeof(name) = 'object' and name <> '{}'::jsonb),
  body jsonb not null default '{}' check (jsonb_typeof(body) = 'object'),
  starts_on date not null,
  ends_on date not null,
  venue_name text not null,
  venue_city text not null,
  venue_country text not null check (venue_country ~ '^[A-Z]{2}$'),
  time_zone text not null,
  working_languages text[] not null
    check (cardinality(working_languages) >= 1 and working_languages <@ array['en','fr','es','ar','ru','zh']),
  status text not null default 'draft' check (status in ('draft', 'published')),
  observer_application_deadline timestamptz,
  side_event_proposal_deadline timestamptz,
  rule17_circulation_days int not null default 30 check (rule17_circulation_days between 0 and 365),
  objection_window_days int not null default 14 check (objection_window_days between 0 and 365),
  delegate_quota int not null default 5 check (delegate_quota between 1 and 1000),
  retention_days int not null default 90 check (retention_days between 0 and 3650),
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  constraint conference_sessions_dates_check check (ends_on >= starts_on)
);
create index conference_sessions_dates_idx on conference_sessions (starts_on, ends_on);

create table session_agenda_items (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete restrict,
  number text not null check (number ~ '^[0-9]{1,3}(?:\([a-z]{1,3}\))?$'),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  position int not null check (position >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_agenda_items_number_key unique (session_id, number)
);

create table session_rooms (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete restrict,
  name text not null,
  capacity int not null check (capacity between 1 and 100000),
  equipment text[] not null default '{}'
    check (equipment <@ array['projector','microphones','interpretation_booths','video_conferencing','wheelchair_access','hearing_loop']),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_rooms_name_key unique (session_id, name)
);

-- Side-event time slots, entered as local times of the session's time zone and stored as instants.
-- Two slots of one session never overlap (touching ends are fine: ranges are [start, end)).
create table session_time_slots (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete restrict,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_time_slots_order_check check (ends_at > starts_at),
  constraint session_time_slots_no_overlap
    exclude using gist (session_id with =, tstzrange(starts_at, ends_at) with &&)
);

-- Dates beyond the named deadlines of the session (e.g. "pre-session documents available").
create table session_deadlines (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete restrict,
  label jsonb not null check (jsonb_typeof(label) = 'object' and label <> '{}'::jsonb),
  due_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index session_deadlines_session_idx on session_deadlines (session_id, due_at);
