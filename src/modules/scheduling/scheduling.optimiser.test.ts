import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildModel } from "./optimiser/model.js";
import {
  evaluate,
  greedy,
  hardViolations,
  INTERPRETATION,
  type Instance,
  type OptEvent,
  prepare,
} from "./scheduling.optimiser.js";
import { optimise } from "./scheduling.solver.js";

const H = 3_600_000;
const slot = (id: string, hour: number) => ({ id, startsAt: hour * H, endsAt: (hour + 1.5) * H });
const event = (id: string, over: Partial<OptEvent> = {}): OptEvent => ({
  id,
  audience: 10,
  equipment: [],
  interpretation: false,
  people: [`org-${id}`],
  impossibleSlots: [],
  preferredSlots: [],
  score: 0.5,
  themes: [],
  ...over,
});
const cellOf = (
  s: { placements: Array<{ eventId: string; roomId: string; slotId: string }> },
  id: string,
) => {
  const p = s.placements.find((x) => x.eventId === id);
  return p ? `${p.roomId}@${p.slotId}` : null;
};
const reasonOf = (s: { unplaced: Array<{ eventId: string; reason: string }> }, id: string) =>
  s.unplaced.find((u) => u.eventId === id)?.reason ?? null;

/** Both the greedy and the optimiser, checked valid, for each case. */
async function both(instance: Instance) {
  const g = greedy(instance);
  const o = await optimise(instance, { timeLimitMs: 10_000 });
  assert.deepEqual(hardViolations(instance, g.placements), []);
  assert.deepEqual(hardViolations(instance, o.placements), []);
  assert.ok(o.objective >= g.objective, "never worse than greedy");
  assert.ok(o.bound >= o.objective);
  return { g, o };
}

describe("scheduling optimiser: hard rules on hand-made instances", () => {
  test("capacity: the big event in the big room; one too big for any room is unplaced, with the reason", async () => {
    const instance: Instance = {
      rooms: [
        { id: "small", capacity: 50, equipment: [] },
        { id: "big", capacity: 150, equipment: [] },
      ],
      slots: [slot("s1", 13)],
      events: [event("a", { audience: 100 }), event("huge", { audience: 500 })],
    };
    const { g, o } = await both(instance);
    for (const s of [g, o]) {
      assert.equal(cellOf(s, "a"), "big@s1");
      assert.equal(reasonOf(s, "huge"), "capacity");
    }
    assert.equal(o.gap, 0);
  });

  test("equipment and interpretation: only rooms that have them", async () => {
    const instance: Instance = {
      rooms: [
        { id: "plain", capacity: 100, equipment: [] },
        { id: "av", capacity: 100, equipment: ["projector"] },
        { id: "booths", capacity: 100, equipment: [INTERPRETATION] },
      ],
      slots: [slot("s1", 9)],
      events: [
        event("film", { equipment: ["projector"] }),
        event("multi", { interpretation: true }),
        event("vc", { equipment: ["video_conferencing"] }),
        event("both", { equipment: ["projector"], interpretation: true }),
      ],
    };
    const { g, o } = await both(instance);
    for (const s of [g, o]) {
      assert.equal(cellOf(s, "film"), "av@s1");
      assert.equal(cellOf(s, "multi"), "booths@s1");
      assert.equal(reasonOf(s, "vc"), "equipment");
      assert.equal(reasonOf(s, "both"), "interpretation");
    }
  });

  test("one event per room and slot: the better-ranked ones are placed, the others told the rooms are full", async () => {
    const instance: Instance = {
      rooms: [{ id: "r", capacity: 100, equipment: [] }],
      slots: [slot("s1", 9), slot("s2", 13)],
      events: [event("good", { score: 0.9 }), event("poor", { score: 0.1 }), event("mid", { score: 0.5 })],
    };
    const { g, o } = await both(instance);
    for (const s of [g, o]) {
      assert.equal(s.placements.length, 2);
      assert.equal(reasonOf(s, "poor"), "roomsFull");
    }
    assert.equal(o.gap, 0);
  });

  test("no person in two places at once: a shared organiser or panellist keeps events apart", async () => {
    const instance: Instance = {
      rooms: [
        { id: "r1", capacity: 100, equipment: [] },
        { id: "r2", capacity: 100, equipment: [] },
        { id: "r3", capacity: 100, equipment: [] },
      ],
      slots: [slot("s1", 9)],
      events: [
        event("a", { people: ["org-x", "panellist-1"], score: 0.9 }),
        event("b", { people: ["org-y", "panellist-1"] }),
        event("c", { people: ["org-z"] }),
      ],
    };
    const { g, o } = await both(instance);
    for (const s of [g, o]) {
      assert.ok(cellOf(s, "a"));
      assert.ok(cellOf(s, "c"));
      assert.equal(reasonOf(s, "b"), "peopleClash");
    }
    // overlapping slots of different lengths count as the same moment
    const overlap: Instance = {
      ...instance,
      slots: [slot("s1", 9), { id: "long", startsAt: 10 * H, endsAt: 12 * H }],
      events: [
        event("a", { people: ["p"], impossibleSlots: ["long"] }),
        event("b", { people: ["p"], impossibleSlots: ["s1"] }),
      ],
    };
    const r = await both(overlap);
    assert.equal(r.o.placements.length, 1);
  });

  test("impossible slots are avoided; an event impossible everywhere is unplaced with that reason", async () => {
    const instance: Instance = {
      rooms: [{ id: "r", capacity: 100, equipment: [] }],
      slots: [slot("s1", 9), slot("s2", 13)],
      events: [event("a", { impossibleSlots: ["s1"] }), event("never", { impossibleSlots: ["s1", "s2"] })],
    };
    const { g, o } = await both(instance);
    for (const s of [g, o]) {
      assert.equal(cellOf(s, "a"), "r@s2");
      assert.equal(reasonOf(s, "never"), "impossibleSlots");
    }
  });

  test("pins stay, even where greedy alone would have put a better event", async () => {
    const instance: Instance = {
      rooms: [{ id: "r", capacity: 100, equipment: [] }],
      slots: [slot("s1", 9), slot("s2", 13)],
      events: [
        event("star", { score: 1, preferredSlots: ["s1"] }),
        event("pinned", { score: 0, pin: { roomId: "r", slotId: "s1" } }),
        event("pinned-too", { score: 0, pin: { roomId: "r", slotId: "s1" } }),
      ],
    };
    const { g, o } = await both(instance);
    for (const s of [g, o]) {
      assert.equal(cellOf(s, "pinned"), "r@s1");
      assert.equal(cellOf(s, "star"), "r@s2");
      assert.equal(reasonOf(s, "pinned-too"), "pinConflict");
    }
  });
});

