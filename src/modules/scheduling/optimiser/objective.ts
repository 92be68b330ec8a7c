/**
 * The score of a schedule, and each placed event's share of it term by term, so the UI can show
 * why an event is where it is. Penalties shared by several events (two on one theme at the same
 * moment, two of one organisation on one day) are split evenly among them.
 */
import { type Instance, type Placement, type Prepared, prepare, round } from "./instance.js";

export const terms = ["placed", "ranking", "preferred", "plenaryClash", "themeClash", "sameDay"] as const;
export type Term = (typeof terms)[number];

export interface Contribution {
  eventId: string;
  /** the sum of the terms */
  total: number;
  /** signed: preferences earned are positive, penalties negative */
  terms: Record<Term, number>;
}

export interface Scored {
  objective: number;
  contributions: Contribution[];
}

export function scorePrepared(p: Prepared, placements: Placement[]): Scored {
  const w = p.weights;
  const byEvent = new Map<string, Record<Term, number>>();
  const groups = new Map<string, string[]>();
  const group = (key: string, id: string) => {
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  };
  for (const x of placements) {
    const e = p.events.get(x.eventId);
    const s = p.slots.get(x.slotId);
    if (!e || !s || byEvent.has(e.id)) continue;
    const clash = (e.agendaItems ?? []).some((a) => (s.plenaryItems ?? []).includes(a));
    byEvent.set(e.id, {
      placed: w.placed,
      ranking: w.ranking * e.score * (s.quality ?? 1),
      preferred: e.preferredSlots.includes(s.id) ? w.preferred : 0,
      plenaryClash: clash ? -w.plenaryClash : 0,
      themeClash: 0,
      sameDay: 0,
    });
    for (const m of p.covers.get(s.id) ?? [])
      for (const t of new Set(e.themes)) group(`t\u0000${t}\u0000${m}`, e.id);
    for (const o of new Set(e.organisations ?? [])) group(`d\u0000${o}\u0000${p.day.get(s.id)}`, e.id);
  }
  for (const [key, ids] of groups) {
    if (ids.length < 2) continue;
    const term: Term = key.startsWith("t") ? "themeClash" : "sameDay";
    const share = ((term === "themeClash" ? w.themeClash : w.sameDay) * (ids.length - 1)) / ids.length;
    for (const id of ids) {
      const t = byEvent.get(id);
      if (t) t[term] -= share;
    }
  }
  let objective = 0;
  const contributions: Contribution[] = [];
  for (const [eventId, t] of byEvent) {
    for (const k of terms) t[k] = round(t[k]);
    const total = round(terms.reduce((sum, k) => sum + t[k], 0));
    objective += total;
    contributions.push({ eventId, total, terms: t });
  }
  return { objective: round(objective), contributions };
}

/** Objective of a set of placements: values minus penalties. */
export const evaluate = (instance: Instance, placements: Placement[]) =>
  scorePrepared(prepare(instance), placements).objective;
