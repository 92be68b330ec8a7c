import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { optimise } from "../scheduling.solver.js";
import { generate, random } from "./generate.js";
import { greedyPlacements } from "./greedy.js";
import { prepare } from "./instance.js";
import { feasible, lagrangian, mergeSub, Neighbourhoods, subModel } from "./lns.js";
import { buildModel, startVector } from "./model.js";
import { objectiveOf } from "./rounding.js";
import { startHelper } from "./worker.js";

const small = () => generate({ seed: 21, events: 40, rooms: 4, slots: 10 });

describe("optimiser: proven bound and neighbourhood search", () => {
  test("the bound from any row duals ≥ 0 is never below the optimum", async () => {
    const instance = small();
    const exact = await optimise(instance, { gap: 0, timeLimitMs: 30_000 });
    assert.equal(exact.status, "Optimal");
    const p = prepare(instance);
    const mip = buildModel(p);
    const rnd = random(5);
    for (let k = 0; k < 20; k++) {
      const y = Array.from(mip.rowUpper, () => (rnd.next() < 0.5 ? 0 : 50 * rnd.next()));
      assert.ok(lagrangian(mip, y).bound >= exact.objective - 1e-6);
    }
    // no duals at all: every column at its best
    const none = lagrangian(mip, new Float64Array(mip.rowUpper.length));
    const positive = Array.from(mip.colCost).reduce((a, c) => a + Math.max(0, c), mip.offset);
    assert.ok(Math.abs(none.bound - positive) < 1e-6);
  });

  test("optimal is claimed only when objective and bound are within the gap asked, and the bound holds", async () => {
    const instance = small();
    const exact = await optimise(instance, { gap: 0, timeLimitMs: 30_000 });
    const runs = [
      { instance, gap: 1e-4, timeLimitMs: 20_000 },
      { instance, gap: 0.02, timeLimitMs: 20_000 },
      // too little time for the LP: a bound without it, and no claim
      { instance: generate({ seed: 4, events: 300, rooms: 10, slots: 30 }), gap: 1e-4, timeLimitMs: 300 },
    ];
    for (const run of runs) {
      const o = await optimise(run.instance, { gap: run.gap, timeLimitMs: run.timeLimitMs });
      assert.ok(o.bound >= o.objective - 1e-9);
      assert.ok(o.objective >= o.greedyObjective - 1e-9);
      if (o.status === "Optimal") assert.ok(o.bound - o.objective <= run.gap * Math.abs(o.bound) + 1e-6);
      if (run.instance === instance)
        assert.ok(o.bound >= exact.objective - 1e-6, `${o.bound} < ${exact.objective}`);
    }
    const hurried = await optimise(runs[2]?.instance ?? instance, { gap: 1e-4, timeLimitMs: 300 });
    assert.notEqual(hurried.status, "Optimal");
    assert.ok(hurried.gap > 1e-4);
  });

  test("a sub-MIP is the MIP around the schedule: its gain is the schedule's, and the result is valid", async () => {
    const instance = generate({ seed: 9, events: 60, rooms: 4, slots: 12 });
    const p = prepare(instance);
    const mip = buildModel(p);
    const x = startVector(mip, greedyPlacements(p));
    const before = objectiveOf(mip, x);
    const hoods = new Neighbourhoods(
      mip,
      new Float64Array(mip.numCols),
      new Uint8Array(mip.columns.length).fill(1),
      80,
    );
    const helper = startHelper();
    try {
      let gained = 0;
      let current = x;
      for (let k = 0; k < 6; k++) {
        const n = hoods.next(current);
        assert.ok(n);
        const sub = subModel(mip, current, n, hoods.eventOf);
        const answer = await helper.sub(sub, 5000);
        assert.equal(answer.status, "Optimal");
        const v = answer.colValue ?? new Float64Array();
        const subValue = (z: ArrayLike<number>) => sub.colCost.reduce((a, c, i) => a + c * (z[i] ?? 0), 0);
        const merged = mergeSub(mip, current, n, hoods.eventOf, v);
        assert.ok(merged && feasible(mip, merged));
        // the sub-MIP's objective moves exactly as the whole schedule's does
        const delta = objectiveOf(mip, merged) - objectiveOf(mip, current);
        assert.ok(Math.abs(delta - (subValue(v) - subValue(sub.start))) < 1e-6);
        assert.ok(delta >= -1e-9);
        gained += delta;
        current = merged;
      }
      assert.ok(gained > 0, "greedy's schedule improved by some neighbourhood");
      assert.ok(objectiveOf(mip, current) > before);
    } finally {
      await helper.stop();
    }
  });
});
