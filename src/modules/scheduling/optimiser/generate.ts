/**
 * Reproducible scheduling instances (a fixed seed gives the same instance) shaped like a UN
 * conference's side events: a few room types repeated (many small meeting rooms, fewer large ones
 * with interpretation booths), two to four slots a day of unequal quality, organisations with
 * several events and co-organisers, panellists who speak at several events, themes, agenda items
 * served and discussed in plenary, impossible and preferred slots, a few pins. For the benchmark
 * and the tests; no I/O.
 */
import type { Instance, OptEvent, OptRoom, OptSlot } from "./instance.js";
import { INTERPRETATION } from "./instance.js";

/** A small deterministic generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}

export interface GenerateOptions {
  seed: number;
  events: number;
  rooms: number;
  slots: number;
  /** wait-listed events added on top of `events` (default 0) */
  waitlisted?: number;
  /** share of events pinned by hand (default 0.01) */
  pinned?: number;
}

const H = 3_600_000;
const DAY = 24 * H;
/** slot starts in hours and their quality: lunchtime is best, the early morning and evening less good */
const dayPlans: Record<number, Array<[number, number, number]>> = {
  2: [
    [8.25, 9.75, 0.7],
    [13.25, 14.75, 1],
  ],
  3: [
    [8.25, 9.75, 0.7],
    [13.25, 14.75, 1],
    [18.25, 19.75, 0.8],
  ],
  4: [
    [8.25, 9.75, 0.7],
    [13.25, 14.75, 1],
    [15, 16.5, 0.6],
    [18.25, 19.75, 0.8],
  ],
};
/** room types: capacity, equipment; the first ones repeat most */
const roomTypes: Array<[number, string[]]> = [
  [40, ["microphones", "projector"]],
  [60, ["microphones", "projector", "wheelchair_access"]],
  [90, ["microphones", "projector", "wheelchair_access", "hearing_loop"]],
  [60, ["microphones", "projector", "video_conferencing"]],
  [120, ["microphones", "projector", INTERPRETATION, "wheelchair_access"]],
  [250, ["microphones", "projector", INTERPRETATION, "video_conferencing", "wheelchair_access"]],
];
const themes = Array.from({ length: 20 }, (_, i) => `theme-${i + 1}`);
const agenda = Array.from({ length: 9 }, (_, i) => `item-${i + 1}`);

export function generate(o: GenerateOptions): Instance {
  const r = random(o.seed);
  const perDay = o.slots <= 20 ? 2 : o.slots <= 30 ? 3 : 4;
  const plan = dayPlans[perDay] ?? [];
  const start = Date.UTC(2027, 4, 10);
  const slots: OptSlot[] = Array.from({ length: o.slots }, (_, i) => {
    const day = Math.floor(i / perDay);
    const [from, to, quality] = plan[i % perDay] ?? [13.25, 14.75, 1];
    const date = new Date(start + day * DAY).toISOString().slice(0, 10);
    // the plenary takes the agenda in order, about two items a day; none in the evening
    const items = from < 18 ? [agenda[(2 * day) % agenda.length], agenda[(2 * day + 1) % agenda.length]] : [];
    return {
      id: `s${i + 1}`,
      startsAt: start + day * DAY + from * H,
      endsAt: start + day * DAY + to * H,
      day: date,
      quality,
      plenaryItems: items.filter((x): x is string => x !== undefined),
    };
  });
  // a third of the rooms are the plain type, then the others in turn
  const rooms: OptRoom[] = Array.from({ length: o.rooms }, (_, i) => {
    const [capacity, equipment] = roomTypes[i < o.rooms / 3 ? 0 : 1 + (i % (roomTypes.length - 1))] ?? [
      40,
      [],
    ];
    return { id: `r${i + 1}`, capacity, equipment: [...equipment] };
  });
  const total = o.events + (o.waitlisted ?? 0);
  // organisations: most lead one event, a few up to five (the call's limit); co-organisers any
  const leads: string[] = [];
  for (let k = 0; leads.length < total; k++) {
    const u = r.next();
    const n = u < 0.5 ? 1 : u < 0.75 ? 2 : u < 0.9 ? 3 : u < 0.96 ? 4 : 5;
    for (let j = 0; j < n; j++) leads.push(`org:${k}`);
  }
  const orgCount = Number(leads[leads.length - 1]?.slice(4) ?? 0) + 1;
  for (let i = leads.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [leads[i], leads[j]] = [leads[j] as string, leads[i] as string];
  }
  // panellists: most speak once; a pool of frequent speakers (a fifth as many as events) are
  // invited again and again, the most sought-after at five or six events
  const frequent = Math.max(3, Math.round(total / 5));
  let oneOff = 0;
  const person = () =>
    r.next() < 0.15 ? `person:f${Math.floor(frequent * r.next() ** 1.5)}` : `person:${oneOff++}`;
  const maxCapacity = Math.max(...rooms.map((x) => x.capacity));
  const events: OptEvent[] = [];
  for (let i = 0; i < total; i++) {
    const organisations = [leads[i] ?? "org:0"];
    const coCount = r.next() < 0.3 ? 1 + r.int(2) : 0;
    for (let k = 0; k < coCount; k++) organisations.push(`org:${r.int(orgCount)}`);
    const panel = Array.from({ length: 2 + r.int(4) }, person);
    const u = r.next();
    const audience =
      u < 0.55 ? 15 + r.int(30) : u < 0.85 ? 40 + r.int(50) : u < 0.97 ? 90 + r.int(100) : 200 + r.int(100);
    const equipment = [
      ...(r.next() < 0.7 ? ["projector"] : []),
      ...(r.next() < 0.12 ? ["video_conferencing"] : []),
      ...(r.next() < 0.04 ? ["hearing_loop"] : []),
    ];
    const impossible = r.next() < 0.25 ? Array.from({ length: 1 + r.int(4) }, () => r.pick(slots).id) : [];
    const preferred = r.next() < 0.5 ? Array.from({ length: 1 + r.int(3) }, () => r.pick(slots).id) : [];
    const eventThemes = r.next() < 0.4 ? [r.pick(themes), r.pick(themes)] : [r.pick(themes)];
    events.push({
      id: `e${i + 1}`,
      audience: Math.min(audience, maxCapacity),
      equipment,
      interpretation: r.next() < 0.15,
      people: [...new Set([...organisations, ...panel])],
      organisations: [...new Set(organisations)],
      impossibleSlots: [...new Set(impossible)],
      preferredSlots: [...new Set(preferred)].filter((s) => !impossible.includes(s)),
      score: Math.round(1000 * (0.5 * r.next() + 0.5 * r.next())) / 1000,
      themes: [...new Set(eventThemes)],
      agendaItems: r.next() < 0.6 ? [r.pick(agenda)] : [],
      ...(i >= o.events ? { optional: true } : {}),
    });
  }
  // a few pins, on distinct cells the event fits
  const pins = Math.round(o.events * (o.pinned ?? 0.01));
  const used = new Set<string>();
  for (let k = 0; k < pins; k++) {
    const e = events[r.int(o.events)];
    if (!e || e.pin) continue;
    const room = rooms.find(
      (x) => x.capacity >= e.audience && e.equipment.every((q) => x.equipment.includes(q)),
    );
    const slot = r.pick(slots);
    if (!room || e.interpretation || used.has(`${room.id}|${slot.id}`)) continue;
    used.add(`${room.id}|${slot.id}`);
    e.pin = { roomId: room.id, slotId: slot.id };
  }
  return { rooms, slots, events };
}
