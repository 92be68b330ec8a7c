/**
 * Greedy placement, the baseline and the optimiser's starting point: the kept pins first, then the
 * accepted events by score (best first), then the wait-listed ones; each takes the free cell of
 * highest value after the penalties it would add, ties broken by slot then room order. Occupancy is
 * kept per moment (slot start): two intervals overlap exactly when one holds the other's start.
 */
import { cellValue, type Placement, type Prepared, priorityOrder } from "./instance.js";

/** Greedy from scratch, or (with `base`, which must hold the pins) adding to placements made. */
export function greedyPlacements(p: Prepared, base?: Placement[]): Placement[] {
  const w = p.weights;
  const rooms = new Set<string>();
  const people = new Set<string>();
  const themes = new Map<string, number>();
  const orgDays = new Map<string, number>();
  const placements: Placement[] = [];
  const take = (eventId: string, roomId: string, slotId: string) => {
    const e = p.events.get(eventId);
    if (!e) return;
    placements.push({ eventId, roomId, slotId });
    for (const m of p.covers.get(slotId) ?? []) {
      rooms.add(`${roomId}|${m}`);
      for (const x of e.people) people.add(`${x}|${m}`);
      for (const t of new Set(e.themes)) themes.set(`${t}|${m}`, (themes.get(`${t}|${m}`) ?? 0) + 1);
    }
    for (const o of new Set(e.organisations ?? [])) {
      const key = `${o}|${p.day.get(slotId)}`;
      orgDays.set(key, (orgDays.get(key) ?? 0) + 1);
    }
  };
  for (const x of base ?? p.pins) take(x.eventId, x.roomId, x.slotId);
  const done = new Set(placements.map((x) => x.eventId));
  for (const e of priorityOrder(p.instance.events)) {
    if (e.pin || done.has(e.id)) continue;
    const fits = p.fits.get(e.id) ?? [];
    let best: { roomId: string; slotId: string; gain: number } | null = null;
    for (const s of p.instance.slots) {
      if (e.impossibleSlots.includes(s.id)) continue;
      const at = p.covers.get(s.id) ?? [];
      if (at.some((m) => e.people.some((x) => people.has(`${x}|${m}`)))) continue;
      const roomId = fits.find((r) => !at.some((m) => rooms.has(`${r}|${m}`)));
      if (roomId === undefined) continue;
      let gain = cellValue(w, e, s);
      for (const m of at)
        for (const t of new Set(e.themes)) if (themes.get(`${t}|${m}`)) gain -= w.themeClash;
      for (const o of new Set(e.organisations ?? []))
        if (orgDays.get(`${o}|${p.day.get(s.id)}`)) gain -= w.sameDay;
      if (!best || gain > best.gain + 1e-9) best = { roomId, slotId: s.id, gain };
    }
    if (best && best.gain > 0) take(e.id, best.roomId, best.slotId);
  }
  return placements;
}
