-- Organisations: one verified identity per organisation, its people, and coalition memberships.
create table organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  kind text not null default 'ngo' check (kind in ('ngo','coalition')),
  name text not null check (length(name) between 1 and 200),
  acronym text check (acronym is null or length(acronym) between 1 and 30),
  country text not null check (country ~ '^[A-Z]{2}$'),
  -- derived from the country by the service, never typed
  regional_group text not null check (regional_group in ('African','Asia-Pacific','Eastern European','GRULAC','WEOG')),
  m49_region text not null,
  m49_subregion text,
  fields_of_work text[] not null default '{}',
  ecosoc_status text not null default 'none' check (ecosoc_status in ('general','special','roster','none')),
  website text check (website is null or website ~* '^https?://\S+$'),
  working_languages text[] not null default '{}'
    check (working_languages <@ array['en','fr','es','ar','ru','zh']::text[]),
  -- mission statement in one or more languages: {"en": "...", "fr": "..."}
  mission jsonb not null default '{}' check (jsonb_typeof(mission) = 'object'),
  -- Full-text search: name and acronym as they are (weight A), each language's mission with its
  -- own stemmer (Chinese has none in PostgreSQL: 'simple', plus a trigram fallback in queries).
  search tsvector generated always as (
    setweight(to_tsvector('simple'::regconfig, coalesce(name, '') || ' ' || coalesce(acronym, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(mission->>'en', '')), 'B')
    || setweight(to_tsvector('french'::regconfig, coalesce(mission->>'fr', '')), 'B')
    || setweight(to_tsvector('spanish'::regconfig, coalesce(mission->>'es', '')), 'B')
    || setweight(to_tsvector('russian'::regconfig, coalesce(mission->>'ru', '')), 'B')
    || setweight(to_tsvector('arabic'::regconfig, coalesce(mission->>'ar', '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(mission->>'zh', '')), 'B')
  ) stored,
  verified_at timestamptz,
  verified_by uuid references users(id) on delete set null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index organisations_search_idx on organisations using gin (search);
create index organisations_name_trgm_idx on organisations using gin (lower(name) gin_trgm_ops);
create index organisations_acronym_trgm_idx on organisations using gin (lower(acronym) gin_trgm_ops);
create index organisations_mission_zh_trgm_idx on organisations using gin ((mission->>'zh') gin_trgm_ops);
create index organisations_fields_idx on organisations using gin (fields_of_work);
create index organisations_country_idx on organisations (country);
create index organisations_name_idx on organisations (lower(name), id);

create table organisation_members (
  organisation_id uuid not null references organisations(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('focal_point','member')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index organisation_members_user_idx on organisation_members (user_id);

-- Invitations by e-mail: the token travels only in the mail; the table keeps its SHA-256.
create table organisation_invitations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id) on delete cascade,
  email citext not null,
  role text not null check (role in ('focal_point','member')),
  token_hash text not null unique,
  invited_by uuid references users(id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_by uuid references users(id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index organisation_invitations_org_idx on organisation_invitations (organisation_id, created_at desc);

-- A coalition's member organisations: invited by the coalition, accepted (or declined) by the member.
create table coalition_memberships (
  id uuid primary key default gen_random_uuid(),
  coalition_id uuid not null references organisations(id) on delete cascade,
  member_id uuid not null references organisations(id) on delete cascade,
  status text not null default 'invited' check (status in ('invited','active','declined','ended')),
  invited_by uuid references users(id) on delete set null,
  invited_at timestamptz not null,
  responded_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (coalition_id, member_id),
  check (coalition_id <> member_id)
);
create index coalition_memberships_member_idx on coalition_memberships (member_id, status);
