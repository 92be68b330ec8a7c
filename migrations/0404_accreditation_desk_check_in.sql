-- The check-in desk's scan in one round trip, sign-in included. The API route of the check-in
-- (POST /api/v1/sessions/{slug}/checkins) no longer has its session cookie looked up by a query of
-- its own before the handler (config.deferSession in src/platform/http.ts): this function checks it
-- first, exactly as findSession() does (the hash of the cookie names an unexpired session of an
-- account that is not disabled), then the CSRF header against the session's token (compared as
-- SHA-256 digests, so the comparison's time says nothing about the token) and the secretariat
-- role, and writes nothing unless all three hold. Measured: the session's own query was a third of
-- the scan's cost on a machine whose two cores serve the client, Node and PostgreSQL.
--
-- Called with p_actor_id (a request already signed in: the HTML check-in page) the three checks
-- are the hooks' and this function does not repeat them.
drop function accreditation_check_in(uuid, text, uuid, date, timestamptz, uuid, text, text);

create function accreditation_check_in(
  p_badge_id uuid,
  p_code text,
  p_session_id uuid,
  p_day date,
  p_at timestamptz,
  p_actor_id uuid,
  p_session_hash text,
  p_csrf text,
  p_request_id text,
  p_ip text
) returns table (
  auth text,
  actor_id uuid,
  badge_id uuid,
  badge_session_id uuid,
  revoked_at timestamptz,
  revoked_reason text,
  delegate_id uuid,
  full_name text,
  organisation_id uuid,
  photo_file_id uuid,
  organisation text,
  inserted_at timestamptz,
  first_at timestamptz,
  today int
) language plpgsql as $$
#variable_conflict use_column
declare
  a record;
  b record;
  v_actor uuid := p_actor_id;
  v_inserted timestamptz;
  v_first timestamptz;
  v_today int;
begin
  if v_actor is null then
    select u.id, u.roles, s.csrf_token into a
      from user_sessions s join users u on u.id = s.user_id
     where s.id = p_session_hash and s.expires_at > p_at and u.disabled_at is null;
    if not found then
      return query select 'unauthenticated'::text, null::uuid, null::uuid, null::uuid, null::timestamptz,
        null::text, null::uuid, null::text, null::uuid, null::uuid, null::text, null::timestamptz,
        null::timestamptz, null::int;
      return;
    end if;
    if p_csrf is null or sha256(convert_to(p_csrf, 'UTF8')) <> sha256(convert_to(a.csrf_token, 'UTF8')) then
      return query select 'csrf'::text, a.id, null::uuid, null::uuid, null::timestamptz,
        null::text, null::uuid, null::text, null::uuid, null::uuid, null::text, null::timestamptz,
        null::timestamptz, null::int;
      return;
    end if;
    if not ('secretariat' = any(a.roles)) then
      return query select 'forbidden'::text, a.id, null::uuid, null::uuid, null::timestamptz,
        null::text, null::uuid, null::text, null::uuid, null::uuid, null::text, null::timestamptz,
        null::timestamptz, null::int;
      return;
    end if;
    v_actor := a.id;
  end if;

  if p_badge_id is not null then
    select x.id, x.session_id, x.revoked_at, x.revoked_reason, x.delegate_id, d.full_name,
           d.organisation_id, d.photo_file_id, o.name
      into b
      from badges x join delegates d on d.id = x.delegate_id join organisations o on o.id = d.organisation_id
     where x.id = p_badge_id;
  else
    select x.id, x.session_id, x.revoked_at, x.revoked_reason, x.delegate_id, d.full_name,
           d.organisation_id, d.photo_file_id, o.name
      into b
      from badges x join delegates d on d.id = x.delegate_id join organisations o on o.id = d.organisation_id
     where x.code = p_code;
  end if;
  if not found then
    return query select 'ok'::text, v_actor, null::uuid, null::uuid, null::timestamptz,
      null::text, null::uuid, null::text, null::uuid, null::uuid, null::text, null::timestamptz,
      null::timestamptz, null::int;
    return;
  end if;
  if b.session_id = p_session_id and b.revoked_at is null then
    perform set_config('synchronous_commit', 'off', true);
    insert into checkins as c (badge_id, session_id, delegate_id, day, at, recorded_by)
    values (b.id, b.session_id, b.delegate_id, p_day, p_at, v_actor)
    on conflict on constraint checkins_once_a_day do nothing
    returning c.at into v_inserted;
    if v_inserted is not null then
      insert into audit_log (actor_id, action, object_type, object_id, organisation_id, after, request_id, ip)
      values (v_actor, 'delegate.checked_in', 'delegate', b.delegate_id::text, b.organisation_id,
              jsonb_build_object('day', p_day::text, 'badgeId', b.id), p_request_id, p_ip);
      insert into checkin_day_counts as n (session_id, day, shard, checked_in)
      values (p_session_id, p_day, (hashtext(b.delegate_id::text) & 15)::smallint, 1)
      on conflict (session_id, day, shard) do update set checked_in = n.checked_in + 1;
    end if;
  end if;
  select c.at into v_first from checkins c where c.delegate_id = b.delegate_id and c.day = p_day;
  select sum(n.checked_in)::int into v_today from checkin_day_counts n
   where n.session_id = p_session_id and n.day = p_day;
  return query select 'ok'::text, v_actor, b.id, b.session_id, b.revoked_at, b.revoked_reason, b.delegate_id,
    b.full_name, b.organisation_id, b.photo_file_id, b.name::text, v_inserted, v_first, coalesce(v_today, 0);
end
$$;
