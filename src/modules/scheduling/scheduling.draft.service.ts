/**
 * The secretariat's working schedule (draft) of a session: each accepted event's cell and pin,
 * changed by moves, unplacing, pins and applying an optimiser proposal; every change is kept
 * with the entries before and after, so the last changes can be undone one by one. Conflicts are
 * computed on every read from the optimiser's rules. Edits carry the draft's version (If-Match).
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { inTransaction, type Trx } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { getSessionDetail, type SessionDetail } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import type { SeCtx } from "../side-events/side-events.service.js";
import { type Conflict, conflictsByEvent } from "./scheduling.conflicts.js";
import type { Instance, Placement } from "./scheduling.optimiser.js";
import * as q from "./scheduling.queries.js";
import { loadInstance } from "./scheduling.service.js";
import type { DraftChangeKind, DraftEntry, EntryChange } from "./scheduling.tables.js";

export interface DraftEvent {
  id: string;
  title: Localized;
  organisation: string;
  roomId: string | null;
  slotId: string | null;
  pinned: boolean;
  conflicts: Conflict[];
}

export interface Draft {
  session: SessionDetail;
  version: number;
  events: DraftEvent[];
  /** changes that undo would take back, latest first (only the count and the latest) */
  undoable: number;
  lastChange: { kind: DraftChangeKind; at: Date; eventIds: string[] } | null;
  release: { number: number; publishedAt: Date } | null;
  /** the draft differs from the latest release (or nothing was released) */
  unpublished: boolean;
}

/** Each accepted event's entry: its own in the draft, else its proposal's room and slot. */
export function effectiveEntries(
  events: q.AcceptedEvent[],
  entries: Record<string, DraftEntry>,
): Map<string, DraftEntry> {
  return new Map(
    events.map((e) => [
      e.id,
      entries[e.id] ?? {
        roomId: e.room_id && e.time_slot_id ? e.room_id : null,
        slotId: e.room_id && e.time_slot_id ? e.time_slot_id : null,
        pinned: false,
      },
    ]),
  );
}

export function placementsOf(entries: Map<string, DraftEntry>): Placement[] {
  return [...entries]
    .filter(([, x]) => x.roomId && x.slotId)
    .map(([eventId, x]) => ({ eventId, roomId: x.roomId as string, slotId: x.slotId as string }));
}

/** The draft with the session, its events and their conflicts. */
export async function getDraft(ctx: SeCtx, sessionSlug: string): Promise<Draft> {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const [events, row, last, live, release, bare] = await Promise.all([
    q.listAcceptedEvents(ctx.db, session.id),
    q.findDraft(ctx.db, session.id),
    q.lastLiveChange(ctx.db, session.id),
    q.countLiveChanges(ctx.db, session.id),
    q.latestRelease(ctx.db, session.id),
    loadInstance(ctx, session, { ranking: false }),
  ]);
  const entries = effectiveEntries(events, row?.entries ?? {});
  // checked as the optimiser sees it: a pinned event carries its pin
  const instance = withPins(bare, entries);
  const placements = placementsOf(entries);
  const conflicts = conflictsByEvent(instance, placements);
  const released = new Map(
    (release?.placements ?? []).map((p) => [p.eventId, p.place ? `${p.place.roomId}|${p.place.slotId}` : ""]),
  );
  const unpublished =
    !release ||
    events.length !== released.size ||
    events.some((e) => {
      const x = entries.get(e.id);
      return released.get(e.id) !== (x?.roomId && x.slotId ? `${x.roomId}|${x.slotId}` : "");
    });
  return {
    session,
    version: row?.version ?? 0,
    events: events.map((e) => {
      const x = entries.get(e.id) as DraftEntry;
      return {
        id: e.id,
        title: e.title,
        organisation: e.lead_name,
        ...x,
        conflicts: conflicts.get(e.id) ?? [],
      };
    }),
    undoable: Number(live.n),
    lastChange: last
      ? { kind: last.kind, at: last.created_at, eventIds: last.changes.map((c) => c.eventId) }
      : null,
    release: release ? { number: release.number, publishedAt: release.published_at } : null,
    unpublished,
  };
}

/**
 * One change to the draft under its row lock: the version must be the one the editor saw
 * (412 otherwise); `compute` returns the entries it changes. Audited, kept for undo.
 */
async function change(
  ctx: SeCtx,
  sessionSlug: string,
  expectedVersion: number,
  kind: DraftChangeKind,
  compute: (
    current: Map<string, DraftEntry>,
    session: SessionDetail,
    trx: Trx,
  ) => Promise<{ entries: Array<[string, DraftEntry]>; proposalId?: string }>,
): Promise<number> {
  const actor = requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  return inTransaction(ctx.db, async (trx) => {
    const row = await q.lockDraft(trx, session.id);
    if (row.version !== expectedVersion) throw new AppError("PRECONDITION_FAILED");
    const events = await q.listAcceptedEvents(trx, session.id);
    const current = effectiveEntries(events, row.entries);
    const { entries, proposalId } = await compute(current, session, trx);
    const changes: EntryChange[] = entries
      .filter(([id, after]) => JSON.stringify(current.get(id)) !== JSON.stringify(after))
      .map(([eventId, after]) => ({ eventId, before: row.entries[eventId] ?? null, after }));
    const next = { ...row.entries };
    for (const c of changes) next[c.eventId] = c.after;
    const saved = await q.saveDraft(trx, session.id, next, actor.id, ctx.clock.now());
    const inserted = await trx
      .insertInto("schedule_draft_changes")
      .values({
        session_id: session.id,
        kind,
        changes: JSON.stringify(changes),
        proposal_id: proposalId ?? null,
        created_by: actor.id,
        created_at: ctx.clock.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: `scheduling.draft.${kind}`,
      objectType: "schedule_draft",
      objectId: session.id,
      before: changes.map((c) => ({ eventId: c.eventId, entry: current.get(c.eventId) })),
      after: { changeId: inserted.id, version: saved.version, changes: changes.map((c) => c.after) },
    });
    return saved.version;
  });
}

