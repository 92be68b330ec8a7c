/**
 * The side events of the demo session, as they happened in 2012: the organisers are admitted as
 * observers (rule 17) before the deadline, the secretariat opens the call, each lead organisation
 * drafts its proposal, its co-organisers' focal points confirm, panellists are added (two of them
 * protected), the proposal is submitted and the secretariat accepts it into a room and a slot.
 * Each step goes through the modules' service functions with a clock set to its date in 2012, so
 * deadlines, audit rows, mails and invariants hold; each step looks before it acts (idempotent).
 * After the session, the organisers of several events record what happened (attendance, a short
 * report, for one a PDF summary) through the after-event service, as they would on its page.
 */
import {
  applyForObserverStatus,
  decideApplication,
  findApplication,
} from "../modules/accreditation/accreditation.service.js";
import { circulateApplication, closeObjectionWindow } from "../modules/accreditation/rule17.service.js";
import type { OrgCtx } from "../modules/organisations/organisations.service.js";
import { getSessionDetail } from "../modules/sessions/sessions.service.js";
import type { Localized } from "../modules/sessions/sessions.tables.js";
import { addMaterial, saveReport } from "../modules/side-events/after.service.js";
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
import type { AttendanceByGender } from "../modules/side-events/side-events.tables.js";
import type { Actor } from "../platform/context.js";
import type { Executor } from "../platform/database.js";
import { AppError } from "../platform/errors.js";
import { SESSION_SLUG } from "./session.data.js";
import { demoCall, demoSideEvents } from "./side-events.data.js";

/** The context at a moment of 2012. */
const at = <C extends OrgCtx>(ctx: C, iso: string): C => ({ ...ctx, clock: { now: () => new Date(iso) } });

/**
 * What the organisers recorded after their event (invented figures and words): attendance, by
 * gender where they counted it, a short report; for the first, the summary they handed out (PDF).
 */
const afterEvents: Array<{
  title: string;
  total: number;
  byGender?: AttendanceByGender;
  report: Localized;
  summary?: string;
}> = [
  {
    title: "Learning from victims of crime for a better criminal justice response",
    total: 74,
    byGender: { female: 41, male: 30, undisclosed: 3 },
    report: {
      en: "The room was full. The two asylum seekers spoke under pseudonyms, without photographs. Delegates of four States asked how asylum interviews could take account of trauma; the organisers will send the Conference a note on victims' access to justice.",
      fr: "La salle était pleine. Les deux demandeurs d'asile ont parlé sous pseudonyme, sans photographie. Les délégués de quatre États ont demandé comment les entretiens d'asile pourraient tenir compte du traumatisme ; les organisateurs adresseront à la Conférence une note sur l'accès des victimes à la justice.",
    },
    summary:
      "Learning from victims of crime for a better criminal justice response\n\nSummary of the discussion (Vienna, 16 October 2012)\n\n1. Asylum interviews should take account of trauma.\n2. Victims need legal aid from the first contact with the police.\n3. NGOs and the police should agree on referral before a case, not during it.",
  },
  {
    title: "The contribution of NGOs to combating trafficking in persons",
    total: 58,
    byGender: { female: 33, male: 25 },
    report: {
      en: "Five cases of collaboration between NGOs and governments were presented, from shelters run with the police to joint training of labour inspectors. Participants asked UNODC to collect such cases in its knowledge portal.",
      es: "Se presentaron cinco casos de colaboración entre ONG y gobiernos, desde albergues gestionados con la policía hasta la formación conjunta de inspectores de trabajo. Los participantes pidieron a la UNODC que recopile esos casos en su portal de conocimientos.",
    },
  },
  {
    title: "Tracing illicit firearms: civil society and the Firearms Protocol",
    total: 36,
    report: {
      en: "Researchers showed how marking and record-keeping make tracing possible, and where it fails. Several delegations asked for the slides; the organisers offered a workshop for national focal points in 2013.",
    },
  },
  {
    title: "Corruption as an enabler of organized crime: the two Conventions together",
    total: 45,
    byGender: { female: 20, male: 22, other: 1 },
    report: {
      en: "The panel discussed how the review mechanism of the Convention against Corruption could inform a review of the Organized Crime Convention. A joint statement on transparency of the review was proposed to the NGO Alliance.",
    },
  },
];

/** True when the 7 side events are in the programme and their after-event records kept (the demo is complete). */
export async function sideEventsSeeded(db: Executor): Promise<boolean> {
  const count = async (table: "side_event_proposals" | "side_event_reports") => {
    let query = db
      .selectFrom("side_event_proposals as p")
      .innerJoin("conference_sessions as s", "s.id", "p.session_id")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("s.slug", "=", SESSION_SLUG)
      .where("p.status", "=", "accepted");
    if (table === "side_event_reports")
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom("side_event_reports as r")
            .select("r.proposal_id")
            .whereRef("r.proposal_id", "=", "p.id"),
        ),
      );
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  return (
    (await count("side_event_proposals")) >= demoSideEvents.length &&
    (await count("side_event_reports")) >= afterEvents.length
  );
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

    // ---- after the event: what its organisers recorded, the week after the session
    const record = afterEvents.find((a) => a.title === e.title.en);
    if (record) await recordAfterEvent(at(lead, "2012-10-24T09:00:00Z"), id, record);
  }
}

async function recordAfterEvent(lead: OrgCtx, id: string, record: (typeof afterEvents)[number]) {
  const [report, material] = await Promise.all([
    lead.db
      .selectFrom("side_event_reports")
      .select("proposal_id")
      .where("proposal_id", "=", id)
      .executeTakeFirst(),
    lead.db.selectFrom("side_event_materials").select("id").where("proposal_id", "=", id).executeTakeFirst(),
  ]);
  if (record.summary && !material)
    await addMaterial(lead, id, { title: "Summary of the discussion", bytes: await pdfOf(record.summary) });
  if (!report)
    await saveReport(lead, id, {
      attendance: { total: record.total, ...(record.byGender ? { byGender: record.byGender } : {}) },
      report: record.report,
    });
}

/** A one-page PDF of the text (pdfkit, loaded only when the demo needs it). */
async function pdfOf(text: string): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ size: "A4", info: { Title: text.split("\n")[0] ?? "" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}
