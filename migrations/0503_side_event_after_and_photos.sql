-- Side events: files (PDF materials, panellists' photos) kept in the database like accreditation's
-- photos; after the event, the organisers' attendance figures and short report, and materials.
create table side_event_files (
  id uuid primary key default gen_random_uuid(),
  content_type text not null check (content_type in ('application/pdf','image/jpeg')),
  bytes bytea not null,
  created_at timestamptz not null default now()
);

alter table side_event_panellists add column photo_file_id uuid references side_event_files(id) on delete set null;

create table side_event_reports (
  proposal_id uuid primary key references side_event_proposals(id) on delete cascade,
  attendance_total int not null check (attendance_total between 0 and 100000),
  -- {"female": 30, "male": 20, "other": 1, "undisclosed": 4}: optional, each 0..total
  attendance_by_gender jsonb check (attendance_by_gender is null or jsonb_typeof(attendance_by_gender) = 'object'),
  report jsonb check (report is null or jsonb_typeof(report) = 'object'),
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now(),
  version int not null default 1
);

create table side_event_materials (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references side_event_proposals(id) on delete cascade,
  file_id uuid not null references side_event_files(id) on delete restrict,
  title text not null check (length(title) between 1 and 200),
  size_bytes int not null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index side_event_materials_proposal_idx on side_event_materials (proposal_id, created_at);
