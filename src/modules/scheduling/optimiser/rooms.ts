/**
 * Rooms second: given the slot of every event, one room each. Per time (slots with the same start
 * and end), a bipartite matching of the events to the rooms the pins leave free (augmenting
 * paths, the most constrained events first, the smallest fitting room tried first). The slots
 * model's Hall rows guarantee a complete matching exists (Hall's theorem), so this never fails on
 * its answers; it returns null if it ever does, and the caller keeps greedy.
 */
import type { Placement, Prepared } from "./instance.js";

export function assignRooms(
  p: Prepared,
  chosen: Array<{ eventId: string; slotId: string }>,
): Placement[] | null {
  const pinned = new Set(p.pins.map((x) => x.eventId));
  const timeOf = (slotId: string) => {
    const s = p.slots.get(slotId);
    return `${s?.startsAt}|${s?.endsAt}`;
  };
  const held = new Map<string, Set<string>>();
  for (const pin of p.pins) {
    const key = timeOf(pin.slotId);
    const set = held.get(key) ?? new Set<string>();
    set.add(pin.roomId);
    held.set(key, set);
  }
  const byTime = new Map<string, Array<{ eventId: string; slotId: string }>>();
  for (const c of chosen) {
    if (pinned.has(c.eventId)) continue;
    const key = timeOf(c.slotId);
    const list = byTime.get(key);
    if (list) list.push(c);
    else byTime.set(key, [c]);
  }
  const out: Placement[] = [...p.pins];
  for (const [key, list] of byTime) {
    const taken = held.get(key) ?? new Set<string>();
    const options = list.map((c) => (p.fits.get(c.eventId) ?? []).filter((r) => !taken.has(r)));
    const order = list.map((_, i) => i).sort((a, b) => (options[a]?.length ?? 0) - (options[b]?.length ?? 0));
    const roomOf = new Map<string, number>();
    const tryPlace = (i: number, visited: Set<string>): boolean => {
      for (const r of options[i] ?? []) {
        if (visited.has(r)) continue;
        visited.add(r);
        const holder = roomOf.get(r);
        if (holder === undefined || tryPlace(holder, visited)) {
          roomOf.set(r, i);
          return true;
        }
      }
      return false;
    };
    for (const i of order) if (!tryPlace(i, new Set())) return null;
    for (const [roomId, i] of roomOf) {
      const c = list[i];
      if (c) out.push({ eventId: c.eventId, roomId, slotId: c.slotId });
    }
  }
  return out;
}
