/**
 * A person's own side events: the events of the organisations they belong to (lead or confirmed
 * co-organiser), with their times and rooms as released, on a page and as a private iCalendar
 * feed. The feed's address carries a secret token; only its SHA-256 is stored, so it is shown
 * once, and a new one replaces it. A revoked or replaced token is a 404.
 */
import { createHash, randomBytes } from "node:crypto";
import icalGenerator from "ical-generator";
import { requireActor } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import type { Executor } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { localized, type SessionDetail } from "../sessions/sessions.service.js";
import { listProgramme, type ProgrammeEvent } from "../side-events/programme.service.js";
import type { SeCtx } from "../side-events/side-events.service.js";
import * as q from "./scheduling.queries.js";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Accepted events (id and session slug) led or co-organised by any of the organisations. */
async function eventsOfOrganisations(db: Executor, organisationIds: string[], sessionId?: string) {
  if (organisationIds.length === 0) return [];
  let query = db
    .selectFrom("side_event_proposals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select(["p.id", "s.slug"])
    .where("p.status", "=", "accepted")
    .where((eb) =>
      eb.or([
        eb("p.lead_organisation_id", "in", organisationIds),
        eb(
          "p.id",
          "in",
          eb
            .selectFrom("side_event_coorganisers as c")
            .select("c.proposal_id")
            .where("c.status", "=", "confirmed")
            .where("c.organisation_id", "in", organisationIds),
        ),
      ]),
    );
  if (sessionId) query = query.where("p.session_id", "=", sessionId);
  return query.execute();
}

/** The signed-in person's events in a session, as the public programme shows them. */
export async function mySchedule(ctx: SeCtx, sessionSlug: string) {
  const actor = requireActor(ctx);
  const { session, all } = await listProgramme(ctx, sessionSlug);
  const mine = new Set(
    (await eventsOfOrganisations(ctx.db, await q.organisationsOfUser(ctx.db, actor.id), session.id)).map(
      (r) => r.id,
    ),
  );
  const feed = await ctx.db
    .selectFrom("calendar_feeds")
    .select("created_at")
    .where("user_id", "=", actor.id)
    .executeTakeFirst();
  return { session, events: all.filter((e) => mine.has(e.id)), feedSince: feed?.created_at ?? null };
}

/** A new secret feed address for the person (the previous one stops working). */
export async function regenerateFeed(ctx: SeCtx): Promise<{ token: string; url: string }> {
  const actor = requireActor(ctx);
  const token = randomBytes(24).toString("base64url");
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("calendar_feeds")
      .select("created_at")
      .where("user_id", "=", actor.id)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto("calendar_feeds")
      .values({ user_id: actor.id, token_hash: hashToken(token), created_at: ctx.clock.now() })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({ token_hash: hashToken(token), created_at: ctx.clock.now() }),
      )
      .execute();
    await audit(trx, ctx, {
      action: before ? "scheduling.feed.regenerate" : "scheduling.feed.create",
      objectType: "calendar_feed",
      objectId: actor.id,
      before: before ? { createdAt: before.created_at } : null,
      after: { createdAt: ctx.clock.now() },
    });
  });
  return { token, url: feedUrl(ctx.config.baseUrl, token) };
}

