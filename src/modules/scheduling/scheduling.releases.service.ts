/**
 * Releases: publishing makes a numbered release of the working schedule. The placements are
 * written to the proposals' own room and slot (what the public programme reads), the release
 * keeps what changed since the previous one (release 1: since the places given at acceptance),
 * and the focal points of the organisations whose events moved are told by mail, each in their
 * language, with times in the session's time zone. Audited.
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { invalidate, PublicCache } from "../../platform/cache.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang, type Lang } from "../../platform/i18n/languages.js";
import { formatDate, translate } from "../../platform/i18n/translate.js";
import { queueMail } from "../../platform/mail.js";
import { getSessionDetail, localized, type SessionDetail } from "../sessions/sessions.service.js";
import { CACHE_TAG, type SeCtx } from "../side-events/side-events.service.js";
import { effectiveEntries, placementsOf } from "./scheduling.draft.service.js";
import { violations } from "./scheduling.optimiser.js";
import * as q from "./scheduling.queries.js";
import { loadInstance } from "./scheduling.service.js";
import type { ReleaseChange, ReleasedEvent, ReleasedPlace } from "./scheduling.tables.js";

/** Used when a context carries no cache: the NOTIFY still reaches every process. */
const detachedCache = new PublicCache(1);

export interface Release {
  id: string;
  number: number;
  publishedAt: Date;
  changes: ReleaseChange[];
  placements: ReleasedEvent[];
}

const samePlace = (a: ReleasedPlace | null, b: ReleasedPlace | null) =>
  (a?.roomId ?? "") === (b?.roomId ?? "") && (a?.slotId ?? "") === (b?.slotId ?? "");

function placeOf(session: SessionDetail, roomId: string | null, slotId: string | null): ReleasedPlace | null {
  const room = session.rooms.find((r) => r.id === roomId);
  const slot = session.timeSlots.find((s) => s.id === slotId);
  if (!room || !slot) return null;
  return {
    roomId: room.id,
    room: room.name,
    slotId: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
  };
}

/** What changed between two lists of released events. */
export function diffReleases(previous: ReleasedEvent[], next: ReleasedEvent[]): ReleaseChange[] {
  const before = new Map(previous.map((e) => [e.eventId, e]));
  const out: ReleaseChange[] = [];
  for (const e of next) {
    const was = before.get(e.eventId);
    if (!was) {
      if (e.place) out.push({ eventId: e.eventId, title: e.title, kind: "added", from: null, to: e.place });
    } else if (!samePlace(was.place, e.place)) {
      out.push({
        eventId: e.eventId,
        title: e.title,
        kind: was.place ? "moved" : "added",
        from: was.place,
        to: e.place,
      });
    }
    before.delete(e.eventId);
  }
  for (const was of before.values())
    out.push({ eventId: was.eventId, title: was.title, kind: "removed", from: was.place, to: null });
  return out;
}

const when = (lang: Lang, timeZone: string, iso: string) =>
  formatDate(lang, new Date(iso), { weekday: "short", hour: "2-digit", minute: "2-digit", timeZone });

/** A change in words, in the reader's language, times in the session's time zone. */
export function describeChange(lang: Lang, timeZone: string, c: ReleaseChange): string {
  const title = localized(c.title, lang);
  const at = (p: ReleasedPlace) => ({ room: p.room, time: when(lang, timeZone, p.startsAt) });
  if (c.kind === "removed")
    return c.from
      ? translate(lang, "scheduling.change.removedFrom", {
          title,
          fromRoom: c.from.room,
          fromTime: when(lang, timeZone, c.from.startsAt),
        })
      : translate(lang, "scheduling.change.removed", { title });
  if (c.from && c.to) {
    const from = at(c.from);
    const to = at(c.to);
    return translate(lang, "scheduling.change.moved", {
      title,
      fromRoom: from.room,
      fromTime: from.time,
      toRoom: to.room,
      toTime: to.time,
    });
  }
  if (c.to) {
    const to = at(c.to);
    return translate(lang, "scheduling.change.added", { title, toRoom: to.room, toTime: to.time });
  }
  if (c.from)
    return translate(lang, "scheduling.change.unscheduled", {
      title,
      fromRoom: c.from.room,
      fromTime: when(lang, timeZone, c.from.startsAt),
    });
  return translate(lang, "scheduling.change.removed", { title });
}

