/**
 * The optimiser's preferences, each on a small case whose optimum respects it; the wait-list; the
 * rooms assigned after the slots; progress, shares of the score, and never worse than greedy.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  greedy,
  hardViolations,
  type Instance,
  type OptEvent,
  type Progress,
  upperBound,
} from "../scheduling.optimiser.js";
import { optimise } from "../scheduling.solver.js";
import { generate } from "./generate.js";

const H = 3_600_000;
const slot = (id: string, day: number, hour: number, extra: object = {}) => ({
  id,
  startsAt: (24 * day + hour) * H,
  endsAt: (24 * day + hour + 1.5) * H,
  day: `2027-05-${10 + day}`,
  ...extra,
});
const event = (id: string, over: Partial<OptEvent> = {}): OptEvent => ({
  id,
  audience: 10,
  equipment: [],
  interpretation: false,
  people: [`org:${id}`],
  organisations: [`org:${id}`],
  impossibleSlots: [],
  preferredSlots: [],
  score: 0.5,
  themes: [],
  ...over,
});
const room = (id: string, capacity = 100) => ({ id, capacity, equipment: [] });
const slotOf = (r: { placements: Array<{ eventId: string; slotId: string }> }, id: string) =>
  r.placements.find((p) => p.eventId === id)?.slotId ?? null;

async function solve(instance: Instance) {
  const result = await optimise(instance, { timeLimitMs: 20_000 });
  assert.deepEqual(hardViolations(instance, result.placements), []);
  assert.ok(
    result.acceptedObjective >= greedy(instance).objective - 1e-9 || instance.events.some((e) => e.optional),
  );
  assert.ok(result.bound >= result.objective - 1e-9);
  return result;
}

describe("preferences: the optimum respects each", () => {
  test("review ranking: the better event takes the better slot (lunchtime over the early morning)", async () => {
    const instance: Instance = {
      rooms: [room("r")],
      slots: [slot("early", 0, 8, { quality: 0.5 }), slot("lunch", 0, 13, { quality: 1 })],
      events: [event("weak", { score: 0.2 }), event("strong", { score: 0.9 })],
    };
    const r = await solve(instance);
    assert.equal(slotOf(r, "strong"), "lunch");
    assert.equal(slotOf(r, "weak"), "early");
    assert.equal(r.status, "Optimal");
  });

  test("no clash with the plenary: an event avoids the slot its agenda item is discussed in", async () => {
    const instance: Instance = {
      rooms: [room("r1"), room("r2")],
      slots: [slot("mon", 0, 13, { plenaryItems: ["item-3"] }), slot("tue", 1, 13)],
      events: [event("served", { agendaItems: ["item-3"] }), event("other", { agendaItems: ["item-5"] })],
    };
    const r = await solve(instance);
    assert.equal(slotOf(r, "served"), "tue");
    const share = r.contributions.find((c) => c.eventId === "served");
    assert.equal(share?.terms.plenaryClash, 0);
  });

  test("an organisation's events spread across days, though one day has room for both", async () => {
    const instance: Instance = {
      rooms: [room("r1"), room("r2")],
      slots: [slot("mon-am", 0, 9), slot("mon-pm", 0, 13), slot("tue-pm", 1, 13)],
      events: [
        event("first", { people: ["org:x"], organisations: ["org:x"], preferredSlots: ["mon-am"] }),
        event("second", { people: ["org:x"], organisations: ["org:x"] }),
      ],
    };
    const r = await solve(instance);
    assert.equal(slotOf(r, "first"), "mon-am");
    assert.equal(slotOf(r, "second"), "tue-pm");
  });

  test("weights are kept in the result and each event's share adds up to the score", async () => {
    const instance: Instance = {
      rooms: [room("r1"), room("r2")],
      slots: [slot("mon", 0, 13)],
      events: [event("a", { themes: ["water"] }), event("b", { themes: ["water"], preferredSlots: ["mon"] })],
      weights: { themeClash: 7 },
    };
    const r = await solve(instance);
    assert.equal(r.weights.themeClash, 7);
    assert.equal(r.weights.placed, 100);
    const total = r.contributions.reduce((sum, c) => sum + c.total, 0);
    assert.ok(Math.abs(total - r.objective) < 1e-6);
    assert.deepEqual(
      r.contributions.map((c) => c.terms.themeClash),
      [-3.5, -3.5],
    );
    assert.equal(r.contributions.find((c) => c.eventId === "b")?.terms.preferred, 10);
  });
});

describe("the wait-list fills free rooms, never displacing an accepted event", () => {
  const base: Instance = {
    rooms: [room("r")],
    slots: [slot("mon", 0, 13), slot("tue", 1, 13)],
    events: [
      event("accepted-1", { score: 0.1 }),
      event("accepted-2", { score: 0.1 }),
      event("waiting", { score: 1, optional: true }),
    ],
  };

  test("with no room left, the better-ranked wait-listed event stays out and says why", async () => {
    const r = await solve(base);
    assert.deepEqual(r.placements.map((p) => p.eventId).sort(), ["accepted-1", "accepted-2"]);
    assert.deepEqual(r.unplaced, [{ eventId: "waiting", reason: "roomsFull", optional: true }]);
  });

  test("a free slot is filled by the best wait-listed event", async () => {
    const r = await solve({
      ...base,
      slots: [...base.slots, slot("wed", 2, 13)],
      events: [...base.events, event("waiting-less", { score: 0.3, optional: true })],
    });
    assert.equal(slotOf(r, "waiting") !== null, true);
    assert.equal(slotOf(r, "waiting-less"), null);
    assert.equal(r.placements.length, 3);
  });
});

describe("rooms second, progress, and never worse than greedy", () => {
  test("slots first: two events needing the only big room are never at the same time", async () => {
    const instance: Instance = {
      rooms: [room("small", 20), room("big", 200)],
      slots: [slot("mon", 0, 13), slot("tue", 1, 13)],
      events: [
        event("crowd-1", { audience: 150 }),
        event("crowd-2", { audience: 150 }),
        event("small-1"),
        event("small-2"),
      ],
    };
    const r = await solve(instance);
    assert.equal(r.model, "slots");
    assert.equal(r.placements.length, 4);
    for (const p of r.placements) assert.equal(p.roomId, p.eventId.startsWith("crowd") ? "big" : "small");
  });

  test("overlapping slots of different lengths: the exact per-room model is used", async () => {
    const r = await solve({
      rooms: [room("r")],
      slots: [slot("short", 0, 9), { id: "long", startsAt: 9.5 * H, endsAt: 12 * H }],
      events: [event("a", { score: 0.9 }), event("b")],
    });
    assert.equal(r.model, "cells");
    assert.equal(r.placements.length, 1);
  });

  test("progress: phases in order, the last one done with the result's score and bound", async () => {
    const seen: Progress[] = [];
    const instance = generate({ seed: 11, events: 30, rooms: 4, slots: 10 });
    const r = await optimise(instance, { timeLimitMs: 20_000, onProgress: (p) => seen.push(p) });
    assert.deepEqual([...new Set(seen.map((p) => p.phase))].slice(0, 3), ["greedy", "model", "solve"]);
    const last = seen.at(-1);
    assert.equal(last?.phase, "done");
    assert.equal(last?.objective, r.objective);
    assert.equal(last?.bound, r.bound);
    assert.ok(seen.every((p, i) => i === 0 || p.elapsedMs >= (seen[i - 1]?.elapsedMs ?? 0)));
  });

  test("random conference-shaped instances: valid, pins kept, at least greedy, within the bounds", async () => {
    for (const seed of [21, 22]) {
      const instance = generate({ seed, events: 40, rooms: 4, slots: 10, pinned: 0.05 });
      const g = greedy(instance);
      const r = await solve(instance);
      assert.ok(r.objective >= g.objective - 1e-9, `seed ${seed}`);
      assert.ok(r.bound <= upperBound(instance) + 1e-6);
      for (const e of instance.events.filter((x) => x.pin)) {
        const at = r.placements.find((p) => p.eventId === e.id);
        const lost = r.unplaced.find((u) => u.eventId === e.id);
        assert.ok(
          (at?.roomId === e.pin?.roomId && at?.slotId === e.pin?.slotId) || lost?.reason === "pinConflict",
        );
      }
      for (const u of r.unplaced) assert.ok(u.reason);
    }
  });
});
