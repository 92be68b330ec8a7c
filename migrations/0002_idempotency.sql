-- Idempotency keys: a submission retried with the same key gets the first answer again.
create table idempotency_keys (
  user_id uuid not null references users(id) on delete cascade,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status int,
  content_type text,
  body text,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
