/** zod schemas of the scheduling module: inputs (strict) and outputs (allowlists). */
import { z } from "zod";
import { unplacedReasons } from "./scheduling.optimiser.js";

const slug = z.string().min(1).max(100);

export const ZSessionParams = z.strictObject({ slug });

export const ZOptimiseBody = z.strictObject({
  /** seconds the solver may run; greedy is the answer if it finds nothing better */
  timeLimitSeconds: z.number().int().min(1).max(120).optional(),
});
export type OptimiseBody = z.infer<typeof ZOptimiseBody>;

const reason = z.enum(unplacedReasons);

export const ZScheduleProposal = z.object({
  id: z.string(),
  sessionId: z.string(),
  source: z.enum(["greedy", "highs"]),
  status: z.string(),
  objective: z.number(),
  bound: z.number(),
  gap: z.number(),
  greedyObjective: z.number(),
  placements: z.array(z.object({ eventId: z.string(), roomId: z.string(), slotId: z.string() })),
  unplaced: z.array(z.object({ eventId: z.string(), reason, message: z.string() })),
  createdAt: z.string(),
});
