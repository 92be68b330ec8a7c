/**
 * The optimiser's instance: rooms, side-event slots and events, with the hard rules and the
 * weighted preferences; and `prepare`, the indexes every part of the optimiser shares (moments,
 * the rooms each event fits in, the pins that are kept). Pure data, no I/O.
 */

export interface OptRoom {
  id: string;
  capacity: number;
  equipment: string[];
}

export interface OptSlot {
  id: string;
  /** instants in ms */
  startsAt: number;
  endsAt: number;
  /** the local date (YYYY-MM-DD) the slot is on; the UTC date of its start when absent */
  day?: string;
  /**
   * How good the slot is for an event, in [0, 1] (default 1): the review ranking puts better events
   * in better slots (its weight is multiplied by score × quality).
   */
  quality?: number;
  /** agenda items the plenary discusses during the slot */
  plenaryItems?: string[];
}

export interface OptEvent {
  id: string;
  audience: number;
  equipment: string[];
  /** interpretation asked (needs a room with interpretation booths) */
  interpretation: boolean;
  /** organisations and panellists taking part: keys that must not be in two places at once */
  people: string[];
  impossibleSlots: string[];
  preferredSlots: string[];
  /** review score in [0, 1]; better events are placed first */
  score: number;
  themes: string[];
  /**
   * the lead organisation and the co-organisers, whose events are spread across days (the same keys
   * as in `people`, which they are also part of)
   */
  organisations?: string[];
  /** agenda items the event serves: it should not clash with the plenary discussing them */
  agendaItems?: string[];
  /** a wait-listed event: placed only in what the accepted events leave free, never displacing them */
  optional?: boolean;
  pin?: { roomId: string; slotId: string };
}

export interface Weights {
  /** for every event placed */
  placed: number;
  /** times the event's score times the slot's quality */
  ranking: number;
  /** an event in one of its preferred slots */
  preferred: number;
  /** for every further event on the same theme at the same moment */
  themeClash: number;
  /** an event at a time the plenary discusses an agenda item it serves */
  plenaryClash: number;
  /** for every further event of an organisation on the same day */
  sameDay: number;
}

export const defaultWeights: Weights = {
  placed: 100,
  ranking: 20,
  preferred: 10,
  themeClash: 5,
  plenaryClash: 8,
  sameDay: 3,
};

export interface Instance {
  rooms: OptRoom[];
  slots: OptSlot[];
  events: OptEvent[];
  weights?: Partial<Weights>;
}

export interface Placement {
  eventId: string;
  roomId: string;
  slotId: string;
}

export const INTERPRETATION = "interpretation_booths";

export const weightsOf = (instance: Instance): Weights => ({ ...defaultWeights, ...instance.weights });

export const round = (n: number) => Math.round(n * 1e6) / 1e6;

export const dayOf = (s: OptSlot) => s.day ?? new Date(s.startsAt).toISOString().slice(0, 10);

export const overlaps = (a: OptSlot, b: OptSlot) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Rules an event's own needs apply to a room, first broken first. */
export type RoomRule = "capacity" | "equipment" | "interpretation";

export function roomRule(e: OptEvent, r: OptRoom): RoomRule | null {
  if (r.capacity < e.audience) return "capacity";
  if (!e.equipment.every((q) => r.equipment.includes(q))) return "equipment";
  if (e.interpretation && !r.equipment.includes(INTERPRETATION)) return "interpretation";
  return null;
}

/** The value of an event in a slot before the penalties that depend on other events. */
export function cellValue(w: Weights, e: OptEvent, s: OptSlot): number {
  return (
    w.placed +
    w.ranking * e.score * (s.quality ?? 1) +
    (e.preferredSlots.includes(s.id) ? w.preferred : 0) -
    (plenaryClash(e, s) ? w.plenaryClash : 0)
  );
}

