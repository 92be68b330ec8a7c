-- Organisations: one verified identity per organisation, its people, and coalition memberships.
create table organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  kind text not null default 'ngo' check (kind in ('ngo','coalition')),
  name text not null,
  acronym text,
  country text not null check (country ~ '^[A-Z]{2}$'),
  regional_group text not null,
  m49_region text not null,
  m49_subregion text,
  fields_of_work text[] not null default '{}',
  ecosoc_status text not null default 'none' check (ecosoc_status in ('general','special','roster','none')),
  website text check (website is null or website ~* '^https?://'),
  working_languages text[] not null default '{}',
  -- mission statement in one or more languages: {"en": "...", "fr": "..."}
  mission jsonb not null default '{}',
  verified_at timestamptz,
  verified_by uuid references users(id) on delete set null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);

create table organisation_members (
  organisation_id uuid not null references organisations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('focal_point','member')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index organisation_members_user_idx on organisation_members (user_id);
