-- Scheduling: a run may also fill the rooms left free with the best-ranked wait-listed events.
alter table schedule_runs add column waitlisted boolean not null default false;
