/**
 * The rules one placement breaks, for the editor ("which rules a move breaks and why") and for
 * checking a whole schedule; and why an event left out could not be placed.
 */
import {
  type Instance,
  type OptEvent,
  overlaps,
  type Placement,
  type Prepared,
  plenaryClash,
  prepare,
  roomRule,
} from "./instance.js";

/** Hard rules: a schedule breaking one is not valid. */
export const hardRules = [
  "unknownEvent",
  "unknownCell",
  "duplicate",
  "pinned",
  "capacity",
  "equipment",
  "interpretation",
  "impossibleSlot",
  "roomTaken",
  "peopleClash",
] as const;
/** Preferences: allowed, but they cost score. */
export const softRules = ["notPreferred", "themeClash", "plenaryClash", "sameDay"] as const;
export type Rule = (typeof hardRules)[number] | (typeof softRules)[number];

export interface Violation {
  rule: Rule;
  hard: boolean;
  eventId: string;
  /** the other event involved (room taken, people, theme or same-day clash) */
  otherEventId?: string;
  /** the equipment the room lacks */
  missing?: string[];
  /**
   * values for the rule's message (`scheduling.rule.<rule>`); `otherEvent` is the other event's id,
   * which the caller replaces by its title. People are never named, only counted.
   */
  params: Record<string, string | number>;
}

const isHard = (rule: Rule) => (hardRules as readonly string[]).includes(rule);

function check(p: Prepared, placements: Placement[], eventId: string): Violation[] {
  const out: Violation[] = [];
  const add = (rule: Rule, params: Record<string, string | number> = {}) => {
    const v: Violation = { rule, hard: isHard(rule), eventId, params };
    if (typeof params.otherEvent === "string") v.otherEventId = params.otherEvent;
    out.push(v);
    return v;
  };
  const e = p.events.get(eventId);
  const mine = placements.filter((x) => x.eventId === eventId);
  if (!e) {
    if (mine.length) add("unknownEvent");
    return out;
  }
  const at = mine[0];
  if (!at) return out;
  if (mine.length > 1) add("duplicate", { times: mine.length });
  const room = p.rooms.get(at.roomId);
  const slot = p.slots.get(at.slotId);
  if (!room || !slot) {
    add("unknownCell", { roomId: at.roomId, slotId: at.slotId });
    return out;
  }
  if (e.pin && (e.pin.roomId !== at.roomId || e.pin.slotId !== at.slotId))
    add("pinned", { roomId: e.pin.roomId, slotId: e.pin.slotId });
  const pinnedHere = e.pin?.roomId === at.roomId && e.pin.slotId === at.slotId;
  // a pin is the secretariat's decision: its room's limits are shown, the slot wishes are not
  const own = roomRule(e, room);
  if (own === "capacity") add("capacity", { audience: e.audience, capacity: room.capacity });
  else if (own === "equipment") {
    const missing = e.equipment.filter((q) => !room.equipment.includes(q));
    add("equipment", { missing: missing.join(", "), count: missing.length }).missing = missing;
  } else if (own === "interpretation") add("interpretation");
  if (!pinnedHere && e.impossibleSlots.includes(slot.id)) add("impossibleSlot");
  const organisations = new Set(e.organisations ?? []);
  const themes = new Set(e.themes);
  const day = p.day.get(slot.id);
  for (const other of placements) {
    if (other.eventId === eventId) continue;
    const o = p.events.get(other.eventId);
    const s = p.slots.get(other.slotId);
    if (!o || !s) continue;
    if (overlaps(slot, s)) {
      if (other.roomId === at.roomId) add("roomTaken", { otherEvent: o.id });
      const shared = o.people.filter((x) => e.people.includes(x));
      if (shared.length) {
        const orgs = shared.filter((x) => organisations.has(x)).length;
        add("peopleClash", { otherEvent: o.id, organisations: orgs, panellists: shared.length - orgs });
      }
      const theme = o.themes.find((t) => themes.has(t));
      if (theme !== undefined) add("themeClash", { otherEvent: o.id, theme });
    } else if (p.day.get(s.id) === day && (o.organisations ?? []).some((x) => organisations.has(x)))
      add("sameDay", { otherEvent: o.id });
  }
  const item = (e.agendaItems ?? []).find((a) => (slot.plenaryItems ?? []).includes(a));
  if (plenaryClash(e, slot) && item) add("plenaryClash", { agendaItem: item });
  if (e.preferredSlots.length && !e.preferredSlots.includes(slot.id)) add("notPreferred");
  return out;
}

/**
 * The rules an event's placement breaks among the given placements (hard ones and preferences),
 * or, without an event id, every event's. An event with no placement breaks none.
 */
export function violations(instance: Instance, placements: Placement[], eventId?: string): Violation[] {
  const p = prepare(instance);
  if (eventId !== undefined) return check(p, placements, eventId);
  const ids = [...new Set(placements.map((x) => x.eventId))];
  return ids.flatMap((id) => check(p, placements, id));
}

/** The hard rules a whole schedule breaks (empty when valid). */
export const hardViolations = (instance: Instance, placements: Placement[]) =>
  violations(instance, placements).filter((v) => v.hard);

export const unplacedReasons = [
  "capacity",
  "equipment",
  "interpretation",
  "impossibleSlots",
  "pinConflict",
  "peopleClash",
  "roomsFull",
  "penalties",
] as const;
export type UnplacedReason = (typeof unplacedReasons)[number];

const cache = new WeakMap<Placement[], Map<string, Placement[]>>();

/** slot id → the placements overlapping it (kept per placements array) */
function overlapping(p: Prepared, placements: Placement[]): Map<string, Placement[]> {
  const known = cache.get(placements);
  if (known) return known;
  const out = new Map<string, Placement[]>();
  for (const s of p.instance.slots)
    out.set(
      s.id,
      placements.filter((x) => {
        const o = p.slots.get(x.slotId);
        return o !== undefined && overlaps(o, s);
      }),
    );
  cache.set(placements, out);
  return out;
}

/** Why an event is not in a schedule: its own rules first, then what the others took. */
export function explain(p: Prepared, placements: Placement[], e: OptEvent): UnplacedReason {
  if (e.pin) return "pinConflict";
  const rooms = p.instance.rooms;
  const big = rooms.filter((r) => r.capacity >= e.audience);
  if (!big.length) return "capacity";
  if (!big.some((r) => roomRule(e, r) !== "equipment")) return "equipment";
  const fits = p.fits.get(e.id) ?? [];
  if (!fits.length) return "interpretation";
  const slots = p.instance.slots.filter((s) => !e.impossibleSlots.includes(s.id));
  if (!slots.length) return "impossibleSlots";
  let people = false;
  let free = false;
  const bySlot = overlapping(p, placements);
  for (const s of slots) {
    const others = (bySlot.get(s.id) ?? []).filter((x) => x.eventId !== e.id);
    const clash = others.some((x) => p.events.get(x.eventId)?.people.some((q) => e.people.includes(q)));
    const roomFree = fits.some((r) => !others.some((x) => x.roomId === r));
    if (roomFree && clash) people = true;
    if (roomFree && !clash) free = true;
  }
  return free ? "penalties" : people ? "peopleClash" : "roomsFull";
}
