/**
 * The secretariat's plenary programme: meetings of the plenary, each on one day between local
 * start and end times of the session's time zone, taking up one or more of the session's agenda
 * items. Meetings may overlap side-event slots but not each other. Each change locks the session
 * row (see sessions.items.service.ts), so meetings are checked against each other one at a time.
 */
import { audit } from "../../platform/audit.js";
import type { Trx } from "../../platform/database.js";
import { lockItem, lockSession } from "./sessions.items.service.js";
import { type PlenaryMeeting, toPlenaryMeeting } from "./sessions.plenary.js";
import * as q from "./sessions.queries.js";
import type { PlenaryMeetingCreate, PlenaryMeetingPatch } from "./sessions.schemas.js";
import { fieldError, mutate, type SessionCtx } from "./sessions.service.js";
import { zonedToInstant } from "./sessions.time.js";

/** A meeting's instants and agenda items, checked against the session and its other meetings. */
async function placeMeeting(
  ctx: SessionCtx,
  trx: Trx,
  session: q.SessionRow,
  meeting: { date: string; start: string; end: string; agendaItemIds: string[] },
  exceptId?: string,
): Promise<{ starts_at: Date; ends_at: Date }> {
  if (meeting.end <= meeting.start) throw fieldError(ctx, "PLENARY_MEETING_TIMES_INVALID", "end");
  if (meeting.date < session.starts_on || meeting.date > session.ends_on)
    throw fieldError(ctx, "PLENARY_MEETING_OUTSIDE_SESSION", "date");
  const known = new Set((await q.listAgendaItems(trx, session.id)).map((item) => item.id));
  if (!meeting.agendaItemIds.every((id) => known.has(id)))
    throw fieldError(ctx, "PLENARY_AGENDA_ITEM_UNKNOWN", "agendaItemIds");
  const startsAt = zonedToInstant(meeting.date, meeting.start, session.time_zone);
  const endsAt = zonedToInstant(meeting.date, meeting.end, session.time_zone);
  // The session row is locked: no other meeting of this session is being written meanwhile (the
  // exclusion constraint stays the last word, mapped to the same error in sessions.service.ts).
  if (await q.findOverlappingMeeting(trx, session.id, startsAt, endsAt, exceptId))
    throw fieldError(ctx, "PLENARY_MEETING_OVERLAPS", "start");
  return { starts_at: startsAt, ends_at: endsAt };
}

export async function createPlenaryMeeting(
  ctx: SessionCtx,
  slug: string,
  input: PlenaryMeetingCreate,
): Promise<PlenaryMeeting> {
  return mutate(ctx, async (trx) => {
    const session = await lockSession(trx, slug);
    const placed = await placeMeeting(ctx, trx, session, input);
    const row = await q.insertItem(trx, "session_plenary_meetings", {
      session_id: session.id,
      ...placed,
      title: JSON.stringify(input.title ?? {}),
    });
    await q.setPlenaryMeetingItems(trx, session.id, row.id, input.agendaItemIds);
    const after = toPlenaryMeeting(row, input.agendaItemIds, session.time_zone);
    await audit(trx, ctx, {
      action: "session_plenary_meeting.created",
      objectType: "session_plenary_meeting",
      objectId: row.id,
      after,
    });
    return after;
  });
}

export async function updatePlenaryMeeting(
  ctx: SessionCtx,
  slug: string,
  id: string,
  patch: PlenaryMeetingPatch,
): Promise<PlenaryMeeting> {
  return mutate(ctx, async (trx) => {
    const { session, item } = await lockItem(trx, "session_plenary_meetings", slug, id);
    const items = (await q.listPlenaryMeetingItems(trx, session.id, [id])).get(id) ?? [];
    const before = toPlenaryMeeting(item, items, session.time_zone);
    const agendaItemIds = patch.agendaItemIds ?? before.agendaItemIds;
    const placed = await placeMeeting(
      ctx,
      trx,
      session,
      {
        date: patch.date ?? before.date,
        start: patch.start ?? before.start,
        end: patch.end ?? before.end,
        agendaItemIds,
      },
      id,
    );
    const row = await q.updateItem(
      trx,
      "session_plenary_meetings",
      id,
      { ...placed, title: patch.title && JSON.stringify(patch.title) },
      ctx.clock.now(),
    );
    if (patch.agendaItemIds) await q.setPlenaryMeetingItems(trx, session.id, id, agendaItemIds);
    const after = toPlenaryMeeting(row, agendaItemIds, session.time_zone);
    await audit(trx, ctx, {
      action: "session_plenary_meeting.updated",
      objectType: "session_plenary_meeting",
      objectId: id,
      before,
      after,
    });
    return after;
  });
}
