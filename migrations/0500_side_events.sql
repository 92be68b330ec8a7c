-- Side events: a call per session, proposals by organisations with co-organisers and panellists
-- (some protected), reviewers and their scores, the secretariat's decision and the public programme.
create table side_event_calls (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null unique references conference_sessions(id) on delete restrict,
  deadline timestamptz not null,
  formats text[] not null check (cardinality(formats) >= 1 and formats <@ array['panel','workshop','film']),
  slot_minutes int not null check (slot_minutes between 15 and 480),
  max_proposals_per_organisation int not null check (max_proposals_per_organisation between 1 and 100),
  -- [{"code": "relevance", "label": {"en": "..."}, "weight": 40}]
  criteria jsonb not null check (jsonb_typeof(criteria) = 'array'),
  -- share (0..100) of the computed criteria in the ranking
  computed_weight int not null default 30 check (computed_weight between 0 and 100),
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);

create table side_event_proposals (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references side_event_calls(id) on delete restrict,
  session_id uuid not null references conference_sessions(id) on delete restrict,
  lead_organisation_id uuid not null references organisations(id) on delete restrict,
  status text not null default 'draft'
    check (status in ('draft','submitted','accepted','waitlisted','rejected','withdrawn')),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  abstract jsonb not null check (jsonb_typeof(abstract) = 'object' and abstract <> '{}'::jsonb),
  agenda_item_ids uuid[] not null default '{}',
  themes text[] not null default '{}',
  format text not null check (format in ('panel','workshop','film')),
  languages text[] not null check (cardinality(languages) >= 1 and languages <@ array['en','fr','es','ar','ru','zh']),
  interpretation text[] not null default '{}' check (interpretation <@ array['en','fr','es','ar','ru','zh']),
  expected_audience int not null check (expected_audience between 1 and 10000),
  equipment text[] not null default '{}',
  preferred_slot_ids uuid[] not null default '{}',
  impossible_slot_ids uuid[] not null default '{}',
  time_slot_id uuid references session_time_slots(id) on delete set null,
  room_id uuid references session_rooms(id) on delete set null,
  submitted_at timestamptz,
  decided_at timestamptz,
  waitlisted_at timestamptz,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index side_event_proposals_session_idx on side_event_proposals (session_id, status);
create index side_event_proposals_lead_idx on side_event_proposals (lead_organisation_id);

-- A co-organiser on the platform (organisation_id) or invited by e-mail (name, email, kind).
create table side_event_coorganisers (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references side_event_proposals(id) on delete cascade,
  organisation_id uuid references organisations(id) on delete restrict,
  invited_name text,
  invited_email text,
  invited_kind text check (invited_kind in ('ngo','member_state','un_entity','igo')),
  status text not null default 'pending' check (status in ('pending','confirmed','declined','invited')),
  responded_at timestamptz,
  responded_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  constraint side_event_coorganisers_org_key unique (proposal_id, organisation_id),
  constraint side_event_coorganisers_email_key unique (proposal_id, invited_email),
  check ((organisation_id is not null) <> (invited_email is not null))
);

-- Panellists. A protected one (asylum seeker, survivor, minor) is shown everywhere public as its
-- pseudonym and role; the identity columns are read only through the audited identity route.
create table side_event_panellists (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references side_event_proposals(id) on delete cascade,
  position int not null default 0,
  name text not null,
  affiliation text,
  gender text not null check (gender in ('female','male','other','undisclosed')),
  country text check (country ~ '^[A-Z]{2}$'),
  bio text,
  role text not null,
  consent_to_publish boolean not null default false,
  consent_at timestamptz,
  protection text check (protection in ('asylum_seeker','survivor','minor')),
  minor boolean not null default false,
  pseudonym text,
  created_at timestamptz not null default now(),
  check (not minor or protection is not null),
  check (protection is null or pseudonym is not null),
  check (not consent_to_publish or consent_at is not null)
);
create index side_event_panellists_proposal_idx on side_event_panellists (proposal_id, position);

create table side_event_reviewers (
  proposal_id uuid not null references side_event_proposals(id) on delete cascade,
  reviewer_id uuid not null references users(id) on delete restrict,
  assigned_by uuid references users(id) on delete set null,
  assigned_at timestamptz not null default now(),
  -- {"relevance": 4, ...}: 0..5 per criterion of the call; null until scored
  scores jsonb,
  comment text,
  scored_at timestamptz,
  primary key (proposal_id, reviewer_id)
);
create index side_event_reviewers_reviewer_idx on side_event_reviewers (reviewer_id);