export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/calendar/${token}.ics`;

/** Revokes the person's feed: its address answers 404 from now on. */
export async function revokeFeed(ctx: SeCtx): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("calendar_feeds")
      .where("user_id", "=", actor.id)
      .returning("created_at")
      .executeTakeFirst();
    if (!removed) return;
    await audit(trx, ctx, {
      action: "scheduling.feed.revoke",
      objectType: "calendar_feed",
      objectId: actor.id,
      before: { createdAt: removed.created_at },
    });
  });
}

/** The feed of a token: the person's events in every session, or 404. */
export async function feedIcs(ctx: SeCtx, token: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError("NOT_FOUND");
  const feed = await ctx.db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .select(["f.user_id", "u.preferred_language"])
    .where("f.token_hash", "=", hashToken(token))
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!feed) throw new AppError("NOT_FOUND");
  const rows = await eventsOfOrganisations(ctx.db, await q.organisationsOfUser(ctx.db, feed.user_id));
  const bySession = new Map<string, Set<string>>();
  for (const r of rows) bySession.set(r.slug, (bySession.get(r.slug) ?? new Set()).add(r.id));
  const parts: Parameters<typeof eventsIcs>[0] = [];
  for (const [slug, ids] of bySession) {
    // a session not (or no longer) public is left out, as from the public programme
    const programme = await listProgramme({ ...ctx, actor: null }, slug).catch(() => null);
    if (programme)
      parts.push({
        session: programme.session,
        events: programme.all.filter((e) => ids.has(e.id)),
        revisions: await releaseRevisions(ctx.db, programme.session.id),
      });
  }
  return eventsIcs(parts, ctx.lang, ctx.config.baseUrl, "Convene");
}

/** An event's revisions by the schedule's releases, for calendar clients to see it changed. */
export interface EventRevision {
  /** SEQUENCE (RFC 5545 3.8.7.4): how many published releases changed its place */
  sequence: number;
  /** LAST-MODIFIED: when the last of them was published */
  lastModified: Date;
}

/** The revisions of a session's events, from its releases' change lists (one query). */
export async function releaseRevisions(db: Executor, sessionId: string): Promise<Map<string, EventRevision>> {
  const releases = await db
    .selectFrom("schedule_releases")
    .select(["published_at", "changes"])
    .where("session_id", "=", sessionId)
    .orderBy("number")
    .execute();
  const revisions = new Map<string, EventRevision>();
  for (const release of releases)
    for (const change of release.changes)
      revisions.set(change.eventId, {
        sequence: (revisions.get(change.eventId)?.sequence ?? 0) + 1,
        lastModified: release.published_at,
      });
  return revisions;
}

/**
 * iCalendar (RFC 5545) of events of one or more sessions; panellists as the public sees them
 * (pseudonyms for protected ones). Times in UTC, as the side-events module writes them. With the
 * session's revisions, each event carries SEQUENCE and LAST-MODIFIED, so that a calendar that
 * imported it takes a moved event as the same one, changed.
 */
export function eventsIcs(
  parts: Array<{ session: SessionDetail; events: ProgrammeEvent[]; revisions?: Map<string, EventRevision> }>,
  lang: Lang,
  baseUrl: string,
  name: string,
): string {
  const host = new URL(baseUrl).hostname;
  const calendar = icalGenerator({
    name,
    prodId: { company: "Convene", product: "scheduling", language: lang.toUpperCase() },
  });
  for (const { session, events, revisions } of parts) {
    for (const e of events) {
      if (!e.startsAt || !e.endsAt) continue;
      const speakers = e.panellists.map((p) =>
        p.protected || !p.name ? `${p.pseudonym ?? ""} (${p.role})`.trim() : `${p.name} (${p.role})`,
      );
      const revision = revisions?.get(e.id);
      calendar.createEvent({
        id: `side-event-${e.id}@${host}`,
        sequence: revision?.sequence ?? 0,
        ...(revision ? { lastModified: revision.lastModified } : {}),
        start: e.startsAt,
        end: e.endsAt,
        summary: localized(e.title, lang),
        description: [
          localized(session.name, lang),
          localized(e.abstract, lang),
          `Organisers: ${e.organisers.map((o) => o.name).join(", ")}`,
          speakers.length ? `Panel: ${speakers.join("; ")}` : "",
        ]
          .filter(Boolean)
          .join("\n\n"),
        location: [e.room, session.venue.name, session.venue.city].filter(Boolean).join(", "),
        url: `${baseUrl}/sessions/${session.slug}/programme/${e.id}`,
      });
    }
  }
  return calendar.toString();
}
