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

// ---- the working schedule (draft), runs, releases, feeds

const uuid = z.uuid();

export const ZRunParams = z.strictObject({ slug, id: uuid });
export const ZEventIcsParams = z.strictObject({ slug, id: uuid });
export const ZFeedParams = z.strictObject({ token: z.string().min(1).max(100) });

export const ZMove = z.strictObject({ eventId: uuid, roomId: uuid, slotId: uuid });
export const ZEventRef = z.strictObject({ eventId: uuid });
export const ZPin = z.strictObject({ eventId: uuid, pinned: z.boolean() });
export const ZApply = z.strictObject({ proposalId: uuid });
export const ZEmpty = z.strictObject({});

export const ZRunStart = z.strictObject({
  timeLimitSeconds: z.number().int().min(1).max(120).optional(),
  /** keep pinned events where they are (default) */
  aroundPins: z.boolean().optional(),
  /** also fill the rooms left free with the best-ranked wait-listed events */
  waitlisted: z.boolean().optional(),
});

const ZConflict = z.object({
  rule: z.string(),
  hard: z.boolean(),
  otherEventId: z.string().optional(),
  message: z.string(),
});

export const ZDraft = z.object({
  session: z.string(),
  version: z.number().int(),
  undoable: z.number().int(),
  release: z.object({ number: z.number().int(), publishedAt: z.string() }).nullable(),
  unpublished: z.boolean(),
  events: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      roomId: z.string().nullable(),
      slotId: z.string().nullable(),
      pinned: z.boolean(),
      conflicts: z.array(ZConflict),
    }),
  ),
});

export const ZRun = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed"]),
  aroundPins: z.boolean(),
  waitlisted: z.boolean(),
  timeLimitSeconds: z.number().int(),
  progress: z.object({
    phase: z.string().optional(),
    elapsedSeconds: z.number().optional(),
    objective: z.number().nullable().optional(),
    bound: z.number().nullable().optional(),
    gap: z.number().nullable().optional(),
  }),
  proposalId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  proposal: ZScheduleProposal.nullable().optional(),
});

const ZPlace = z
  .object({
    roomId: z.string(),
    room: z.string(),
    slotId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
  })
  .nullable();

export const ZRelease = z.object({
  number: z.number().int(),
  publishedAt: z.string(),
  changes: z.array(
    z.object({
      eventId: z.string(),
      kind: z.enum(["added", "moved", "removed"]),
      from: ZPlace,
      to: ZPlace,
      text: z.string(),
    }),
  ),
});
export const ZReleases = z.object({ session: z.string(), releases: z.array(ZRelease) });

export const ZFeed = z.object({ url: z.string() });

export const ZMyEvents = z.object({
  session: z.string(),
  /** when the person's private calendar address was made (it is shown only then), or null */
  feedCreatedAt: z.string().nullable(),
  events: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      room: z.string().nullable(),
      startsAt: z.string().nullable(),
      endsAt: z.string().nullable(),
    }),
  ),
});
