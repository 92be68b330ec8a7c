/**
 * Which rules one event's placement breaks in a working schedule: the optimiser's own check
 * (`violations`), so the editor and the solver never disagree. Hard rules make the cell a
 * conflict; preferences are shown but do not. People are never named, only counted.
 */
import { type Instance, type Placement, type Violation, violations } from "./scheduling.optimiser.js";

export type Conflict = Violation;

/** The rules the placement of `eventId` breaks among `placements` (empty when it is not placed). */
export function conflictsOf(instance: Instance, placements: Placement[], eventId: string): Conflict[] {
  return violations(instance, placements, eventId);
}

/** Every placed event's conflicts, by event (one pass over the instance, for the whole grid). */
export function conflictsByEvent(instance: Instance, placements: Placement[]): Map<string, Conflict[]> {
  const out = new Map<string, Conflict[]>();
  for (const v of violations(instance, placements)) {
    const list = out.get(v.eventId);
    if (list) list.push(v);
    else out.set(v.eventId, [v]);
  }
  return out;
}
