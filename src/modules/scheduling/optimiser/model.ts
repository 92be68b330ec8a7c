/**
 * The MIP, as arrays for HiGHS (maximise). Two formulations share the preference rows:
 *
 * - "slots" (used whenever no two different slots partly overlap, the usual case): one binary per
 *   event × slot. Rooms are not chosen here but counted: at each time, for every set U of rooms
 *   that is a union of the events' room sets ("the rooms e fits in", connected unions only), the
 *   events that fit only in U number at most |U|. That is Hall's condition, so a room assignment
 *   always exists for the chosen slots (rooms.ts finds it); identical rooms are never told apart,
 *   so the room symmetry that made the plain model slow disappears.
 * - "cells" (fallback when slots of different lengths overlap, where counting per slot is not
 *   exact): one binary per event × room × slot, room rows at every moment.
 *
 * Shared: each event at most once; each person (organisation, panellist) at most one event per
 * moment; a penalty column per theme × moment and per organisation × day that counts the events
 * beyond the first. Kept pins are constants: their rooms are removed, their people block the
 * moments they hold, their penalties move into the coefficients and the offset.
 */
import { cellValue, type Placement, type Prepared } from "./instance.js";
import { scorePrepared } from "./objective.js";

export interface Column {
  eventId: string;
  slotId: string;
  /** only in the cells model */
  roomId?: string;
}

export interface Mip {
  kind: "slots" | "cells";
  /** columns 0 … columns.length - 1 are binaries; then the penalty columns (continuous, ≥ 0) */
  columns: Column[];
  numCols: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** rows in CSR form */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  offset: number;
  /** for each penalty column, its row (start values are computed from it) */
  penaltyRows: number[];
}

export interface ModelOptions {
  /** events whose slot is decided (wait-list phase: the accepted events), kept there */
  fixed?: Map<string, string>;
  /** leave these events out (first phase: the wait-listed ones) */
  skip?: (eventId: string) => boolean;
  kind?: "slots" | "cells";
}

const INF = Number.POSITIVE_INFINITY;

