-- Scheduling: the secretariat's working schedule (draft), its change history (undo), optimiser
-- runs with their progress, numbered releases, and private calendar feeds.

-- The working placement of a session: for each event, its cell (or none) and whether it is pinned.
-- An accepted event with no entry is where its proposal's own room and slot put it, unpinned.
create table schedule_drafts (
  session_id uuid primary key references conference_sessions(id) on delete cascade,
  entries jsonb not null default '{}'::jsonb,
  version integer not null default 0,
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Every change to a draft, with the entries before and after, so the last ones can be undone.
create table schedule_draft_changes (
  id bigserial primary key,
  session_id uuid not null references conference_sessions(id) on delete cascade,
  kind text not null check (kind in ('move','unplace','pin','unpin','apply')),
  changes jsonb not null,
  proposal_id uuid references schedule_proposals(id) on delete set null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by uuid references users(id) on delete set null
);
create index schedule_draft_changes_live_idx on schedule_draft_changes (session_id, id desc)
  where undone_at is null;

-- Optimiser runs: one at a time per session (a PostgreSQL advisory lock held by the running
-- process); progress is written here so that any process can answer the status.
create table schedule_runs (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete cascade,
  status text not null check (status in ('running','done','failed')),
  around_pins boolean not null default true,
  time_limit_seconds integer not null,
  progress jsonb not null default '{}'::jsonb,
  proposal_id uuid references schedule_proposals(id) on delete set null,
  error text,
  started_by uuid references users(id) on delete set null,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index schedule_runs_session_idx on schedule_runs (session_id, started_at desc);

-- Numbered releases: what was published, and what changed since the previous release (rooms and
-- times kept as they were then, so the words stay true if a room is renamed later).
create table schedule_releases (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete cascade,
  number integer not null check (number > 0),
  draft_version integer not null,
  placements jsonb not null,
  changes jsonb not null,
  published_by uuid references users(id) on delete set null,
  published_at timestamptz not null default now(),
  unique (session_id, number)
);

-- A person's private calendar feed of their own events: only the token's hash is kept; deleting
-- the row revokes the address, a new token replaces it.
create table calendar_feeds (
  user_id uuid primary key references users(id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now()
);