const knownEvent = (current: Map<string, DraftEntry>, eventId: string): DraftEntry => {
  const entry = current.get(eventId);
  if (!entry) throw new AppError("SCHEDULING_UNKNOWN_EVENT");
  return entry;
};

/** Moves an event to a room and slot (a conflict is allowed, and shown); its pin stays. */
export function moveEvent(
  ctx: SeCtx,
  sessionSlug: string,
  version: number,
  input: { eventId: string; roomId: string; slotId: string },
) {
  return change(ctx, sessionSlug, version, "move", async (current, session) => {
    const entry = knownEvent(current, input.eventId);
    if (
      !session.rooms.some((r) => r.id === input.roomId) ||
      !session.timeSlots.some((s) => s.id === input.slotId)
    )
      throw new AppError("SCHEDULING_UNKNOWN_CELL");
    return { entries: [[input.eventId, { ...entry, roomId: input.roomId, slotId: input.slotId }]] };
  });
}

/** Takes an event out of the schedule (and drops its pin: nothing is left to keep). */
export function unplaceEvent(ctx: SeCtx, sessionSlug: string, version: number, eventId: string) {
  return change(ctx, sessionSlug, version, "unplace", async (current) => {
    knownEvent(current, eventId);
    return { entries: [[eventId, { roomId: null, slotId: null, pinned: false }]] };
  });
}

/** Pins an event where it is (the optimiser keeps it there), or unpins it. */
export function pinEvent(ctx: SeCtx, sessionSlug: string, version: number, eventId: string, pinned: boolean) {
  return change(ctx, sessionSlug, version, pinned ? "pin" : "unpin", async (current) => {
    const entry = knownEvent(current, eventId);
    if (pinned && !(entry.roomId && entry.slotId)) throw new AppError("SCHEDULING_UNKNOWN_CELL");
    return { entries: [[eventId, { ...entry, pinned }]] };
  });
}

/**
 * Applies an optimiser proposal: every accepted event takes its proposed cell, or none when the
 * proposal left it out; pins stay (a pinned event the proposal could not keep is unpinned).
 */
export function applyProposal(ctx: SeCtx, sessionSlug: string, version: number, proposalId: string) {
  return change(ctx, sessionSlug, version, "apply", async (current, session, trx) => {
    const proposal = await q.findProposalRow(trx, session.id, proposalId);
    if (!proposal) throw new AppError("NOT_FOUND");
    const placed = new Map(proposal.placements.map((p) => [p.eventId, p]));
    return {
      proposalId,
      entries: [...current].map(([eventId, entry]): [string, DraftEntry] => {
        const p = placed.get(eventId);
        return [
          eventId,
          p
            ? { roomId: p.roomId, slotId: p.slotId, pinned: entry.pinned }
            : { roomId: null, slotId: null, pinned: false },
        ];
      }),
    };
  });
}

/** Takes back the latest change not yet undone: its events get their entries from before it. */
export async function undoChange(ctx: SeCtx, sessionSlug: string, expectedVersion: number): Promise<number> {
  const actor = requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  return inTransaction(ctx.db, async (trx) => {
    const row = await q.lockDraft(trx, session.id);
    if (row.version !== expectedVersion) throw new AppError("PRECONDITION_FAILED");
    const last = await q.lastLiveChange(trx, session.id);
    if (!last) throw new AppError("SCHEDULING_NOTHING_TO_UNDO");
    const next = { ...row.entries };
    for (const c of last.changes) {
      if (c.before) next[c.eventId] = c.before;
      else delete next[c.eventId];
    }
    const now = ctx.clock.now();
    const saved = await q.saveDraft(trx, session.id, next, actor.id, now);
    await trx
      .updateTable("schedule_draft_changes")
      .set({ undone_at: now, undone_by: actor.id })
      .where("id", "=", last.id)
      .where("session_id", "=", session.id)
      .execute();
    await audit(trx, ctx, {
      action: "scheduling.draft.undo",
      objectType: "schedule_draft",
      objectId: session.id,
      before: { changeId: last.id, kind: last.kind, entries: last.changes.map((c) => c.after) },
      after: { version: saved.version, entries: last.changes.map((c) => c.before) },
    });
    return saved.version;
  });
}

/** The instance the optimiser sees for a re-run: pinned events carry their pin. */
export async function instanceAroundPins(
  ctx: SeCtx,
  session: SessionDetail,
  options: { waitlisted?: boolean } = {},
): Promise<Instance> {
  const [instance, events, row] = await Promise.all([
    loadInstance(ctx, session, options),
    q.listAcceptedEvents(ctx.db, session.id),
    q.findDraft(ctx.db, session.id),
  ]);
  return withPins(instance, effectiveEntries(events, row?.entries ?? {}));
}

function withPins(instance: Instance, entries: Map<string, DraftEntry>): Instance {
  return {
    ...instance,
    events: instance.events.map((e) => {
      const x = entries.get(e.id);
      return x?.pinned && x.roomId && x.slotId ? { ...e, pin: { roomId: x.roomId, slotId: x.slotId } } : e;
    }),
  };
}
