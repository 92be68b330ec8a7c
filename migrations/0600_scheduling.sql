-- Scheduling: placements the optimiser proposes for a session's side events. A proposal is not
-- published: the programme keeps reading the rooms and slots of the proposals themselves.
create table schedule_proposals (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete cascade,
  source text not null check (source in ('greedy','highs')),
  status text not null,
  objective double precision not null,
  bound double precision not null,
  gap double precision not null,
  greedy_objective double precision not null,
  placements jsonb not null default '[]'::jsonb,
  unplaced jsonb not null default '[]'::jsonb,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index schedule_proposals_session_idx on schedule_proposals (session_id, created_at desc);