export const plenaryClash = (e: OptEvent, s: OptSlot) =>
  (e.agendaItems ?? []).some((a) => (s.plenaryItems ?? []).includes(a));

export interface Prepared {
  instance: Instance;
  weights: Weights;
  events: Map<string, OptEvent>;
  rooms: Map<string, OptRoom>;
  slots: Map<string, OptSlot>;
  /** distinct slot starts, ascending: two slots overlap exactly when one covers the other's start */
  moments: number[];
  /** slot id → indexes of the moments it covers */
  covers: Map<string, number[]>;
  /** slot id → index of its day */
  day: Map<string, number>;
  days: string[];
  /** event id → ids of the rooms it fits in (capacity, equipment, interpretation), smallest first */
  fits: Map<string, string[]>;
  /** pinned events kept where they were pinned (in order: better score first) */
  pins: Placement[];
  /** pinned events whose pin cannot be kept: the cell is gone, taken by another pin, or a person clashes */
  lostPins: Set<string>;
  /** true when some two different slots overlap (rooms then cannot be counted per slot) */
  partialOverlap: boolean;
}

/** Events in the order greedy takes them: pins, accepted by score, then wait-listed by score. */
export function priorityOrder(events: OptEvent[]): OptEvent[] {
  return [...events].sort(
    (a, b) =>
      Number(Boolean(b.pin)) - Number(Boolean(a.pin)) ||
      Number(Boolean(a.optional)) - Number(Boolean(b.optional)) ||
      b.score - a.score ||
      a.id.localeCompare(b.id),
  );
}

export function prepare(instance: Instance): Prepared {
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  const moments = [...new Set(instance.slots.map((s) => s.startsAt))].sort((a, b) => a - b);
  const covers = new Map(
    instance.slots.map((s) => [
      s.id,
      moments.flatMap((m, i) => (s.startsAt <= m && m < s.endsAt ? [i] : [])),
    ]),
  );
  const days = [...new Set(instance.slots.map(dayOf))].sort();
  const day = new Map(instance.slots.map((s) => [s.id, days.indexOf(dayOf(s))]));
  // smallest fitting room first (best fit keeps the big and equipped rooms for those who need them)
  const bySize = [...instance.rooms].sort(
    (a, b) => a.capacity - b.capacity || a.equipment.length - b.equipment.length,
  );
  const fits = new Map(
    instance.events.map((e) => [e.id, bySize.filter((r) => !roomRule(e, r)).map((r) => r.id)]),
  );
  let partialOverlap = false;
  for (const a of instance.slots)
    for (const b of instance.slots)
      if (a !== b && overlaps(a, b) && !(a.startsAt === b.startsAt && a.endsAt === b.endsAt))
        partialOverlap = true;
  const prepared: Prepared = {
    instance,
    weights: weightsOf(instance),
    events: new Map(instance.events.map((e) => [e.id, e])),
    rooms: new Map(instance.rooms.map((r) => [r.id, r])),
    slots,
    moments,
    covers,
    day,
    days,
    fits,
    pins: [],
    lostPins: new Set(),
    partialOverlap,
  };
  // pins: the secretariat's decisions, kept unless they contradict an earlier (better) pin
  const taken = new Set<string>();
  for (const e of priorityOrder(instance.events)) {
    if (!e.pin) continue;
    const { roomId, slotId } = e.pin;
    const at = covers.get(slotId);
    const ok =
      prepared.rooms.has(roomId) &&
      at !== undefined &&
      !at.some((m) => taken.has(`r${roomId}|${m}`) || e.people.some((p) => taken.has(`p${p}|${m}`)));
    if (!ok || !at) {
      prepared.lostPins.add(e.id);
      continue;
    }
    prepared.pins.push({ eventId: e.id, roomId, slotId });
    for (const m of at) {
      taken.add(`r${roomId}|${m}`);
      for (const p of e.people) taken.add(`p${p}|${m}`);
    }
  }
  return prepared;
}
