-- Side events: the themes a reviewer declares expertise in, which the proposed reviewer assignment
-- prefers or requires.
create table side_event_reviewer_expertise (
  user_id uuid primary key references users(id) on delete cascade,
  themes text[] not null default '{}',
  updated_at timestamptz not null default now()
);
