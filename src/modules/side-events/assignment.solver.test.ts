import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AssignmentInstance, buildAssignmentLp, solveAssignment } from "./assignment.solver.js";

// Three proposals, three reviewers, two reviewers each: six assignments, so the even optimum is a
// load of 2 for everyone (cost 3 × (1 + 2) = 9). Reviewer A is a member of p1's co-organiser, so
// A must take p2 and p3, and B and C both take p1 and one of p2, p3 each.
const instance = (expertise: AssignmentInstance["expertise"]): AssignmentInstance => ({
  proposals: [
    { id: "p1", title: "Victims' voices", themes: ["victims"], organisers: ["gaatw", "exit"] },
    { id: "p2", title: "Cybercrime", themes: ["cyber"], organisers: ["acuns"] },
    { id: "p3", title: "Firearms", themes: ["firearms"], organisers: ["other"] },
  ],
  reviewers: [
    { id: "A", name: "Ana", themes: [], organisations: ["exit"] },
    { id: "B", name: "Ben", themes: ["cyber"], organisations: [] },
    { id: "C", name: "Chen", themes: ["firearms"], organisations: [] },
  ],
  existing: [],
  perProposal: 2,
  expertise,
});

const pairs = (r: { assignments: Array<{ proposalId: string; reviewerId: string }> }) =>
  r.assignments.map((a) => `${a.proposalId}:${a.reviewerId}`).sort();

describe("reviewer assignment (HiGHS, no I/O)", () => {
  test("even loads, the conflict respected, the known optimum", async () => {
    const r = await solveAssignment(instance("ignore"));
    assert.equal(r.feasible, true);
    assert.equal(r.status, "Optimal");
    assert.equal(r.objective, 9);
    assert.deepEqual(r.loads, { A: 2, B: 2, C: 2 });
    assert.ok(!pairs(r).includes("p1:A"), "a reviewer from an organising organisation");
    assert.deepEqual(
      pairs(r).filter((p) => p.startsWith("p1")),
      ["p1:B", "p1:C"],
    );
  });

  test("preferred expertise breaks the tie: Ben reviews cybercrime, Chen firearms", async () => {
    const r = await solveAssignment(instance("prefer"));
    assert.deepEqual(pairs(r), ["p1:B", "p1:C", "p2:A", "p2:B", "p3:A", "p3:C"]);
    assert.equal(r.expertiseMatches, 2);
    // weight = columns + 1 = 9; evenness 9 × 9 = 81, minus two matches
    assert.equal(r.objective, 79);
  });

  test("assignments already made count in the load and towards the number", async () => {
    const r = await solveAssignment({
      ...instance("ignore"),
      existing: [
        { proposalId: "p2", reviewerId: "B" },
        { proposalId: "p3", reviewerId: "B" },
      ],
    });
    // only B and C may review p1, so B carries 3; A and C share the rest (1 + 3 + 6 = 10)
    assert.equal(r.objective, 10);
    assert.equal(r.loads.B, 3);
    assert.deepEqual([r.loads.A, r.loads.C].sort(), [1, 2]);
    assert.ok(pairs(r).includes("p1:B") && pairs(r).includes("p1:C"));
    assert.equal(r.assignments.length, 4);
  });

  test("no feasible assignment: the reasons in words", async () => {
    const r = await solveAssignment({ ...instance("require"), perProposal: 1 });
    assert.equal(r.feasible, false);
    assert.deepEqual(
      r.reasons.map((x) => [x.proposalId, x.eligible, x.conflicted, x.withoutExpertise]),
      [["p1", 0, ["Ana"], ["Ben", "Chen"]]],
    );
    const three = await solveAssignment({ ...instance("ignore"), perProposal: 3 });
    assert.deepEqual(
      three.reasons.map((x) => x.proposalId),
      ["p1"],
    );
  });

  test("the LP has one binary per allowed pair", () => {
    const { columns, lp } = buildAssignmentLp(instance("ignore"));
    assert.equal(columns.size, 8);
    assert.match(lp, /^Minimize/);
  });
});
