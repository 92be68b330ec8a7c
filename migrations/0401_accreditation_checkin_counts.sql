-- Check-ins per session and day, kept by the check-in statement itself, so that the desk's answer
-- ("checked in today: N") and the secretariat's live counts read one row instead of counting a
-- day's check-ins (tens of thousands at a large session) on every scan.
create table checkin_day_counts (
  session_id uuid not null references conference_sessions(id) on delete restrict,
  day date not null,
  checked_in int not null check (checked_in >= 0),
  primary key (session_id, day)
);

insert into checkin_day_counts (session_id, day, checked_in)
select session_id, day, count(*) from checkins group by session_id, day;

-- The check-in desk's one call (badges.queries.ts, checkInBadge): the badge by id or printed code
-- with its person; if it is valid for the session and the person has no check-in that day, the
-- check-in, its audit row (the columns platform/audit.ts writes) and the day's counter; then when
-- the person first checked in that day and the day's count. A function so that its plans are
-- prepared once per connection (the statement is planned on every call otherwise, which cost more
-- than running it), and one round trip per scan.
--
-- Its commit does not wait for the disk: set_config(..., true) turns synchronous_commit off for
-- this transaction only. A crash of the database server may forget the last fraction of a second of
-- check-ins (never half of one: a check-in, its audit row and its count go together); the person is
-- already through the door and is recorded at their next scan. Every other write keeps the setting.
create function accreditation_check_in(
  p_badge_id uuid,
  p_code text,
  p_session_id uuid,
  p_day date,
  p_at timestamptz,
  p_actor_id uuid,
  p_request_id text,
  p_ip text
) returns table (
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
  v_inserted timestamptz;
  v_first timestamptz;
  v_today int;
begin
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
    return;
  end if;
  if b.session_id = p_session_id and b.revoked_at is null then
    perform set_config('synchronous_commit', 'off', true);
    insert into checkins as c (badge_id, session_id, delegate_id, day, at, recorded_by)
    values (b.id, b.session_id, b.delegate_id, p_day, p_at, p_actor_id)
    on conflict on constraint checkins_once_a_day do nothing
    returning c.at into v_inserted;
    if v_inserted is not null then
      insert into audit_log (actor_id, action, object_type, object_id, organisation_id, after, request_id, ip)
      values (p_actor_id, 'delegate.checked_in', 'delegate', b.delegate_id::text, b.organisation_id,
              jsonb_build_object('day', p_day::text, 'badgeId', b.id), p_request_id, p_ip);
      insert into checkin_day_counts as n (session_id, day, checked_in)
      values (p_session_id, p_day, 1)
      on conflict (session_id, day) do update set checked_in = n.checked_in + 1
      returning n.checked_in into v_today;
    end if;
  end if;
  select c.at into v_first from checkins c where c.delegate_id = b.delegate_id and c.day = p_day;
  if v_today is null then
    select n.checked_in into v_today from checkin_day_counts n where n.session_id = p_session_id and n.day = p_day;
  end if;
  return query select b.id, b.session_id, b.revoked_at, b.revoked_reason, b.delegate_id, b.full_name,
    b.organisation_id, b.photo_file_id, b.name::text, v_inserted, v_first, coalesce(v_today, 0);
end
$$;
