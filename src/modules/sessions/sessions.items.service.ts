/**
 * The items of a session: agenda items, rooms, side-event time slots and other dated deadlines
 * (plenary meetings are written in sessions.plenary.service.ts, deleted here). Each change locks the session row, so that items are checked against each other one at a time.
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import type { Trx } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { type PlenaryMeeting, toPlenaryMeeting } from "./sessions.plenary.js";
import * as q from "./sessions.queries.js";
import type {
  AgendaItemCreate,
  AgendaItemPatch,
  DeadlineCreate,
  DeadlinePatch,
  RoomCreate,
  RoomPatch,
  TimeSlotCreate,
  TimeSlotPatch,
} from "./sessions.schemas.js";
import {
  type AgendaItem,
  type Deadline,
  fieldError,
  getSessionDetail,
  mutate,
  type Room,
  type SessionCtx,
  type SessionDetail,
  type TimeSlot,
  toAgendaItem,
  toDeadline,
  toRoom,
  toTimeSlot,
} from "./sessions.service.js";
import { parseDateTimeInput, zonedToInstant } from "./sessions.time.js";

/** The session an item belongs to, locked so that items are checked against each other one at a time. */
export async function lockSession(trx: Trx, slug: string): Promise<q.SessionRow> {
  const row = await q.findSession(trx, { slug }, { lock: true });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function lockItem<T extends q.ItemTable>(trx: Trx, table: T, slug: string, id: string) {
  const session = await lockSession(trx, slug);
  const item = await q.findItem(trx, table, session.id, id);
  if (!item) throw new AppError("NOT_FOUND");
  return { session, item };
}

// agenda items

export async function createAgendaItem(
  ctx: SessionCtx,
  slug: string,
  input: AgendaItemCreate,
): Promise<AgendaItem> {
  return mutate(ctx, async (trx) => {
    const session = await lockSession(trx, slug);
    const row = await q.insertItem(trx, "session_agenda_items", {
      session_id: session.id,
      number: input.number,
      title: JSON.stringify(input.title),
      position: input.position ?? (await q.nextAgendaPosition(trx, session.id)),
    });
    const after = toAgendaItem(row);
    await audit(trx, ctx, {
      action: "session_agenda_item.created",
      objectType: "session_agenda_item",
      objectId: row.id,
      after,
    });
    return after;
  });
}

export async function updateAgendaItem(ctx: SessionCtx, slug: string, id: string, patch: AgendaItemPatch) {
  return mutate(ctx, async (trx) => {
    const { item } = await lockItem(trx, "session_agenda_items", slug, id);
    const row = await q.updateItem(
      trx,
      "session_agenda_items",
      id,
      { number: patch.number, title: patch.title && JSON.stringify(patch.title), position: patch.position },
      ctx.clock.now(),
    );
    const [before, after] = [toAgendaItem(item), toAgendaItem(row)];
    await audit(trx, ctx, {
      action: "session_agenda_item.updated",
      objectType: "session_agenda_item",
      objectId: id,
      before,
      after,
    });
    return after;
  });
}

// rooms

export async function createRoom(ctx: SessionCtx, slug: string, input: RoomCreate): Promise<Room> {
  return mutate(ctx, async (trx) => {
    const session = await lockSession(trx, slug);
    const row = await q.insertItem(trx, "session_rooms", {
      session_id: session.id,
      name: input.name,
      capacity: input.capacity,
      equipment: input.equipment ?? [],
    });
    const after = toRoom(row);
    await audit(trx, ctx, {
      action: "session_room.created",
      objectType: "session_room",
      objectId: row.id,
      after,
    });
    return after;
  });
}

export async function updateRoom(ctx: SessionCtx, slug: string, id: string, patch: RoomPatch): Promise<Room> {
  return mutate(ctx, async (trx) => {
    const { item } = await lockItem(trx, "session_rooms", slug, id);
    const row = await q.updateItem(
      trx,
      "session_rooms",
      id,
      { name: patch.name, capacity: patch.capacity, equipment: patch.equipment },
      ctx.clock.now(),
    );
    const [before, after] = [toRoom(item), toRoom(row)];
    await audit(trx, ctx, {
      action: "session_room.updated",
      objectType: "session_room",
      objectId: id,
      before,
      after,
    });
    return after;
  });
}

// time slots

/** A slot's instants from its local day and times, checked against the session and its other slots. */
async function placeSlot(
  ctx: SessionCtx,
  trx: Trx,
  session: q.SessionRow,
  slot: { date: string; start: string; end: string },
  exceptId?: string,
): Promise<{ starts_at: Date; ends_at: Date }> {
  if (slot.end <= slot.start) throw fieldError(ctx, "TIME_SLOT_TIMES_INVALID", "end");
  if (slot.date < session.starts_on || slot.date > session.ends_on)
    throw fieldError(ctx, "TIME_SLOT_OUTSIDE_SESSION", "date");
  const startsAt = zonedToInstant(slot.date, slot.start, session.time_zone);
  const endsAt = zonedToInstant(slot.date, slot.end, session.time_zone);
  // The session row is locked: no other slot of this session is being written meanwhile.
  if (await q.findOverlappingSlot(trx, session.id, startsAt, endsAt, exceptId))
    throw fieldError(ctx, "TIME_SLOT_OVERLAPS", "start");
  return { starts_at: startsAt, ends_at: endsAt };
}

export async function createTimeSlot(
  ctx: SessionCtx,
  slug: string,
  input: TimeSlotCreate,
): Promise<TimeSlot> {
  return mutate(ctx, async (trx) => {
    const session = await lockSession(trx, slug);
    const placed = await placeSlot(ctx, trx, session, input);
    const row = await q.insertItem(trx, "session_time_slots", { session_id: session.id, ...placed });
    const after = toTimeSlot(row, session.time_zone);
    await audit(trx, ctx, {
      action: "session_time_slot.created",
      objectType: "session_time_slot",
      objectId: row.id,
      after,
    });
    return after;
  });
}

export async function updateTimeSlot(
  ctx: SessionCtx,
  slug: string,
  id: string,
  patch: TimeSlotPatch,
): Promise<TimeSlot> {
  return mutate(ctx, async (trx) => {
    const { session, item } = await lockItem(trx, "session_time_slots", slug, id);
    const before = toTimeSlot(item, session.time_zone);
    const placed = await placeSlot(
      ctx,
      trx,
      session,
      { date: patch.date ?? before.date, start: patch.start ?? before.start, end: patch.end ?? before.end },
      id,
    );
    const row = await q.updateItem(trx, "session_time_slots", id, placed, ctx.clock.now());
    const after = toTimeSlot(row, session.time_zone);
    await audit(trx, ctx, {
      action: "session_time_slot.updated",
      objectType: "session_time_slot",
      objectId: id,
      before,
      after,
    });
    return after;
  });
}

// deadlines

export async function createDeadline(
  ctx: SessionCtx,
  slug: string,
  input: DeadlineCreate,
): Promise<Deadline> {
  return mutate(ctx, async (trx) => {
    const session = await lockSession(trx, slug);
    const row = await q.insertItem(trx, "session_deadlines", {
      session_id: session.id,
      label: JSON.stringify(input.label),
      due_at: parseDateTimeInput(input.dueAt, session.time_zone),
    });
    const after = toDeadline(row);
    await audit(trx, ctx, {
      action: "session_deadline.created",
      objectType: "session_deadline",
      objectId: row.id,
      after,
    });
    return after;
  });
}

export async function updateDeadline(
  ctx: SessionCtx,
  slug: string,
  id: string,
  patch: DeadlinePatch,
): Promise<Deadline> {
  return mutate(ctx, async (trx) => {
    const { session, item } = await lockItem(trx, "session_deadlines", slug, id);
    const row = await q.updateItem(
      trx,
      "session_deadlines",
      id,
      {
        label: patch.label && JSON.stringify(patch.label),
        due_at: patch.dueAt ? parseDateTimeInput(patch.dueAt, session.time_zone) : undefined,
      },
      ctx.clock.now(),
    );
    const [before, after] = [toDeadline(item), toDeadline(row)];
    await audit(trx, ctx, {
      action: "session_deadline.updated",
      objectType: "session_deadline",
      objectId: id,
      before,
      after,
    });
    return after;
  });
}

// deleting any of the five

const itemKinds = {
  "agenda-items": { table: "session_agenda_items", objectType: "session_agenda_item" },
  rooms: { table: "session_rooms", objectType: "session_room" },
  "time-slots": { table: "session_time_slots", objectType: "session_time_slot" },
  deadlines: { table: "session_deadlines", objectType: "session_deadline" },
  "plenary-meetings": { table: "session_plenary_meetings", objectType: "session_plenary_meeting" },
} as const;
export type ItemKind = keyof typeof itemKinds;

/** Deletes an item; one that another record refers to is refused (SESSION_ITEM_IN_USE). */
export async function deleteSessionItem(
  ctx: SessionCtx,
  slug: string,
  kind: ItemKind,
  id: string,
): Promise<void> {
  const { table, objectType } = itemKinds[kind];
  await mutate(ctx, async (trx) => {
    const { session, item } = await lockItem(trx, table, slug, id);
    const before =
      kind === "agenda-items"
        ? toAgendaItem(item as q.AgendaItemRow)
        : kind === "rooms"
          ? toRoom(item as q.RoomRow)
          : kind === "time-slots"
            ? toTimeSlot(item as q.TimeSlotRow, session.time_zone)
            : kind === "deadlines"
              ? toDeadline(item as q.DeadlineRow)
              : toPlenaryMeeting(
                  item as q.PlenaryMeetingRow,
                  (await q.listPlenaryMeetingItems(trx, session.id, [id])).get(id) ?? [],
                  session.time_zone,
                );
    await q.deleteItem(trx, table, id);
    await audit(trx, ctx, { action: `${objectType}.deleted`, objectType, objectId: id, before });
  });
}

interface ItemOf {
  "agenda-items": AgendaItem;
  rooms: Room;
  "time-slots": TimeSlot;
  deadlines: Deadline;
  "plenary-meetings": PlenaryMeeting;
}

/** The items of one kind in a session's detail. */
export function itemsOf<K extends ItemKind>(detail: SessionDetail, kind: K): ItemOf[K][] {
  const lists: { [P in ItemKind]: ItemOf[P][] } = {
    "agenda-items": detail.agendaItems,
    rooms: detail.rooms,
    "time-slots": detail.timeSlots,
    deadlines: detail.deadlines,
    "plenary-meetings": detail.plenaryMeetings,
  };
  return lists[kind];
}

/** One item of a session, for the secretariat's edit forms. */
export async function getSessionItem<K extends ItemKind>(
  ctx: SessionCtx,
  slug: string,
  kind: K,
  id: string,
): Promise<{ session: SessionDetail; item: ItemOf[K] }> {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, slug);
  const item = itemsOf(session, kind).find((i) => i.id === id);
  if (!item) throw new AppError("NOT_FOUND");
  return { session, item };
}
