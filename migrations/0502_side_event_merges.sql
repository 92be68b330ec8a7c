-- Side events: two similar proposals merged with their organisers' consent. The secretariat
-- proposes which proposal survives; every lead organisation's focal point consents or declines;
-- on all consents the other proposal becomes 'merged' into the survivor.
alter table side_event_proposals drop constraint side_event_proposals_status_check;
alter table side_event_proposals add constraint side_event_proposals_status_check
  check (status in ('draft','submitted','accepted','waitlisted','rejected','withdrawn','merged'));
alter table side_event_proposals add column merged_into uuid references side_event_proposals(id);

create table side_event_merges (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete restrict,
  survivor_id uuid not null references side_event_proposals(id) on delete cascade,
  absorbed_id uuid not null references side_event_proposals(id) on delete cascade,
  status text not null default 'proposed' check (status in ('proposed','merged','declined')),
  note text,
  proposed_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  check (survivor_id <> absorbed_id)
);
-- one open merge at a time for a proposal
create unique index side_event_merges_open_survivor on side_event_merges (survivor_id) where status = 'proposed';
create unique index side_event_merges_open_absorbed on side_event_merges (absorbed_id) where status = 'proposed';

create table side_event_merge_consents (
  merge_id uuid not null references side_event_merges(id) on delete cascade,
  organisation_id uuid not null references organisations(id) on delete restrict,
  decision text not null default 'pending' check (decision in ('pending','consented','declined')),
  responded_by uuid references users(id) on delete set null,
  responded_at timestamptz,
  primary key (merge_id, organisation_id)
);
