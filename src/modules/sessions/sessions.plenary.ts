/**
 * The plenary programme of a session: when the plenary meets and which agenda items it takes up.
 * Pure shaping and reading (no I/O); the writes are in sessions.plenary.service.ts. Later modules
 * read it from the session's detail: plenaryItemsBySlot tells the scheduler, for each side-event
 * slot, the agenda items the plenary discusses at that time.
 */
import type { PlenaryMeetingRow } from "./sessions.queries.js";
import type { SessionDetail } from "./sessions.service.js";
import type { Localized } from "./sessions.tables.js";
import { instantToZoned } from "./sessions.time.js";

export interface PlenaryMeeting {
  id: string;
  /** local date and times in the session's time zone */
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  /** an optional title of the meeting ({} when none), e.g. {"en": "Opening meeting"} */
  title: Localized;
  /** the agenda items taken up, in the order given */
  agendaItemIds: string[];
}

export function toPlenaryMeeting(
  row: PlenaryMeetingRow,
  agendaItemIds: string[],
  timeZone: string,
): PlenaryMeeting {
  const start = instantToZoned(row.starts_at, timeZone);
  const end = instantToZoned(row.ends_at, timeZone);
  return {
    id: row.id,
    date: start.date,
    start: start.time,
    end: end.time,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    title: row.title,
    agendaItemIds,
  };
}

/**
 * For each side-event time slot of the session, the agenda items of the plenary meetings that
 * overlap it in time (ranges are [start, end): a slot ending when a meeting starts does not
 * overlap it). Every slot has an entry, empty when the plenary does not meet; an item taken up by
 * two overlapping meetings is listed once, in the order of the agenda.
 */
export function plenaryItemsBySlot(
  session: Pick<SessionDetail, "timeSlots" | "plenaryMeetings" | "agendaItems">,
): Map<string, string[]> {
  const order = new Map(session.agendaItems.map((item, index) => [item.id, index]));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const result = new Map<string, string[]>();
  for (const slot of session.timeSlots) {
    const items = new Set<string>();
    for (const meeting of session.plenaryMeetings) {
      if (meeting.startsAt < slot.endsAt && meeting.endsAt > slot.startsAt)
        for (const id of meeting.agendaItemIds) items.add(id);
    }
    result.set(
      slot.id,
      [...items].sort((a, b) => rank(a) - rank(b)),
    );
  }
  return result;
}

/** Meetings grouped by their local day, in time order. */
export function meetingsByDay(meetings: PlenaryMeeting[]): Array<[string, PlenaryMeeting[]]> {
  const days = new Map<string, PlenaryMeeting[]>();
  for (const meeting of [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()))
    days.set(meeting.date, [...(days.get(meeting.date) ?? []), meeting]);
  return [...days];
}
