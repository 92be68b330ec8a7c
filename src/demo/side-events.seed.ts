/**
 * The side events of the demo session, as they happened in 2012: the organisers are admitted as
 * observers (rule 17) before the deadline, the secretariat opens the call, each lead organisation
 * drafts its proposal, its co-organisers' focal points confirm, panellists are added (two of them
 * protected), the proposal is submitted and the secretariat accepts it into a room and a slot.
 * Each step goes through the modules' service functions with a clock set to its date in 2012, so
 * deadlines, audit rows, mails and invariants hold; each step looks before it acts (idempotent).
 */
import {
  applyForObserverStatus,
  circulateApplication,
  closeObjectionWindow,
  decideApplication,
  findApplication,
} from "../modules/accreditation/accreditation.service.js";
import type { OrgCtx } from "../modules/organisations/organisations.service.js";
import { getSessionDetail } from "../modules/sessions/sessions.service.js";
import { getCall, saveCall } from "../modules/side-events/call.service.js";
import { addCoorganiser, respondAsCoorganiser } from "../modules/side-events/coorganisers.service.js";
import { addPanellist } from "../modules/side-events/panellists.service.js";
import {
  createProposal,
  listOrganisationProposals,
  submitProposal,
} from "../modules/side-events/proposals.service.js";
import { decideProposal } from "../modules/side-events/review.service.js";
import { getProposal } from "../modules/side-events/side-events.service.js";
import type { Actor } from "../platform/context.js";
import type { Executor } from "../platform/database.js";
import { AppError } from "../platform/errors.js";
import { SESSION_SLUG } from "./session.data.js";
import { demoCall, demoSideEvents } from "./side-events.data.js";

/** The context at a moment of 2012. */
const at = <C extends OrgCtx>(ctx: C, iso: string): C => ({ ...ctx, clock: { now: () => new Date(iso) } });

/** True when the 7 side events are in the programme (the demo is complete). */
export async function sideEventsSeeded(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom("side_event_proposals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("s.slug", "=", SESSION_SLUG)
    .where("p.status", "=", "accepted")
    .executeTakeFirstOrThrow();
  return Number(row.n) >= demoSideEvents.length;
}

/** The organisers of the demo's side events: every one must be an admitted observer. */
export const sideEventOrganisers = [...new Set(demoSideEvents.flatMap((e) => [e.lead, ...e.coorganisers]))];

async function ensureAdmitted(
  secretariat: OrgCtx,
  focalPoint: OrgCtx,
  slug: string,
  agendaItemIds: string[],
) {
  let { application } = await findApplication(secretariat, slug, SESSION_SLUG);
  if (!application) {
    application = await applyForObserverStatus(at(focalPoint, "2012-08-20T08:00:00Z"), slug, SESSION_SLUG, {
      relevance:
        "Our organisation works on the themes of the Convention and its Protocols and will hold a side event with its partners.",
      agendaItemIds,
    });
  }
  if (application.status === "submitted" && application.path === "ecosoc") {
    await decideApplication(at(secretariat, "2012-08-27T09:00:00Z"), application.id, { decision: "admit" });
  } else if (application.status === "submitted") {
    application = await circulateApplication(at(secretariat, "2012-08-20T12:00:00Z"), application.id);
  }
  if (application.status === "circulated") {
    // the objection window (14 days) closed without objection
    await closeObjectionWindow(at(secretariat, "2012-09-04T06:00:00Z"), application.id);
  }
}

export async function seedSideEvents(secretariat: OrgCtx, focalPointOf: Map<string, Actor>): Promise<void> {
  const as = (slug: string): OrgCtx => {
    const actor = focalPointOf.get(slug);
    if (!actor) throw new Error(`demo: no focal point for ${slug}`);
    return { ...secretariat, actor };
  };
  const session = await getSessionDetail(secretariat, SESSION_SLUG);
  const item = (n: string) => {
    const found = session.agendaItems.find((i) => i.number === n);
    if (!found) throw new Error(`demo: no agenda item ${n}`);
    return found.id;
  };

  // ---- admission of every organiser (a few at a time)
  const queue = [...sideEventOrganisers];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let slug = queue.shift(); slug; slug = queue.shift())
        await ensureAdmitted(secretariat, as(slug), slug, [item("2"), item("2(b)")]);
    }),
  );

  // ---- the call
  try {
    await getCall(secretariat, SESSION_SLUG);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "SIDE_EVENT_NO_CALL")) throw error;
    await saveCall(at(secretariat, "2012-07-02T09:00:00Z"), SESSION_SLUG, demoCall);
  }

  // ---- the proposals, from draft to the programme
  for (const e of demoSideEvents) {
    const lead = as(e.lead);
    const { items } = await listOrganisationProposals(secretariat, e.lead);
    let id = items.find((p) => p.session === SESSION_SLUG && p.title.en === e.title.en)?.id;
    if (!id) {
      const created = await createProposal(at(lead, "2012-08-29T10:00:00Z"), e.lead, SESSION_SLUG, {
        title: e.title,
        abstract: e.abstract,
        format: e.format,
        themes: e.themes,
        agendaItemIds: e.agendaItems.map(item),
        languages: e.languages,
        interpretation: e.interpretation ?? [],
        expectedAudience: e.expectedAudience,
        equipment: ["microphones", "projector"],
        preferredSlotIds: [],
        impossibleSlotIds: [],
      });
      id = created.id;
    }
    let proposal = await getProposal(secretariat, id);
    for (const co of e.coorganisers) {
      if (!proposal.coorganisers.some((c) => c.organisation?.slug === co))
        proposal = await addCoorganiser(at(lead, "2012-08-29T11:00:00Z"), id, { organisation: co });
    }
    for (const c of proposal.coorganisers) {
      if (c.organisation && c.status === "pending")
        proposal = await respondAsCoorganiser(
          at(as(c.organisation.slug), "2012-09-03T09:00:00Z"),
          id,
          c.organisation.slug,
          "confirm",
        );
    }
    for (const p of e.panellists.slice(proposal.panellists.length)) {
      proposal = await addPanellist(at(lead, "2012-09-05T09:00:00Z"), id, p);
    }
    if (proposal.status === "draft") proposal = await submitProposal(at(lead, "2012-09-10T09:00:00Z"), id);
    if (proposal.status === "submitted") {
      const room = session.rooms.find((r) => r.name === e.room);
      const slot = session.timeSlots.find((s) => s.date === e.slot.date && s.start === e.slot.start);
      if (!room || !slot) throw new Error(`demo: no room ${e.room} or slot ${e.slot.date} ${e.slot.start}`);
      await decideProposal(at(secretariat, "2012-09-28T09:00:00Z"), id, {
        decision: "accept",
        roomId: room.id,
        timeSlotId: slot.id,
      });
    }
  }
}
