/**
 * The criteria the data can answer, each a value in 0..1 with its evidence: joint event, a
 * coalition among the organisers, gender balance of the panel, regional spread of organisers and
 * panellists, survivors' voices on the panel. Pure: no I/O. Evidence never names a panellist.
 */
import { countryInfo, type RegionalGroup, regionalGroups } from "../organisations/geography.js";

export interface CriteriaInput {
  organisers: Array<{ name: string; kind: string; regionalGroup: string | null }>;
  panellists: Array<{ gender: string; country: string | null; protection: string | null }>;
}

export interface ComputedCriterion {
  code: "joint_event" | "coalition" | "gender_balance" | "regional_spread" | "survivor_voices";
  value: number;
  evidence: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function computeCriteria(input: CriteriaInput): ComputedCriterion[] {
  const n = input.organisers.length;
  const coalitions = input.organisers.filter((o) => o.kind === "coalition");
  const women = input.panellists.filter((p) => p.gender === "female").length;
  const men = input.panellists.filter((p) => p.gender === "male").length;
  const others = input.panellists.length - women - men;
  const groups = new Set<RegionalGroup>();
  for (const o of input.organisers)
    if (regionalGroups.includes(o.regionalGroup as RegionalGroup))
      groups.add(o.regionalGroup as RegionalGroup);
  for (const p of input.panellists) {
    const g = p.country ? countryInfo(p.country)?.regionalGroup : undefined;
    if (g) groups.add(g);
  }
  const lived = input.panellists.filter(
    (p) => p.protection === "survivor" || p.protection === "asylum_seeker",
  );
  const binary = women + men;
  return [
    {
      code: "joint_event",
      value: round(Math.min(1, Math.max(0, n - 1) / 2)),
      evidence: `${n} organiser(s): ${input.organisers.map((o) => o.name).join(", ")}`,
    },
    {
      code: "coalition",
      value: coalitions.length > 0 ? 1 : 0,
      evidence: coalitions.length
        ? `coalition(s): ${coalitions.map((o) => o.name).join(", ")}`
        : "no coalition",
    },
    {
      code: "gender_balance",
      value: binary === 0 ? 0 : round(1 - Math.abs(women - men) / binary),
      evidence: `${women} women, ${men} men, ${others} other or undisclosed`,
    },
    {
      code: "regional_spread",
      value: round(groups.size / regionalGroups.length),
      evidence: `${groups.size} of ${regionalGroups.length} regional groups: ${[...groups].sort().join(", ")}`,
    },
    {
      code: "survivor_voices",
      value: lived.length > 0 ? 1 : 0,
      evidence: `${lived.length} panellist(s) speaking from lived experience`,
    },
  ];
}

/** Weighted review score in 0..100 from one reviewer's 0..5 scores. */
export function reviewScore(
  scores: Record<string, number>,
  criteria: Array<{ code: string; weight: number }>,
) {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (total === 0) return 0;
  return (criteria.reduce((s, c) => s + (scores[c.code] ?? 0) * c.weight, 0) / total / 5) * 100;
}

/** The ranking score: reviews and computed criteria, the latter weighing `computedWeight` %. */
export function combinedScore(review: number | null, computed: ComputedCriterion[], computedWeight: number) {
  const c = (computed.reduce((s, x) => s + x.value, 0) / computed.length) * 100;
  const score = review === null ? c : review * (1 - computedWeight / 100) + c * (computedWeight / 100);
  return { computedScore: round(c), score: round(score) };
}
