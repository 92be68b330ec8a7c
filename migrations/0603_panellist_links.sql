-- A panellist's private link to their own times and rooms (panellists have no account). Only the
-- token's SHA-256 is kept; deleting the row revokes the link, a new token replaces it. The e-mail
-- address is kept only when the organiser asks to re-send later, and is purged with the session's
-- delegates' personal data (its retention date); email_purge_at says when, as last computed.
create table side_event_panellist_links (
  panellist_id uuid primary key references side_event_panellists(id) on delete cascade,
  session_id uuid not null references conference_sessions(id) on delete cascade,
  token_hash text not null unique,
  language text not null default 'en' check (language in ('en', 'fr', 'es', 'ar', 'ru', 'zh')),
  email text,
  email_purge_at timestamptz,
  mailed_at timestamptz,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  check ((email is null) = (email_purge_at is null))
);
create index side_event_panellist_links_session on side_event_panellist_links (session_id)
  where email is not null;