describe("scheduling optimiser: preferences and the solver", () => {
  test("preferred slots and no two events on one theme at the same time", async () => {
    const instance: Instance = {
      rooms: [
        { id: "r1", capacity: 100, equipment: [] },
        { id: "r2", capacity: 100, equipment: [] },
      ],
      slots: [slot("s1", 9), slot("s2", 13)],
      events: [
        event("a", { themes: ["trafficking"], preferredSlots: ["s2"] }),
        event("b", { themes: ["trafficking"] }),
      ],
    };
    const { o } = await both(instance);
    assert.match(cellOf(o, "a") ?? "", /@s2$/);
    assert.match(cellOf(o, "b") ?? "", /@s1$/);
    assert.equal(o.objective, evaluate(instance, o.placements));
    assert.equal(o.gap, 0);
  });

  test("HiGHS beats greedy where greedy's first choice blocks a slot (and proves it optimal)", async () => {
    const instance: Instance = {
      rooms: [{ id: "r", capacity: 100, equipment: [] }],
      slots: [slot("s1", 9), slot("s2", 13)],
      events: [event("first", { score: 1 }), event("late", { score: 0, impossibleSlots: ["s2"] })],
    };
    const { g, o } = await both(instance);
    assert.equal(g.placements.length, 1);
    assert.equal(reasonOf(g, "late"), "roomsFull");
    assert.equal(o.source, "highs");
    assert.equal(o.status, "Optimal");
    assert.equal(o.placements.length, 2);
    assert.equal(cellOf(o, "late"), "r@s1");
    assert.ok(o.objective > g.objective);
    assert.equal(o.gap, 0);
    assert.equal(o.bound, o.objective);
  });

  test("the slots model has one binary per event × allowed slot, no room in it", () => {
    const instance: Instance = {
      rooms: [
        { id: "big", capacity: 100, equipment: [] },
        { id: "small", capacity: 10, equipment: [] },
      ],
      slots: [slot("s1", 9), slot("s2", 13)],
      events: [event("crowd", { audience: 80, impossibleSlots: ["s2"] })],
    };
    const model = buildModel(prepare(instance));
    assert.equal(model.kind, "slots");
    assert.deepEqual(model.columns, [{ eventId: "crowd", slotId: "s1" }]);
  });

  test("a larger random instance: valid, never worse than greedy, the server's thread stays free", async () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const rooms = Array.from({ length: 4 }, (_, i) => ({
      id: `r${i}`,
      capacity: [30, 60, 100, 200][i] ?? 50,
      equipment: i % 2 ? ["projector", INTERPRETATION] : ["projector"],
    }));
    const slots = Array.from({ length: 6 }, (_, i) =>
      slot(`s${i}`, 24 * Math.floor(i / 2) + (i % 2 ? 13 : 9)),
    );
    const events = Array.from({ length: 26 }, (_, i) =>
      event(`e${i}`, {
        audience: Math.ceil(rnd() * 150),
        interpretation: rnd() < 0.3,
        people: [`org${Math.floor(rnd() * 8)}`],
        themes: [`t${Math.floor(rnd() * 4)}`],
        preferredSlots: [`s${Math.floor(rnd() * 6)}`],
        impossibleSlots: rnd() < 0.3 ? [`s${Math.floor(rnd() * 6)}`] : [],
        score: rnd(),
      }),
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const { g, o } = await both({ rooms, slots, events });
    clearInterval(timer);
    assert.ok(ticks > 0 || o.status === "Optimal");
    assert.ok(o.objective >= g.objective);
    for (const u of o.unplaced) assert.ok(u.reason);
  });
});

describe("reasons in words", () => {
  test("every reason an event can be left out for has a message in the six languages", async () => {
    const { schedulingMessages } = await import("./scheduling.messages.js");
    const { unplacedReasons } = await import("./scheduling.optimiser.js");
    for (const [lang, catalogue] of Object.entries(schedulingMessages))
      for (const reason of unplacedReasons)
        assert.ok((catalogue as Record<string, string>)[`scheduling.reason.${reason}`], `${lang} ${reason}`);
  });
});
