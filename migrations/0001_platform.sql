-- Platform: accounts and their sessions, one-time tokens, audit log, jobs, mail outbox, rate limits.
create extension if not exists citext;
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table users (
  id uuid primary key default gen_random_uuid(),
  email citext not null unique,
  password_hash text,
  display_name text not null,
  preferred_language text not null default 'en' check (preferred_language in ('en','fr','es','ar','ru','zh')),
  roles text[] not null default '{}',
  email_verified_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Session ids are stored hashed: a database dump does not let anyone sign in.
create table user_sessions (
  id text primary key,
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index user_sessions_user_idx on user_sessions (user_id);
create index user_sessions_expiry_idx on user_sessions (expires_at);

-- Single-use tokens sent by mail (e-mail verification, password reset, first secretariat account).
create table account_tokens (
  id uuid primary key default gen_random_uuid(),
  purpose text not null check (purpose in ('verify_email','reset_password','setup')),
  token_hash text not null unique,
  user_id uuid references users(id) on delete cascade,
  email citext,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid references users(id) on delete set null,
  action text not null,
  object_type text not null,
  object_id text,
  organisation_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_object_idx on audit_log (object_type, object_id);

create table jobs (
  id bigserial primary key,
  kind text not null,
  payload jsonb not null default '{}',
  dedupe_key text unique,
  run_at timestamptz not null default now(),
  attempts int not null default 0,
  max_attempts int not null default 8,
  locked_at timestamptz,
  locked_by text,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz not null default now()
);
create index jobs_due_idx on jobs (run_at) where done_at is null and failed_at is null;

create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  to_address citext not null,
  language text not null,
  template text not null,
  subject text not null,
  text_body text not null,
  status text not null default 'queued' check (status in ('queued','sent','failed','stored')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_created_idx on mail_outbox (created_at desc);

create table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  hits int not null
);
