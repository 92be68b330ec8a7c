/**
 * Placing a session's side events into rooms × side-event slots: the public face of the optimiser
 * (pure functions, no I/O; the parts are in ./optimiser/).
 *
 * Hard rules: one event per room at any moment; room capacity ≥ expected audience; the equipment
 * (and interpretation booths when interpretation is asked) in the room; no organiser, co-organiser
 * or panellist in two places at once; no slot the organiser declared impossible; pins stay.
 * Preferences (weighted, maximised, each event's share reported): placing events at all, better
 * events in better slots (score × slot quality), the organisers' preferred slots, no two events on
 * one theme at the same time, no clash with the plenary discussing an agenda item the event serves,
 * each organisation's events spread across days. Wait-listed events (`optional`) only fill what the
 * accepted ones leave free.
 *
 * `greedy` is the baseline and the incumbent; `violations` tells the editor which rules a
 * placement breaks; the MIP models and the solver are in ./optimiser/ and scheduling.solver.ts.
 */
import { greedyPlacements } from "./optimiser/greedy.js";
import {
  cellValue,
  type Instance,
  type Placement,
  type Prepared,
  prepare,
  round,
  type Weights,
} from "./optimiser/instance.js";
import { type Contribution, scorePrepared } from "./optimiser/objective.js";
import { explain, hardViolations, type UnplacedReason } from "./optimiser/rules.js";

export {
  defaultWeights,
  INTERPRETATION,
  type Instance,
  type OptEvent,
  type OptRoom,
  type OptSlot,
  type Placement,
  type Weights,
} from "./optimiser/instance.js";
export { type Contribution, evaluate, type Term, terms } from "./optimiser/objective.js";
export {
  hardRules,
  hardViolations,
  type Rule,
  softRules,
  type UnplacedReason,
  unplacedReasons,
  type Violation,
  violations,
} from "./optimiser/rules.js";

export interface Schedule {
  placements: Placement[];
  unplaced: Array<{ eventId: string; reason: UnplacedReason; optional?: boolean }>;
  objective: number;
  /** the weights the objective used, and each placed event's share of it */
  weights: Weights;
  contributions: Contribution[];
}

/** A schedule from placements: the events left out with their reason, the score and its shares. */
export function finish(p: Prepared, placements: Placement[]): Schedule {
  const placed = new Set(placements.map((x) => x.eventId));
  const scored = scorePrepared(p, placements);
  return {
    placements,
    unplaced: p.instance.events
      .filter((e) => !placed.has(e.id))
      .map((e) => ({
        eventId: e.id,
        reason: p.lostPins.has(e.id) ? "pinConflict" : explain(p, placements, e),
        ...(e.optional ? { optional: true } : {}),
      })),
    objective: scored.objective,
    weights: p.weights,
    contributions: scored.contributions,
  };
}

/** The greedy placement (pins, then accepted by score, then wait-listed), as a schedule. */
export function greedy(instance: Instance): Schedule {
  const p = prepare(instance);
  return finish(p, greedyPlacements(p));
}

export type Phase = "greedy" | "model" | "solve" | "rooms" | "waitlist" | "done";

/** What the worker reports while it solves (the objective and bound of the accepted events). */
export interface Progress {
  phase: Phase;
  elapsedMs: number;
  objective: number | null;
  bound: number | null;
  gap: number | null;
}

export interface OptimiseResult extends Schedule {
  /** best proven upper bound on the objective of the accepted events */
  bound: number;
  /** relative gap between the accepted events' objective and the bound */
  gap: number;
  source: "greedy" | "highs";
  status: string;
  /** the greedy placement's objective, for comparison */
  greedyObjective: number;
  /** the accepted events' part of the objective (what bound and gap are about) */
  acceptedObjective: number;
  /** which MIP was solved: rooms counted per slot, or one binary per event × room × slot */
  model: "slots" | "cells" | "none";
  elapsedMs: number;
}

/**
 * A bound without the solver, the smaller of two: every event in its best allowed slot; and, per
 * time, as many events as there are rooms free of pins, each at its best value then (no penalty
 * between events in either). The second is close when there are more events than cells.
 */
export function upperBound(instance: Instance, filter: (optional: boolean) => boolean = () => true): number {
  const p = prepare(instance);
  const w = p.weights;
  let perEvent = 0;
  const pinned = new Map(p.pins.map((x) => [x.eventId, x]));
  const times = new Map<string, { rooms: number; values: Map<string, number> }>();
  for (const s of instance.slots) {
    const key = `${s.startsAt}|${s.endsAt}`;
    if (!times.has(key)) times.set(key, { rooms: instance.rooms.length, values: new Map() });
  }
  let fixed = 0;
  for (const e of instance.events) {
    if (!filter(Boolean(e.optional))) continue;
    const pin = pinned.get(e.id);
    const slots = pin
      ? instance.slots.filter((s) => s.id === pin.slotId)
      : (p.fits.get(e.id) ?? []).length && !e.pin
        ? instance.slots.filter((s) => !e.impossibleSlots.includes(s.id))
        : [];
    if (!slots.length) continue;
    perEvent += Math.max(...slots.map((s) => cellValue(w, e, s)));
    for (const s of slots) {
      const t = times.get(`${s.startsAt}|${s.endsAt}`);
      if (!t) continue;
      if (pin) {
        t.rooms -= 1;
        fixed += cellValue(w, e, s);
        continue;
      }
      const v = Math.max(0, cellValue(w, e, s));
      t.values.set(e.id, Math.max(t.values.get(e.id) ?? 0, v));
    }
  }
  let perTime = fixed;
  for (const t of times.values())
    perTime += [...t.values.values()]
      .sort((a, b) => b - a)
      .slice(0, Math.max(0, t.rooms))
      .reduce((a, b) => a + b, 0);
  return round(p.partialOverlap ? perEvent : Math.min(perEvent, perTime));
}

/** The accepted events' part of a schedule's objective. */
export function acceptedPart(p: Prepared, placements: Placement[]): number {
  return scorePrepared(
    p,
    placements.filter((x) => !p.events.get(x.eventId)?.optional),
  ).objective;
}

/** Whether placements are valid and keep every kept pin. */
export function acceptable(p: Prepared, placements: Placement[]): boolean {
  const at = new Map(placements.map((x) => [x.eventId, x]));
  // a pin is the secretariat's decision: kept even where the room is too small or lacks something
  const pinnedThere = (id: string) => p.pins.some((x) => x.eventId === id && at.get(id) === x);
  const roomRules = ["capacity", "equipment", "interpretation"];
  const broken = hardViolations(p.instance, placements).filter(
    (v) => !(roomRules.includes(v.rule) && pinnedThere(v.eventId)),
  );
  if (broken.length) return false;
  return p.pins.every((pin) => {
    const x = at.get(pin.eventId);
    return x?.roomId === pin.roomId && x.slotId === pin.slotId;
  });
}

export { prepare };