export function buildModel(p: Prepared, options: ModelOptions = {}): Mip {
  const w = p.weights;
  const kind = options.kind ?? (p.partialOverlap ? "cells" : "slots");
  const slots = p.instance.slots;
  const pinned = new Set(p.pins.map((x) => x.eventId));
  // what the pins hold: rooms and people per moment
  const heldRooms = new Set<string>();
  const heldPeople = new Set<string>();
  const pinCount = new Map<string, number>();
  const bump = (key: string) => pinCount.set(key, (pinCount.get(key) ?? 0) + 1);
  for (const pin of p.pins) {
    const e = p.events.get(pin.eventId);
    if (!e) continue;
    for (const m of p.covers.get(pin.slotId) ?? []) {
      heldRooms.add(`${pin.roomId}|${m}`);
      for (const x of e.people) heldPeople.add(`${x}|${m}`);
      for (const t of new Set(e.themes)) bump(`t|${t}|${m}`);
    }
    for (const o of new Set(e.organisations ?? [])) bump(`d|${o}|${p.day.get(pin.slotId)}`);
  }
  // the rooms an event fits in that the pins leave free at a slot (sorted: also a key for Hall sets)
  const free = new Map<string, string[]>();
  const freeRooms = (e: string, slotId: string) => {
    const key = `${e}|${slotId}`;
    let rooms = free.get(key);
    if (!rooms) {
      const at = p.covers.get(slotId) ?? [];
      const fits = p.fits.get(e) ?? [];
      rooms = heldRooms.size ? fits.filter((r) => !at.some((m) => heldRooms.has(`${r}|${m}`))) : [...fits];
      rooms.sort();
      free.set(key, rooms);
    }
    return rooms;
  };

  const columns: Column[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  const byEvent = new Map<string, number[]>();
  for (const e of p.instance.events) {
    if (pinned.has(e.id) || e.pin || options.skip?.(e.id)) continue;
    const fixedSlot = options.fixed?.get(e.id);
    const list: number[] = [];
    for (const s of slots) {
      if (fixedSlot !== undefined ? s.id !== fixedSlot : e.impossibleSlots.includes(s.id)) continue;
      const at = p.covers.get(s.id) ?? [];
      if (at.some((m) => e.people.some((x) => heldPeople.has(`${x}|${m}`)))) continue;
      const rooms = freeRooms(e.id, s.id);
      if (!rooms.length) continue;
      const value = cellValue(w, e, s);
      for (const roomId of kind === "cells" ? rooms : [undefined]) {
        list.push(columns.length);
        columns.push(
          roomId === undefined ? { eventId: e.id, slotId: s.id } : { eventId: e.id, slotId: s.id, roomId },
        );
        cost.push(value);
        lower.push(0);
      }
    }
    if (fixedSlot !== undefined && list.length === 1) lower[list[0] ?? 0] = 1;
    if (list.length) byEvent.set(e.id, list);
  }

  const rows: Array<{ cols: number[]; coefs?: number[]; lo: number; hi: number }> = [];
  const penaltyCols: Array<{ cost: number; row: number }> = [];
  const seen = new Set<string>();
  const addRow = (cols: number[], hi: number) => {
    const key = `${hi}:${[...cols].sort((a, b) => a - b).join(",")}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({ cols, lo: -INF, hi });
  };
  for (const cols of byEvent.values()) if (cols.length > 1) addRow(cols, 1);

  // columns per moment, and their events
  const atMoment: number[][] = p.moments.map(() => []);
  columns.forEach((c, j) => {
    for (const m of p.covers.get(c.slotId) ?? []) atMoment[m]?.push(j);
  });
  const group = (keyOf: (j: number) => string[], js: number[]) => {
    const out = new Map<string, number[]>();
    for (const j of js)
      for (const k of keyOf(j)) {
        const list = out.get(k);
        if (list) list.push(j);
        else out.set(k, [j]);
      }
    return out;
  };
  const colEvents = columns.map((c) => p.events.get(c.eventId));
  const eventOf = (j: number) => colEvents[j];
  const distinctEvents = (js: number[]) => new Set(js.map((j) => columns[j]?.eventId)).size;

  atMoment.forEach((js, m) => {
    // people: at most one event each
    for (const cols of group((j) => [...new Set(eventOf(j)?.people ?? [])], js).values())
      if (distinctEvents(cols) > 1) addRow(cols, 1);
    // themes: a penalty for each event beyond the first (beyond none when a pin has the theme)
    if (w.themeClash > 0)
      for (const [t, cols] of group((j) => [...new Set(eventOf(j)?.themes ?? [])], js))
        penalise(`t|${t}|${m}`, cols, w.themeClash);
    // rooms, in the cells model: one event per room
    if (kind === "cells")
      for (const cols of group((j) => [columns[j]?.roomId ?? ""], js).values())
        if (cols.length > 1) addRow(cols, 1);
  });
  if (w.sameDay > 0) {
    const all = columns.map((_, j) => j);
    for (const [key, cols] of group(
      (j) => (eventOf(j)?.organisations ?? []).map((o) => `d|${o}|${p.day.get(columns[j]?.slotId ?? "")}`),
      all,
    ))
      penalise(key, cols, w.sameDay);
  }
  // too many unions to write (never seen in practice): the cells model, which is always exact
  if (kind === "slots" && !hallRows(p, columns, freeRooms, addRow))
    return buildModel(p, { ...options, kind: "cells" });

  function penalise(key: string, cols: number[], weight: number) {
    const held = pinCount.get(key) ?? 0;
    if (held > 0) {
      for (const j of cols) cost[j] = (cost[j] ?? 0) - weight;
      return;
    }
    if (distinctEvents(cols) < 2) return;
    penaltyCols.push({ cost: -weight, row: rows.length });
    rows.push({ cols: [...cols, -penaltyCols.length], lo: -INF, hi: 1 });
  }

  const nx = columns.length;
  const numCols = nx + penaltyCols.length;
  const colCost = new Float64Array(numCols);
  cost.forEach((c, j) => {
    colCost[j] = c;
  });
  penaltyCols.forEach((pc, i) => {
    colCost[nx + i] = pc.cost;
  });
  const colUpper = new Float64Array(numCols).fill(INF);
  colUpper.fill(1, 0, nx);
  const colLower = new Float64Array(numCols);
  lower.forEach((l, j) => {
    colLower[j] = l;
  });
  const integrality = new Int32Array(numCols);
  integrality.fill(1, 0, nx);
  const starts = new Int32Array(rows.length + 1);
  const total = rows.reduce((n, r) => n + r.cols.length, 0);
  const indices = new Int32Array(total);
  const values = new Float64Array(total);
  let k = 0;
  rows.forEach((r, i) => {
    // a negative entry −n stands for the n-th penalty column, coefficient −1
    const entries = r.cols
      .map((c) => (c < 0 ? ([nx - c - 1, -1] as const) : ([c, 1] as const)))
      .sort((a, b) => a[0] - b[0]);
    for (const [c, v] of entries) {
      indices[k] = c;
      values[k++] = v;
    }
    starts[i + 1] = k;
  });
  return {
    kind,
    columns,
    numCols,
    colCost,
    colLower,
    colUpper,
    integrality,
    rowLower: Float64Array.from(rows, (r) => r.lo),
    rowUpper: Float64Array.from(rows, (r) => r.hi),
    starts,
    indices,
    values,
    offset: scorePrepared(p, p.pins).objective,
    penaltyRows: penaltyCols.map((pc) => pc.row),
  };
}

/**
 * Hall's condition per time (slots with the same start and end share the rooms): for each
 * connected union U of the events' free-room sets, Σ x[e, s] over events whose set lies in U ≤ |U|,
 * kept only where more events than |U| could lie in it.
 */
function hallRows(
  p: Prepared,
  columns: Column[],
  freeRooms: (eventId: string, slotId: string) => string[],
  addRow: (cols: number[], hi: number) => void,
): boolean {
  const times = new Map<string, number[]>();
  columns.forEach((c, j) => {
    const s = p.slots.get(c.slotId);
    const key = `${s?.startsAt}|${s?.endsAt}`;
    const list = times.get(key);
    if (list) list.push(j);
    else times.set(key, [j]);
  });
  for (const js of times.values()) {
    const sets = new Map<string, { rooms: Set<string>; cols: number[] }>();
    for (const j of js) {
      const c = columns[j];
      if (!c) continue;
      const rooms = freeRooms(c.eventId, c.slotId);
      const key = rooms.join(",");
      const entry = sets.get(key);
      if (entry) entry.cols.push(j);
      else sets.set(key, { rooms: new Set(rooms), cols: [j] });
    }
    // connected unions: grow by adding a set that meets the union (capped; then the whole set)
    const families = [...sets.values()];
    const unions = new Map<string, Set<string>>();
    for (const f of families) unions.set([...f.rooms].sort().join(","), f.rooms);
    let frontier = [...unions.values()];
    while (frontier.length) {
      if (unions.size > 4000) return false;
      const next: Array<Set<string>> = [];
      for (const u of frontier)
        for (const f of families) {
          if ([...f.rooms].every((r) => u.has(r)) || ![...f.rooms].some((r) => u.has(r))) continue;
          const merged = new Set([...u, ...f.rooms]);
          const key = [...merged].sort().join(",");
          if (unions.has(key)) continue;
          unions.set(key, merged);
          next.push(merged);
        }
      frontier = next;
    }
    for (const u of unions.values()) {
      const cols = families.filter((f) => [...f.rooms].every((r) => u.has(r))).flatMap((f) => f.cols);
      const events = new Set(cols.map((j) => columns[j]?.eventId));
      if (events.size > u.size) addRow(cols, u.size);
    }
  }
  return true;
}

/** The start vector of placements (greedy's): binaries, then penalties from their rows. */
export function startVector(mip: Mip, placements: Placement[]): Float64Array {
  const x = new Float64Array(mip.numCols);
  const index = new Map(mip.columns.map((c, j) => [`${c.eventId}|${c.slotId}|${c.roomId ?? ""}`, j]));
  for (const pl of placements) {
    const j = index.get(`${pl.eventId}|${pl.slotId}|${mip.kind === "cells" ? pl.roomId : ""}`);
    if (j !== undefined) x[j] = 1;
  }
  const nx = mip.columns.length;
  mip.penaltyRows.forEach((row, i) => {
    let sum = 0;
    for (let k = mip.starts[row] ?? 0; k < (mip.starts[row + 1] ?? 0); k++) {
      const c = mip.indices[k] ?? 0;
      if (c < nx) sum += x[c] ?? 0;
    }
    x[nx + i] = Math.max(0, sum - (mip.rowUpper[row] ?? 0));
  });
  return x;
}
