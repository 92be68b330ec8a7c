/**
 * Panellists' private links. Panellists have no account: the lead organiser (or the secretariat)
 * makes, for one panellist of a proposal, a secret address of a page with the event they speak at
 * (title in their language, date and time in the session's time zone, room once scheduled, the
 * release it comes from) and its iCalendar feed. Only the token's SHA-256 is kept, so the address
 * is shown (or mailed) once; a new one replaces it; revoking deletes it. The page shows panellists
 * as the public programme does — a protected panellist only by pseudonym and role, their own link
 * included — so a leaked address reveals no identity. An e-mail address given to mail the link is
 * kept only when the organiser asks (to re-send later), and is purged with the session's delegates'
 * personal data. Every change is audited, never with a name or an address.
 */
import { createHash, randomBytes } from "node:crypto";
import { audit } from "../../platform/audit.js";
import type { Services } from "../../platform/context.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang, type Lang } from "../../platform/i18n/languages.js";
import { formatDate, translate } from "../../platform/i18n/translate.js";
import { enqueueJob } from "../../platform/jobs.js";
import { queueMail } from "../../platform/mail.js";
import {
  getSessionDetail,
  getSessionRules,
  localized,
  type SessionDetail,
} from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import { listProgramme, type ProgrammeEvent } from "../side-events/programme.service.js";
import * as sq from "../side-events/side-events.queries.js";
import {
  type Panellist,
  panellistView,
  proposalForLead,
  type SeCtx,
} from "../side-events/side-events.service.js";
import { eventsIcs, releaseRevisions } from "./scheduling.feeds.service.js";
import * as q from "./scheduling.panellist-links.queries.js";
import type { ReleasedEvent } from "./scheduling.tables.js";

export const PURGE_ADDRESSES_JOB = "scheduling.purge-panellist-addresses";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const panellistLinkUrl = (baseUrl: string, token: string, lang: Lang) =>
  `${baseUrl}/panellists/${token}?lang=${lang}`;

export interface LinkInput {
  /** the language of the mail and of the page it opens; default: the link's, else the asker's */
  language?: Lang | undefined;
  /** mail the new link to this address */
  email?: string | undefined;
  /** keep the address (this one, or the one kept before) to re-send later */
  keepAddress?: boolean | undefined;
  /** mail the new link to the address kept before */
  resend?: boolean | undefined;
}

export interface LinkState {
  panellistId: string;
  language: Lang;
  createdAt: Date;
  mailedAt: Date | null;
  addressKept: boolean;
  addressKeptUntil: Date | null;
}

const stateOf = (r: q.LinkSummary): LinkState => ({
  panellistId: r.panellist_id,
  language: isLang(r.language) ? r.language : "en",
  createdAt: r.created_at,
  mailedAt: r.mailed_at,
  addressKept: Boolean(r.address_kept),
  addressKeptUntil: r.email_purge_at,
});

/** The proposal's panellists (as its organisers see them) with the state of their links. */
export async function listPanellistLinks(ctx: SeCtx, proposalId: string) {
  const row = await proposalForLead(ctx, proposalId);
  const [panellists, links] = await Promise.all([
    sq.listPanellists(ctx.db, [proposalId]),
    q.listLinksOfProposal(ctx.db, proposalId),
  ]);
  const byId = new Map(links.map((l) => [l.panellist_id, stateOf(l)]));
  return {
    row,
    panellists: panellists.map((p) => ({
      panellist: panellistView(p, "organisers"),
      link: byId.get(p.id) ?? null,
    })),
  };
}

/** The panellist of a proposal the asker leads, which must still be able to take place. */
async function panellistForLead(ctx: SeCtx, proposalId: string, panellistId: string) {
  const row = await proposalForLead(ctx, proposalId);
  const p = (await sq.listPanellists(ctx.db, [proposalId])).find((x) => x.id === panellistId);
  if (!p) throw new AppError("NOT_FOUND");
  return { row, p };
}

/**
 * A new private link for the panellist (the previous one stops working), mailed if asked. The
 * token is returned once; only its hash is stored.
 */
