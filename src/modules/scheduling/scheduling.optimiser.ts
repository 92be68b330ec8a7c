/**
 * Placing a session's side events into rooms × side-event slots: pure functions, no I/O.
 *
 * Hard rules: one event per room at any moment; room capacity ≥ expected audience; the equipment
 * (and interpretation booths when interpretation is asked) in the room; no organiser, co-organiser
 * or panellist in two places at once; no slot the organiser declared impossible; pins stay.
 * Preferences (weighted, maximised): placing events at all, better-ranked events first, the
 * organisers' preferred slots, and a penalty for two events on the same theme at the same time.
 *
 * `greedy` is the baseline and the incumbent; `buildLp` writes the MIP (one binary per event ×
 * feasible room/slot pair; room, person and theme rows at every slot start, which is exact for
 * intervals); `readLpSolution` and `best` turn a solver answer into a schedule that is never worse
 * than greedy. The solver call itself is in scheduling.solver.ts, in a worker thread.
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
  pin?: { roomId: string; slotId: string };
}

export interface Weights {
  /** for every event placed */
  placed: number;
  /** times the event's score */
  ranking: number;
  /** an event in one of its preferred slots */
  preferred: number;
  /** for every further event on the same theme at the same moment */
  themeClash: number;
}

export const defaultWeights: Weights = { placed: 100, ranking: 20, preferred: 10, themeClash: 5 };

export interface Instance {
  rooms: OptRoom[];
  slots: OptSlot[];
  events: OptEvent[];
  weights?: Weights;
}

export interface Placement {
  eventId: string;
  roomId: string;
  slotId: string;
}

export const unplacedReasons = [
  "capacity",
  "equipment",
  "interpretation",
  "impossibleSlots",
  "pinConflict",
  "peopleClash",
  "roomsFull",
] as const;
export type UnplacedReason = (typeof unplacedReasons)[number];

export interface Schedule {
  placements: Placement[];
  unplaced: Array<{ eventId: string; reason: UnplacedReason }>;
  objective: number;
}

export const INTERPRETATION = "interpretation_booths";

const overlaps = (a: OptSlot, b: OptSlot) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Rooms an event fits in, and the first rule that excludes every room when none does. */
export function roomsFor(instance: Instance, e: OptEvent): { rooms: OptRoom[]; reason?: UnplacedReason } {
  const big = instance.rooms.filter((r) => r.capacity >= e.audience);
  if (big.length === 0) return { rooms: [], reason: "capacity" };
  const equipped = big.filter((r) => e.equipment.every((q) => r.equipment.includes(q)));
  if (equipped.length === 0) return { rooms: [], reason: "equipment" };
  const rooms = e.interpretation ? equipped.filter((r) => r.equipment.includes(INTERPRETATION)) : equipped;
  if (rooms.length === 0) return { rooms: [], reason: "interpretation" };
  return { rooms };
}

/** The (room, slot) cells an event may take on its own (rules that do not depend on others). */
export function feasibleCells(
  instance: Instance,
  e: OptEvent,
): { cells: Array<{ roomId: string; slotId: string }>; reason?: UnplacedReason } {
  if (e.pin) {
    // a pin is the secretariat's decision: kept where it was put, whatever the event's own wishes
    const pin = e.pin;
    const exists =
      instance.rooms.some((r) => r.id === pin.roomId) && instance.slots.some((s) => s.id === pin.slotId);
    return exists
      ? { cells: [{ roomId: pin.roomId, slotId: pin.slotId }] }
      : { cells: [], reason: "pinConflict" };
  }
  const { rooms, reason } = roomsFor(instance, e);
  if (reason) return { cells: [], reason };
  const slots = instance.slots.filter((s) => !e.impossibleSlots.includes(s.id));
  if (slots.length === 0) return { cells: [], reason: "impossibleSlots" };
  return { cells: rooms.flatMap((r) => slots.map((s) => ({ roomId: r.id, slotId: s.id }))) };
}

/** The value of an event in a cell, before theme penalties. */
export function cellValue(w: Weights, e: OptEvent, slotId: string): number {
  return w.placed + w.ranking * e.score + (e.preferredSlots.includes(slotId) ? w.preferred : 0);
}