/** Publishes the working schedule as the next release; 409 when nothing changed since the last. */
export async function publishRelease(ctx: SeCtx, sessionSlug: string): Promise<Release> {
  const actor = requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const { release } = await inTransaction(ctx.db, async (trx) => {
    const draft = await q.lockDraft(trx, session.id);
    const [events, previous] = await Promise.all([
      q.listAcceptedEvents(trx, session.id),
      q.latestRelease(trx, session.id),
    ]);
    const entries = effectiveEntries(events, draft.entries);
    // two events in one room at once cannot be published; other broken rules are the
    // secretariat's call (an agreed smaller room, a panellist who comes for part of it)
    const instance = await loadInstance(ctx, session, { ranking: false });
    if (violations(instance, placementsOf(entries)).some((v) => v.rule === "roomTaken"))
      throw new AppError("SCHEDULING_ROOM_DOUBLE_BOOKED");
    const next: ReleasedEvent[] = events.map((e) => {
      const x = entries.get(e.id);
      return { eventId: e.id, title: e.title, place: placeOf(session, x?.roomId ?? null, x?.slotId ?? null) };
    });
    // release 1 says what changed since the places given when the events were accepted
    const baseline: ReleasedEvent[] =
      previous?.placements ??
      events.map((e) => ({
        eventId: e.id,
        title: e.title,
        place: placeOf(session, e.room_id, e.time_slot_id),
      }));
    const changes = diffReleases(baseline, next);
    if (previous && changes.length === 0) throw new AppError("SCHEDULING_RELEASE_UNCHANGED");
    const now = ctx.clock.now();
    for (const e of next) {
      const row = events.find((x) => x.id === e.eventId);
      if (
        (row?.room_id ?? null) === (e.place?.roomId ?? null) &&
        (row?.time_slot_id ?? null) === (e.place?.slotId ?? null)
      )
        continue;
      await trx
        .updateTable("side_event_proposals")
        .set((eb) => ({
          room_id: e.place?.roomId ?? null,
          time_slot_id: e.place?.slotId ?? null,
          updated_at: now,
          version: eb("version", "+", 1),
        }))
        .where("session_id", "=", session.id)
        .where("id", "=", e.eventId)
        .where("status", "=", "accepted")
        .execute();
    }
    const inserted = await trx
      .insertInto("schedule_releases")
      .values({
        session_id: session.id,
        number: (previous?.number ?? 0) + 1,
        draft_version: draft.version,
        placements: JSON.stringify(next),
        changes: JSON.stringify(changes),
        published_by: actor.id,
        published_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const mails = await mailOrganisers(trx, ctx, session, inserted.number, changes, events);
    await invalidate(trx, ctx.cache ?? detachedCache, CACHE_TAG);
    await audit(trx, ctx, {
      action: "scheduling.release.publish",
      objectType: "schedule_release",
      objectId: inserted.id,
      before: previous ? { number: previous.number } : null,
      after: { sessionId: session.id, number: inserted.number, changes: changes.length, mails },
    });
    return { release: inserted, mails };
  });
  return {
    id: release.id,
    number: release.number,
    publishedAt: release.published_at,
    changes: release.changes,
    placements: release.placements,
  };
}

/** One mail per focal point whose organisation's events changed place, in their language. */
async function mailOrganisers(
  trx: Parameters<typeof q.focalPointsOf>[0],
  ctx: SeCtx,
  session: SessionDetail,
  number: number,
  changes: ReleaseChange[],
  events: q.AcceptedEvent[],
): Promise<number> {
  const moved = changes.filter((c) => c.kind !== "removed");
  if (moved.length === 0) return 0;
  const ids = moved.map((c) => c.eventId);
  const coorganisers = await q.coorganisersOf(trx, ids);
  const orgsOf = new Map(
    ids.map((id) => [
      id,
      new Set([
        ...events.filter((e) => e.id === id).map((e) => e.lead_organisation_id),
        ...coorganisers.filter((c) => c.proposal_id === id).map((c) => c.organisation_id as string),
      ]),
    ]),
  );
  const people = await q.focalPointsOf(trx, [...new Set([...orgsOf.values()].flatMap((s) => [...s]))]);
  const byUser = new Map<string, { email: string; lang: Lang; changes: Set<ReleaseChange> }>();
  for (const p of people) {
    const entry = byUser.get(p.id) ?? {
      email: p.email,
      lang: isLang(p.preferred_language) ? p.preferred_language : "en",
      changes: new Set<ReleaseChange>(),
    };
    for (const c of moved) if (orgsOf.get(c.eventId)?.has(p.organisation_id)) entry.changes.add(c);
    byUser.set(p.id, entry);
  }
  for (const u of byUser.values()) {
    await queueMail(trx, ctx.config, {
      to: u.email,
      lang: u.lang,
      template: "scheduling.released",
      values: {
        session: localized(session.name, u.lang),
        number,
        changes: [...u.changes]
          .map((c) => `- ${localized(c.title, u.lang)} — ${describeChange(u.lang, session.timeZone, c)}`)
          .join("\n"),
        url: `${ctx.config.baseUrl}/sessions/${session.slug}/schedule/releases`,
      },
    });
  }
  return byUser.size;
}

/** The session's releases, latest first (public). */
export async function listReleases(ctx: SeCtx, sessionSlug: string) {
  const session = await getSessionDetail(ctx, sessionSlug);
  const rows = await q.listReleases(ctx.db, session.id);
  return {
    session,
    releases: rows.map(
      (r): Release => ({
        id: r.id,
        number: r.number,
        publishedAt: r.published_at,
        changes: r.changes,
        placements: r.placements,
      }),
    ),
  };
}