export async function createPanellistLink(
  ctx: SeCtx,
  proposalId: string,
  panellistId: string,
  input: LinkInput,
) {
  const { row, p } = await panellistForLead(ctx, proposalId, panellistId);
  if (row.status === "withdrawn" || row.status === "rejected") throw new AppError("SIDE_EVENT_STATE_INVALID");
  if (input.resend && input.email)
    throw new AppError("VALIDATION_FAILED", "Give an address or re-send to the kept one, not both.", {
      fields: [{ path: "body.resend", message: "not with email" }],
    });
  const session = await getSessionDetail(ctx, row.session_slug);
  const rules = await getSessionRules(ctx, row.session_id);
  const now = ctx.clock.now();
  const token = randomBytes(24).toString("base64url");
  const result = await inTransaction(ctx.db, async (trx) => {
    const before = await q.lockLink(trx, panellistId);
    if (input.resend && !before?.email) throw new AppError("SCHEDULING_PANELLIST_NO_ADDRESS");
    const language: Lang = input.language ?? (before && isLang(before.language) ? before.language : ctx.lang);
    const to = input.resend ? (before?.email ?? null) : (input.email ?? null);
    // kept only when asked, and only while the session's personal data may be kept
    const keep = (input.resend || input.keepAddress) && now < rules.personalDataPurgeAt;
    const email = keep ? (input.email ?? before?.email ?? null) : null;
    const values = {
      session_id: row.session_id,
      token_hash: hashToken(token),
      language,
      email,
      email_purge_at: email ? rules.personalDataPurgeAt : null,
      mailed_at: to ? now : (before?.mailed_at ?? null),
      created_by: ctx.actor?.id ?? null,
      created_at: now,
    };
    await trx
      .insertInto("side_event_panellist_links")
      .values({ panellist_id: panellistId, ...values })
      .onConflict((oc) => oc.column("panellist_id").doUpdateSet(values))
      .execute();
    const who = { proposalId, protected: p.protection !== null, pseudonym: p.pseudonym, role: p.role };
    await audit(trx, ctx, {
      action: before ? "side_event_panellist_link.regenerated" : "side_event_panellist_link.created",
      objectType: "side_event_panellist",
      objectId: panellistId,
      organisationId: row.lead_organisation_id,
      before: before ? { createdAt: before.created_at, addressKept: before.email !== null } : undefined,
      after: { ...who, language, addressKept: email !== null },
    });
    if (to) {
      const url = panellistLinkUrl(ctx.config.baseUrl, token, language);
      await queueMail(trx, ctx.config, {
        to,
        lang: language,
        template: "scheduling.panellistLink",
        values: mailValues(session, await eventOf(ctx, session, proposalId), row.title, language, url),
      });
      await audit(trx, ctx, {
        action: "side_event_panellist_link.mailed",
        objectType: "side_event_panellist",
        objectId: panellistId,
        organisationId: row.lead_organisation_id,
        after: { ...who, language, resent: Boolean(input.resend) },
      });
    }
    if (email)
      await enqueueJob(
        trx,
        PURGE_ADDRESSES_JOB,
        { sessionId: row.session_id },
        {
          runAt: rules.personalDataPurgeAt,
          dedupeKey: `${PURGE_ADDRESSES_JOB}:${row.session_id}:${rules.personalDataPurgeAt.toISOString()}`,
        },
      );
    return { language, mailed: to !== null, addressKept: email !== null };
  });
  return {
    url: panellistLinkUrl(ctx.config.baseUrl, token, result.language),
    createdAt: now,
    ...result,
  };
}

/** Revokes the panellist's link (and forgets any address kept): it answers 404 from now on. */
export async function revokePanellistLink(ctx: SeCtx, proposalId: string, panellistId: string) {
  const { row, p } = await panellistForLead(ctx, proposalId, panellistId);
  await inTransaction(ctx.db, async (trx) => {
    const removed = await trx
      .deleteFrom("side_event_panellist_links")
      .where("panellist_id", "=", panellistId)
      .returning(["created_at", "email"])
      .executeTakeFirst();
    if (!removed) return;
    await audit(trx, ctx, {
      action: "side_event_panellist_link.revoked",
      objectType: "side_event_panellist",
      objectId: panellistId,
      organisationId: row.lead_organisation_id,
      before: { createdAt: removed.created_at, addressKept: removed.email !== null },
      after: { proposalId, protected: p.protection !== null, pseudonym: p.pseudonym, role: p.role },
    });
  });
}

// ---- what the link opens

/** The accepted event as the public programme shows it (room and time once scheduled), or null. */
async function eventOf(ctx: SeCtx, session: SessionDetail, proposalId: string) {
  const programme = await listProgramme({ ...ctx, actor: null }, session.slug).catch(() => null);
  return programme?.all.find((e) => e.id === proposalId) ?? null;
}

