-- Scans that arrive together are recorded together. With many desks scanning at once, most of a
-- scan's cost in PostgreSQL was not its own work but the statement around it: a round trip that
-- wakes a backend, a transaction and its commit. badges.queries.ts now hands the scans waiting for
-- a connection to one call of accreditation_check_in_batch(), which does for each of them, in the
-- order given, exactly what accreditation_check_in() (migration 0404) did for one: the desk's
-- session, CSRF token and role when the hooks did not check them, the badge by id or printed code,
-- the day's check-in if the badge is valid for the session and the person has none that day, and
-- its audit row. A scan that is refused writes nothing; the others of its call are not affected.
--
-- The day's counters are added once per call, after every scan of it, in the order of their
-- primary key: calls running side by side then take those rows' locks in the same order and never
-- deadlock, and hold them only until their commit. A scan's "checked in today" is the day's count
-- after the scans before it in its call.
--
-- The commit does not wait for the disk, as in migration 0401: a crash of the database server may
-- forget the last fraction of a second of check-ins, never half of one.
drop function accreditation_check_in(uuid, text, uuid, date, timestamptz, uuid, text, text, text, text);

create type accreditation_scan_answer as (
  n int,
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
  session_id uuid,
  day date
);

-- One element per scan in every array, in the order of the scans; p_actor_ids[i] is the signed-in
-- actor when the hooks checked the session, null when the call checks p_session_hashes[i] and
-- p_csrfs[i]. Answers one row per scan, n its position (1-based).
create function accreditation_check_in_batch(
  p_badge_ids uuid[],
  p_codes text[],
  p_session_ids uuid[],
  p_days date[],
  p_ats timestamptz[],
  p_actor_ids uuid[],
  p_session_hashes text[],
  p_csrfs text[],
  p_request_ids text[],
  p_ips text[]
) returns table (
  n int,
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
  b record;
  v_looked boolean := false;
  v_hash text;
  v_user uuid;
  v_roles text[];
  v_csrf text;
  v_actor uuid;
  v_inserted timestamptz;
  v_first timestamptz;
  v_out accreditation_scan_answer[] := '{}';
  v_shards uuid[] := '{}';
  v_shard_days date[] := '{}';
  v_shard_nos smallint[] := '{}';
begin
  perform set_config('synchronous_commit', 'off', true);
  for i in 1 .. coalesce(array_length(p_session_ids, 1), 0) loop
    v_actor := p_actor_ids[i];
    if v_actor is null then
      -- a desk sends its scans one after another: the previous scan's session is usually this one's
      if not v_looked or v_hash is distinct from p_session_hashes[i] then
        v_looked := true;
        v_hash := p_session_hashes[i];
        -- no row: the three are null
        select u.id, u.roles, s.csrf_token into v_user, v_roles, v_csrf
          from user_sessions s join users u on u.id = s.user_id
         where s.id = v_hash and s.expires_at > p_ats[i] and u.disabled_at is null;
      end if;
      if v_user is null then
        v_out[i] := row(i, 'unauthenticated', null, null, null, null, null, null, null, null, null, null,
          null, null, p_session_ids[i], p_days[i]);
        continue;
      end if;
      if p_csrfs[i] is null
         or sha256(convert_to(p_csrfs[i], 'UTF8')) <> sha256(convert_to(v_csrf, 'UTF8')) then
        v_out[i] := row(i, 'csrf', v_user, null, null, null, null, null, null, null, null, null,
          null, null, p_session_ids[i], p_days[i]);
        continue;
      end if;
      if not ('secretariat' = any(v_roles)) then
        v_out[i] := row(i, 'forbidden', v_user, null, null, null, null, null, null, null, null, null,
          null, null, p_session_ids[i], p_days[i]);
        continue;
      end if;
      v_actor := v_user;
    end if;

    if p_badge_ids[i] is not null then
      select x.id, x.session_id, x.revoked_at, x.revoked_reason, x.delegate_id, d.full_name,
             d.organisation_id, d.photo_file_id, o.name
        into b
        from badges x join delegates d on d.id = x.delegate_id join organisations o on o.id = d.organisation_id
       where x.id = p_badge_ids[i];
    else
      select x.id, x.session_id, x.revoked_at, x.revoked_reason, x.delegate_id, d.full_name,
             d.organisation_id, d.photo_file_id, o.name
        into b
        from badges x join delegates d on d.id = x.delegate_id join organisations o on o.id = d.organisation_id
       where x.code = p_codes[i];
    end if;
    if not found then
      v_out[i] := row(i, 'ok', v_actor, null, null, null, null, null, null, null, null, null,
        null, null, p_session_ids[i], p_days[i]);
      continue;
    end if;
    v_inserted := null;
    if b.session_id = p_session_ids[i] and b.revoked_at is null then
      insert into checkins as c (badge_id, session_id, delegate_id, day, at, recorded_by)
      values (b.id, b.session_id, b.delegate_id, p_days[i], p_ats[i], v_actor)
      on conflict on constraint checkins_once_a_day do nothing
      returning c.at into v_inserted;
      if v_inserted is not null then
        insert into audit_log (actor_id, action, object_type, object_id, organisation_id, after, request_id, ip)
        values (v_actor, 'delegate.checked_in', 'delegate', b.delegate_id::text, b.organisation_id,
                jsonb_build_object('day', p_days[i]::text, 'badgeId', b.id), p_request_ids[i], p_ips[i]);
        v_shards := v_shards || p_session_ids[i];
        v_shard_days := v_shard_days || p_days[i];
        v_shard_nos := v_shard_nos || (hashtext(b.delegate_id::text) & 15)::smallint;
      end if;
    end if;
    v_first := v_inserted;
    if v_first is null then
      select c.at into v_first from checkins c where c.delegate_id = b.delegate_id and c.day = p_days[i];
    end if;
    v_out[i] := row(i, 'ok', v_actor, b.id, b.session_id, b.revoked_at, b.revoked_reason, b.delegate_id,
      b.full_name, b.organisation_id, b.photo_file_id, b.name::text, v_inserted, v_first,
      p_session_ids[i], p_days[i]);
  end loop;

  insert into checkin_day_counts as k (session_id, day, shard, checked_in)
  select s, d, h, count(*)::int
    from unnest(v_shards, v_shard_days, v_shard_nos) as u(s, d, h)
   group by s, d, h
   order by s, d, h
  on conflict (session_id, day, shard) do update set checked_in = k.checked_in + excluded.checked_in;

  return query
  with scans as (select * from unnest(v_out)),
  totals as (
    select k.session_id, k.day, sum(k.checked_in)::int as total
      from checkin_day_counts k
     where (k.session_id, k.day) in (select distinct s.session_id, s.day from scans s where s.badge_id is not null)
     group by k.session_id, k.day
  )
  select s.n, s.auth, s.actor_id, s.badge_id, s.badge_session_id, s.revoked_at, s.revoked_reason,
         s.delegate_id, s.full_name, s.organisation_id, s.photo_file_id, s.organisation, s.inserted_at,
         s.first_at,
         (coalesce(t.total, 0) - count(s.inserted_at) over (
            partition by s.session_id, s.day order by s.n desc
            rows between unbounded preceding and 1 preceding))::int
    from scans s left join totals t on t.session_id = s.session_id and t.day = s.day
   order by s.n;
end
$$;
