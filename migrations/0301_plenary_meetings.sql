-- The plenary programme of a session: when the plenary meets and which agenda items it takes up.
-- Meetings are entered as local times of the session's time zone and stored as instants, like
-- side-event time slots; they may overlap side-event slots (that is what the scheduler avoids for
-- events serving the item), never each other (touching ends are fine: ranges are [start, end)).
create table session_plenary_meetings (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references conference_sessions(id) on delete restrict,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- optional {"en": "...", "fr": "..."}; {} when the meeting has no title of its own
  title jsonb not null default '{}' check (jsonb_typeof(title) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_plenary_meetings_order_check check (ends_at > starts_at),
  constraint session_plenary_meetings_no_overlap
    exclude using gist (session_id with =, tstzrange(starts_at, ends_at) with &&),
  constraint session_plenary_meetings_session_id_id_key unique (session_id, id)
);

-- Lets the agenda items of a meeting be tied to the meeting's own session by a foreign key.
alter table session_agenda_items
  add constraint session_agenda_items_session_id_id_key unique (session_id, id);

-- The agenda items a meeting takes up, in the order given. The session id is repeated so that the
-- database itself refuses an agenda item of another session; an item in use cannot be deleted.
create table session_plenary_meeting_items (
  session_id uuid not null,
  meeting_id uuid not null,
  agenda_item_id uuid not null,
  position int not null check (position >= 0),
  primary key (meeting_id, agenda_item_id),
  constraint session_plenary_meeting_items_meeting_fkey foreign key (session_id, meeting_id)
    references session_plenary_meetings (session_id, id) on delete cascade,
  constraint session_plenary_meeting_items_agenda_item_fkey foreign key (session_id, agenda_item_id)
    references session_agenda_items (session_id, id) -- no action: 23503, "in use", like other items
);
create index session_plenary_meeting_items_agenda_item_idx on session_plenary_meeting_items (agenda_item_id);