export interface PanellistSchedule {
  session: SessionDetail;
  proposalId: string;
  title: Localized;
  /** accepted and in the programme; null before (or if it was withdrawn) */
  event: ProgrammeEvent | null;
  /** the panellist as the public sees them: pseudonym and role when protected */
  me: Panellist;
  /** the release the time and room come from (null: as placed at acceptance, or not placed) */
  release: { number: number; publishedAt: Date } | null;
}

/** What a token opens, or the same 404 for an unknown, revoked or malformed token. */
export async function panellistSchedule(ctx: SeCtx, token: string): Promise<PanellistSchedule> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError("NOT_FOUND");
  const link = await q.findByTokenHash(ctx.db, hashToken(token));
  if (!link) throw new AppError("NOT_FOUND");
  const publicCtx = { ...ctx, actor: null };
  const session = await getSessionDetail(publicCtx, link.session_slug);
  const [panellist] = (await sq.listPanellists(ctx.db, [link.proposal_id])).filter(
    (p) => p.id === link.panellist_id,
  );
  if (!panellist) throw new AppError("NOT_FOUND");
  const event = await eventOf(ctx, session, link.proposal_id);
  let release: PanellistSchedule["release"] = null;
  if (event?.startsAt) {
    const latest = await q.latestRelease(ctx.db, session.id);
    const placed = (latest?.placements as ReleasedEvent[] | undefined)?.find(
      (e) => e.eventId === event.id,
    )?.place;
    if (latest && placed && placed.startsAt === event.startsAt.toISOString() && placed.room === event.room)
      release = { number: latest.number, publishedAt: latest.published_at };
  }
  return {
    session,
    proposalId: link.proposal_id,
    title: link.title,
    event,
    me: panellistView(panellist, "public"),
    release,
  };
}

/** The feed of a token: the panellist's event (once scheduled) as iCalendar, RFC 5545. */
export async function panellistIcs(ctx: SeCtx, token: string): Promise<string> {
  const s = await panellistSchedule(ctx, token);
  return eventsIcs(
    [
      {
        session: s.session,
        events: s.event ? [s.event] : [],
        revisions: await releaseRevisions(ctx.db, s.session.id),
      },
    ],
    ctx.lang,
    ctx.config.baseUrl,
    localized(s.title, ctx.lang),
  );
}

/** When an event takes place, in words, in the session's time zone. */
export function describeWhen(lang: Lang, session: SessionDetail, e: ProgrammeEvent | null): string | null {
  if (!e?.startsAt || !e.endsAt) return null;
  const tz = session.timeZone;
  return `${formatDate(lang, e.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: tz })} – ${formatDate(lang, e.endsAt, { timeStyle: "short", timeZone: tz })} (${tz})`;
}

function mailValues(
  session: SessionDetail,
  event: ProgrammeEvent | null,
  title: Localized,
  lang: Lang,
  url: string,
) {
  return {
    title: localized(title, lang),
    session: localized(session.name, lang),
    when: describeWhen(lang, session, event) ?? translate(lang, "scheduling.mine.notScheduled"),
    room: event?.room ?? "—",
    url,
  };
}

// ---- retention

/** Forgets the addresses kept for a session's panellists once its personal data may not be kept. */
export async function purgePanellistAddresses(services: Services, sessionId: string): Promise<number> {
  const ctx = { ...services, actor: null, lang: "en" as const, requestId: "job", ip: "" };
  const rules = await getSessionRules(ctx, sessionId);
  if (services.clock.now() < rules.personalDataPurgeAt) {
    // the session's dates or retention changed: run again when it is due
    await enqueueJob(
      services.db,
      PURGE_ADDRESSES_JOB,
      { sessionId },
      {
        runAt: rules.personalDataPurgeAt,
        dedupeKey: `${PURGE_ADDRESSES_JOB}:${sessionId}:${rules.personalDataPurgeAt.toISOString()}`,
      },
    );
    return 0;
  }
  return inTransaction(services.db, async (trx) => {
    const purged = await q.purgeAddresses(trx, sessionId);
    if (purged > 0)
      await audit(trx, null, {
        action: "panellist_addresses.purged",
        objectType: "session",
        objectId: sessionId,
        after: { addresses: purged },
      });
    return purged;
  });
}

export function panellistLinkJobs(services: Services) {
  return {
    [PURGE_ADDRESSES_JOB]: async (payload: Record<string, unknown>) => {
      await purgePanellistAddresses(services, String(payload.sessionId));
    },
  };
}
