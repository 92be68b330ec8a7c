/**
 * The reviewer assignment Convene proposes: every proposal gets the number of reviewers the
 * secretariat asked for, never a reviewer who is a member of one of its organising organisations,
 * and the reviewers' loads (counting the assignments already made) as even as possible; declared
 * expertise in the proposal's themes is either preferred (a tie-breaker after evenness) or required.
 *
 * Evenness is the sum over reviewers of 1 + 2 + … + load (= load·(load+1)/2), a convex cost whose
 * minimum for a fixed total is the most even spread; it is linearised with one continuous variable
 * per reviewer and load step, so HiGHS solves a small MIP. The model is small (proposals ×
 * reviewers binaries), so it runs in-process; when it cannot be feasible the reasons are found
 * before solving, in words.
 */
import { createRequire } from "node:module";

export type ExpertiseMode = "ignore" | "prefer" | "require";

export interface AssignmentInstance {
  proposals: Array<{ id: string; title: string; themes: string[]; organisers: string[] }>;
  /** organisations: the ids of which the reviewer is a member */
  reviewers: Array<{ id: string; name: string; themes: string[]; organisations: string[] }>;
  /** assignments already made (kept; they count in the load and towards the number) */
  existing: Array<{ proposalId: string; reviewerId: string }>;
  perProposal: number;
  expertise: ExpertiseMode;
}

export type Infeasibility = {
  proposalId: string;
  title: string;
  needed: number;
  eligible: number;
  conflicted: string[];
  withoutExpertise: string[];
};

export interface AssignmentResult {
  feasible: boolean;
  /** new pairs proposed (the existing ones are not repeated) */
  assignments: Array<{ proposalId: string; reviewerId: string }>;
  /** load of every reviewer after the assignment, existing included */
  loads: Record<string, number>;
  /** the proven optimum of the model (evenness cost × weight − expertise matches) */
  objective: number | null;
  expertiseMatches: number;
  status: string;
  reasons: Infeasibility[];
}

export const conflictOf = (
  p: AssignmentInstance["proposals"][number],
  r: AssignmentInstance["reviewers"][number],
) => r.organisations.some((o) => p.organisers.includes(o));
const expert = (p: AssignmentInstance["proposals"][number], r: AssignmentInstance["reviewers"][number]) =>
  p.themes.some((t) => r.themes.includes(t));

/** Proposals that cannot get their reviewers, with who is excluded and why. */
export function infeasibilities(instance: AssignmentInstance): Infeasibility[] {
  const out: Infeasibility[] = [];
  for (const p of instance.proposals) {
    const conflicted = instance.reviewers.filter((r) => conflictOf(p, r));
    const withoutExpertise =
      instance.expertise === "require"
        ? instance.reviewers.filter((r) => !conflictOf(p, r) && !expert(p, r))
        : [];
    const ids = new Set(
      instance.reviewers
        .filter((r) => !conflictOf(p, r) && (instance.expertise !== "require" || expert(p, r)))
        .map((r) => r.id),
    );
    // assignments already made count (the secretariat made them; a conflict was refused then)
    for (const e of instance.existing) if (e.proposalId === p.id) ids.add(e.reviewerId);
    if (ids.size < instance.perProposal)
      out.push({
        proposalId: p.id,
        title: p.title,
        needed: instance.perProposal,
        eligible: ids.size,
        conflicted: conflicted.map((r) => r.name),
        withoutExpertise: withoutExpertise.map((r) => r.name),
      });
  }
  return out;
}