/** Objective of a set of placements: values minus theme clashes (checked at every slot start). */
export function evaluate(instance: Instance, placements: Placement[]): number {
  const w = instance.weights ?? defaultWeights;
  const events = new Map(instance.events.map((e) => [e.id, e]));
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  let total = 0;
  for (const p of placements) {
    const e = events.get(p.eventId);
    if (e) total += cellValue(w, e, p.slotId);
  }
  for (const moment of instance.slots) {
    const counts = new Map<string, number>();
    for (const p of placements) {
      const s = slots.get(p.slotId);
      if (!s || !(s.startsAt <= moment.startsAt && moment.startsAt < s.endsAt)) continue;
      for (const t of events.get(p.eventId)?.themes ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    for (const n of counts.values()) if (n > 1) total -= w.themeClash * (n - 1);
  }
  return round(total);
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The hard rule a further placement would break, given the placements made. */
function clash(
  instance: Instance,
  placed: Placement[],
  e: OptEvent,
  cell: { roomId: string; slotId: string },
): "roomsFull" | "peopleClash" | null {
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  const events = new Map(instance.events.map((x) => [x.id, x]));
  const slot = slots.get(cell.slotId);
  if (!slot) return "roomsFull";
  let people = false;
  for (const p of placed) {
    const other = slots.get(p.slotId);
    if (!other || !overlaps(slot, other)) continue;
    if (p.roomId === cell.roomId) return "roomsFull";
    if (events.get(p.eventId)?.people.some((x) => e.people.includes(x))) people = true;
  }
  return people ? "peopleClash" : null;
}

/** Why an event is not in a schedule: its own rules first, then what the others took. */
export function explain(instance: Instance, placements: Placement[], e: OptEvent): UnplacedReason {
  const { cells, reason } = feasibleCells(instance, e);
  if (reason) return reason;
  if (e.pin) return "pinConflict";
  const others = placements.filter((p) => p.eventId !== e.id);
  const clashes = cells.map((c) => clash(instance, others, e, c));
  return clashes.includes("peopleClash") ? "peopleClash" : "roomsFull";
}

function finish(instance: Instance, placements: Placement[]): Schedule {
  const placedIds = new Set(placements.map((p) => p.eventId));
  return {
    placements,
    unplaced: instance.events
      .filter((e) => !placedIds.has(e.id))
      .map((e) => ({ eventId: e.id, reason: explain(instance, placements, e) })),
    objective: evaluate(instance, placements),
  };
}

/**
 * Greedy: pins first, then events by score (best first); each takes the free cell of highest
 * value after theme penalties, ties broken by slot then room order (deterministic). Occupancy is
 * kept per slot start ("moment"): two intervals overlap exactly when one holds the other's start.
 */
export function greedy(instance: Instance): Schedule {
  const w = instance.weights ?? defaultWeights;
  const order = [...instance.events].sort(
    (a, b) =>
      Number(Boolean(b.pin)) - Number(Boolean(a.pin)) || b.score - a.score || a.id.localeCompare(b.id),
  );
  const moments = [...new Set(instance.slots.map((x) => x.startsAt))];
  const covers = new Map(
    instance.slots.map((x) => [x.id, moments.filter((m) => x.startsAt <= m && m < x.endsAt)]),
  );
  const rooms = new Set<string>();
  const people = new Set<string>();
  const themes = new Map<string, number>();
  const placements: Placement[] = [];
  for (const e of order) {
    const { cells } = feasibleCells(instance, e);
    let best: { cell: { roomId: string; slotId: string }; gain: number } | null = null;
    for (const cell of cells) {
      const at = covers.get(cell.slotId) ?? [];
      if (at.some((m) => rooms.has(`${cell.roomId}|${m}`))) continue;
      if (at.some((m) => e.people.some((p) => people.has(`${p}|${m}`)))) continue;
      let gain = cellValue(w, e, cell.slotId);
      for (const m of at)
        for (const t of new Set(e.themes)) if ((themes.get(`${t}|${m}`) ?? 0) > 0) gain -= w.themeClash;
      if (!best || gain > best.gain + 1e-9) best = { cell, gain };
    }
    if (!best) continue;
    placements.push({ eventId: e.id, ...best.cell });
    for (const m of covers.get(best.cell.slotId) ?? []) {
      rooms.add(`${best.cell.roomId}|${m}`);
      for (const p of e.people) people.add(`${p}|${m}`);
      for (const t of new Set(e.themes)) themes.set(`${t}|${m}`, (themes.get(`${t}|${m}`) ?? 0) + 1);
    }
  }
  return finish(instance, placements);
}

/** Checks a schedule against every hard rule; the list of broken rules (empty when valid). */
export function violations(instance: Instance, placements: Placement[]): string[] {
  const out: string[] = [];
  const events = new Map(instance.events.map((e) => [e.id, e]));
  for (const [i, p] of placements.entries()) {
    const e = events.get(p.eventId);
    if (!e) {
      out.push(`unknown event ${p.eventId}`);
      continue;
    }
    const { cells } = feasibleCells(instance, e);
    if (!cells.some((c) => c.roomId === p.roomId && c.slotId === p.slotId))
      out.push(`${e.id}: cell not allowed`);
    const rule = clash(instance, placements.slice(0, i), e, p);
    if (rule) out.push(`${e.id}: ${rule}`);
  }
  return out;
}

// ---- the MIP

export interface LpModel {
  lp: string;
  /** column name → placement */
  columns: Map<string, Placement>;
}

/** The instance as a CPLEX-LP maximisation for HiGHS. */
export function buildLp(instance: Instance): LpModel {
  const w = instance.weights ?? defaultWeights;
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  const roomIndex = new Map(instance.rooms.map((r, i) => [r.id, i]));
  const slotIndex = new Map(instance.slots.map((s, i) => [s.id, i]));
  const columns = new Map<string, Placement>();
  const objective: string[] = [];
  const rows: string[] = [];
  const byEvent: string[][] = [];
  const pinnedRows: string[] = [];
  const moments = [...new Set(instance.slots.map((s) => s.startsAt))].sort((a, b) => a - b);
  const atMoment = (slotId: string, m: number) => {
    const s = slots.get(slotId);
    return s !== undefined && s.startsAt <= m && m < s.endsAt;
  };
  const roomRows = new Map<string, string[]>();
  const personRows = new Map<string, string[]>();
  const themeRows = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, v: string) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  instance.events.forEach((e, ei) => {
    const { cells } = feasibleCells(instance, e);
    const names: string[] = [];
    for (const c of cells) {
      const name = `x_${ei}_${roomIndex.get(c.roomId)}_${slotIndex.get(c.slotId)}`;
      columns.set(name, { eventId: e.id, ...c });
      names.push(name);
      objective.push(`${round(cellValue(w, e, c.slotId))} ${name}`);
      moments.forEach((m, mi) => {
        if (!atMoment(c.slotId, m)) return;
        push(roomRows, `r_${roomIndex.get(c.roomId)}_${mi}`, name);
        for (const p of new Set(e.people)) push(personRows, `${p}\u0000${mi}`, name);
        for (const t of new Set(e.themes)) push(themeRows, `${t}\u0000${mi}`, name);
      });
    }
    byEvent.push(names);
    if (e.pin && names.length === 1) pinnedRows.push(names[0] ?? "");
  });
  byEvent.forEach((names, ei) => {
    if (names.length) rows.push(` e_${ei}: ${names.join(" + ")} <= 1`);
  });
  for (const [key, names] of roomRows) if (names.length > 1) rows.push(` ${key}: ${names.join(" + ")} <= 1`);
  const personIds = new Map<string, number>();
  for (const [key, names] of personRows) {
    if (names.length < 2) continue;
    const [person = "", mi = ""] = key.split("\u0000");
    if (!personIds.has(person)) personIds.set(person, personIds.size);
    rows.push(` p_${personIds.get(person)}_${mi}: ${names.join(" + ")} <= 1`);
  }
  const penalties: string[] = [];
  let t = 0;
  for (const names of themeRows.values()) {
    if (names.length < 2) continue;
    const y = `y_${t++}`;
    penalties.push(`${y}`);
    rows.push(` ${y}_row: ${names.join(" + ")} - ${y} <= 1`);
  }
  const lp = [
    "Maximize",
    ` obj: ${[...objective, ...penalties.map((y) => `- ${w.themeClash} ${y}`)].join(" + ").replace(/\+ -/g, "-")}`,
    "Subject To",
    ...rows,
    ...pinnedRows.map((name, i) => ` pin_${i}: ${name} = 1`),
    "Bounds",
    ...penalties.map((y) => ` ${y} >= 0`),
    "Binary",
    ...[...columns.keys()].map((n) => ` ${n}`),
    "End",
  ].join("\n");
  return { lp, columns };
}

/** Placements from column values (x ≥ 0.5). */
export function readLpSolution(model: LpModel, values: Record<string, number>): Placement[] {
  const out: Placement[] = [];
  for (const [name, placement] of model.columns) if ((values[name] ?? 0) > 0.5) out.push(placement);
  return out;
}

export interface OptimiseResult extends Schedule {
  /** best proven upper bound on the objective */
  bound: number;
  /** relative gap between the schedule's objective and the bound */
  gap: number;
  source: "greedy" | "highs";
  status: string;
  /** the greedy placement's objective, for comparison */
  greedyObjective: number;
}

/** The better of greedy and a solver's placements (the solver's only if valid and not worse). */
export function best(
  instance: Instance,
  greedySchedule: Schedule,
  solved: { placements: Placement[] | null; bound: number | null; status: string },
): OptimiseResult {
  const valid = solved.placements && violations(instance, solved.placements).length === 0;
  const candidate = valid && solved.placements ? finish(instance, solved.placements) : null;
  const pinsKept = (s: Schedule) =>
    instance.events.filter((e) => e.pin && s.placements.some((p) => p.eventId === e.id)).length;
  const chosen =
    candidate &&
    candidate.objective >= greedySchedule.objective - 1e-9 &&
    pinsKept(candidate) >= pinsKept(greedySchedule)
      ? { ...candidate, source: "highs" as const }
      : { ...greedySchedule, source: "greedy" as const };
  const upper = upperBound(instance);
  const bound = round(Math.max(chosen.objective, Math.min(solved.bound ?? upper, upper)));
  const gap = bound === 0 ? 0 : round(Math.max(0, (bound - chosen.objective) / Math.abs(bound)));
  return { ...chosen, bound, gap, status: solved.status, greedyObjective: greedySchedule.objective };
}

/** A trivial bound: every event in its best allowed cell with no theme penalty. */
export function upperBound(instance: Instance): number {
  const w = instance.weights ?? defaultWeights;
  let total = 0;
  for (const e of instance.events) {
    const { cells } = feasibleCells(instance, e);
    if (cells.length) total += Math.max(...cells.map((c) => cellValue(w, e, c.slotId)));
  }
  return round(total);
}