/** The model in CPLEX LP format, with the meaning of each binary. */
export function buildAssignmentLp(instance: AssignmentInstance) {
  const existing = new Set(instance.existing.map((e) => `${e.proposalId}|${e.reviewerId}`));
  const columns = new Map<string, { proposalId: string; reviewerId: string; match: boolean }>();
  const byProposal = new Map<number, string[]>();
  const byReviewer = new Map<number, string[]>();
  const existingLoad = instance.reviewers.map(
    (r) => instance.existing.filter((e) => e.reviewerId === r.id).length,
  );
  let needed = 0;
  instance.proposals.forEach((p, i) => {
    const have = instance.existing.filter((e) => e.proposalId === p.id).length;
    needed += Math.max(0, instance.perProposal - have);
    instance.reviewers.forEach((r, j) => {
      if (existing.has(`${p.id}|${r.id}`) || conflictOf(p, r)) return;
      const match = expert(p, r);
      if (instance.expertise === "require" && !match) return;
      const name = `x${i}_${j}`;
      columns.set(name, { proposalId: p.id, reviewerId: r.id, match });
      byProposal.set(i, [...(byProposal.get(i) ?? []), name]);
      byReviewer.set(j, [...(byReviewer.get(j) ?? []), name]);
    });
  });
  // load steps: enough above the even share that the convex cost is exact where the optimum lies
  const even = Math.ceil(
    (needed + existingLoad.reduce((a, b) => a + b, 0)) / Math.max(1, instance.reviewers.length),
  );
  const weight = instance.expertise === "prefer" ? columns.size + 1 : 1;
  const objective: string[] = [];
  const rows: string[] = [];
  instance.proposals.forEach((p, i) => {
    const have = instance.existing.filter((e) => e.proposalId === p.id).length;
    const cols = byProposal.get(i) ?? [];
    const want = Math.max(0, instance.perProposal - have);
    if (want === 0) return;
    // infeasibilities() runs first: a proposal that needs reviewers has candidates
    if (cols.length < want) throw new Error(`assignment model: proposal ${p.id} lacks candidates`);
    rows.push(` cover${i}: ${cols.join(" + ")} = ${want}`);
  });
  instance.reviewers.forEach((_, j) => {
    const cols = byReviewer.get(j) ?? [];
    const base = existingLoad[j] ?? 0;
    const steps = Math.min(base + cols.length, even + 3);
    rows.push(` load${j}: L${j}${cols.map((c) => ` - ${c}`).join("")} = ${base}`);
    for (let k = 0; k < steps; k++) {
      rows.push(` step${j}_${k}: L${j} - y${j}_${k} <= ${k}`);
      objective.push(`${weight} y${j}_${k}`);
    }
    // above the last step the cost grows by the last slope, still convex
    if (steps > 0 && base + cols.length > steps) {
      rows.push(` tail${j}: L${j} - t${j} <= ${steps}`);
      objective.push(`${weight * (steps + 1)} t${j}`);
    }
  });
  if (instance.expertise === "prefer")
    for (const [name, c] of columns) if (c.match) objective.push(`- 1 ${name}`);
  const lp = [
    "Minimize",
    ` obj: ${objective.join(" + ").replaceAll("+ -", "-")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...instance.reviewers.map((_, j) => ` L${j} >= 0`),
    "Binary",
    ...(columns.size ? [` ${[...columns.keys()].join(" ")}`] : []),
    "End",
    "",
  ].join("\n");
  return { lp, columns };
}

type Solution = {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal?: number }>;
};
type Solver = { solve: (lp: string, options?: Record<string, unknown>) => Solution };
let solver: Promise<Solver> | null = null;
// highs is WebAssembly with a file of its own: loaded on first use, from its installed path
const loadSolver = () => {
  solver ??= (createRequire(import.meta.url)("highs") as () => Promise<Solver>)();
  return solver;
};

export async function solveAssignment(instance: AssignmentInstance): Promise<AssignmentResult> {
  const loads = Object.fromEntries(
    instance.reviewers.map((r) => [r.id, instance.existing.filter((e) => e.reviewerId === r.id).length]),
  );
  const empty = { assignments: [], loads, objective: null, expertiseMatches: 0 };
  const reasons = infeasibilities(instance);
  if (reasons.length > 0) return { ...empty, feasible: false, status: "Infeasible", reasons };
  const { lp, columns } = buildAssignmentLp(instance);
  if (columns.size === 0) return { ...empty, feasible: true, objective: 0, status: "Optimal", reasons };
  const highs = await loadSolver();
  const answer = highs.solve(lp, { output_flag: false, time_limit: 20, mip_rel_gap: 0 });
  if (answer.Status !== "Optimal") return { ...empty, feasible: false, status: answer.Status, reasons: [] };
  const assignments: AssignmentResult["assignments"] = [];
  let expertiseMatches = 0;
  for (const [name, c] of columns) {
    if ((answer.Columns[name]?.Primal ?? 0) < 0.5) continue;
    assignments.push({ proposalId: c.proposalId, reviewerId: c.reviewerId });
    loads[c.reviewerId] = (loads[c.reviewerId] ?? 0) + 1;
    if (c.match) expertiseMatches++;
  }
  return {
    feasible: true,
    assignments,
    loads,
    objective: answer.ObjectiveValue,
    expertiseMatches,
    status: answer.Status,
    reasons,
  };
}
