/** zod schemas of the side-events module: inputs (strict) and outputs (allowlists). */
import { z } from "zod";
import { languages } from "../../platform/i18n/languages.js";
import { fieldOfWorkCodes } from "../organisations/taxonomy.js";
import { equipmentCodes } from "../sessions/sessions.tables.js";
import { formats, genders, invitedKinds, protections } from "./side-events.tables.js";

const slug = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().min(1).max(max);
const unique = <T>(items: T[]) => new Set(items).size === items.length;

const ZLocalizedInput = (max: number) =>
  z
    .strictObject(
      Object.fromEntries(languages.map((l) => [l, text(max).optional()])) as Record<
        (typeof languages)[number],
        z.ZodOptional<z.ZodString>
      >,
    )
    .refine((v) => Object.values(v).some((s) => typeof s === "string" && s.length > 0), {
      message: "sideEvents.invalid.oneLanguage",
    });
const ZLocalized = z.object(
  Object.fromEntries(languages.map((l) => [l, z.string().optional()])) as Record<
    (typeof languages)[number],
    z.ZodOptional<z.ZodString>
  >,
);

export const ZSessionParams = z.strictObject({ slug });
export const ZOrgSessionParams = z.strictObject({ org: slug, slug });
export const ZOrgParams = z.strictObject({ org: slug });
export const ZIdParams = z.strictObject({ id: z.uuid() });
export const ZEventParams = z.strictObject({ slug, id: z.uuid() });
export const ZPanellistParams = z.strictObject({ id: z.uuid(), panellistId: z.uuid() });
export const ZCoorganiserParams = z.strictObject({ id: z.uuid(), org: slug });

export const ZCriterion = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: ZLocalizedInput(200),
  weight: z.number().int().min(1).max(100),
});

export const ZCallInput = z.strictObject({
  deadline: z.iso.datetime({ offset: true }),
  formats: z.array(z.enum(formats)).min(1).max(3).refine(unique),
  slotMinutes: z.number().int().min(15).max(480),
  maxProposalsPerOrganisation: z.number().int().min(1).max(100),
  criteria: z
    .array(ZCriterion)
    .min(1)
    .max(20)
    .refine((c) => unique(c.map((x) => x.code))),
  computedWeight: z.number().int().min(0).max(100).optional(),
});
export type CallInput = z.infer<typeof ZCallInput>;

const proposalShape = {
  title: ZLocalizedInput(300),
  abstract: ZLocalizedInput(5000),
  agendaItemIds: z.array(z.uuid()).max(50).refine(unique),
  themes: z.array(z.enum(fieldOfWorkCodes)).max(20).refine(unique),
  format: z.enum(formats),
  languages: z.array(z.enum(languages)).min(1).max(6).refine(unique),
  interpretation: z.array(z.enum(languages)).max(6).refine(unique),
  expectedAudience: z.number().int().min(1).max(10_000),
  equipment: z.array(z.enum(equipmentCodes)).max(equipmentCodes.length).refine(unique),
  preferredSlotIds: z.array(z.uuid()).max(100).refine(unique),
  impossibleSlotIds: z.array(z.uuid()).max(100).refine(unique),
};
export const ZProposalCreate = z.strictObject({
  ...proposalShape,
  agendaItemIds: proposalShape.agendaItemIds.default([]),
  themes: proposalShape.themes.default([]),
  interpretation: proposalShape.interpretation.default([]),
  equipment: proposalShape.equipment.default([]),
  preferredSlotIds: proposalShape.preferredSlotIds.default([]),
  impossibleSlotIds: proposalShape.impossibleSlotIds.default([]),
});
export type ProposalCreate = z.infer<typeof ZProposalCreate>;
export const ZProposalPatch = z.strictObject(proposalShape).partial();
export type ProposalPatch = z.infer<typeof ZProposalPatch>;

export const ZCoorganiserAdd = z.union([
  z.strictObject({ organisation: slug }),
  z.strictObject({
    name: text(200),
    email: z.email().max(254),
    kind: z.enum(invitedKinds),
  }),
]);
export type CoorganiserAdd = z.infer<typeof ZCoorganiserAdd>;
export const ZCoorganiserResponse = z.strictObject({ decision: z.enum(["confirm", "decline"]) });

export const ZPanellistCreate = z.strictObject({
  name: text(200),
  affiliation: text(200).optional(),
  gender: z.enum(genders),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  bio: text(1000).optional(),
  role: text(100),
  consentToPublish: z.boolean(),
  protection: z.enum(protections).nullable().optional(),
  minor: z.boolean().optional(),
  pseudonym: text(100).optional(),
});
export type PanellistCreate = z.infer<typeof ZPanellistCreate>;

export const ZReviewerAssign = z.strictObject({ userId: z.uuid() });
export const ZReviewInput = z.strictObject({
  scores: z.record(z.string(), z.number().int().min(0).max(5)),
  comment: z.string().trim().max(5000).optional(),
});
export type ReviewInput = z.infer<typeof ZReviewInput>;
export const ZDecision = z.strictObject({
  decision: z.enum(["accept", "waitlist", "reject"]),
  timeSlotId: z.uuid().optional(),
  roomId: z.uuid().optional(),
});
export type DecisionInput = z.infer<typeof ZDecision>;

export const ZProgrammeQuery = z.strictObject({
  day: z.iso.date().optional(),
  theme: z.string().max(60).optional(),
  organiser: z.string().max(100).optional(),
  language: z.enum(languages).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  lang: z.string().optional(),
});
export type ProgrammeQuery = z.infer<typeof ZProgrammeQuery>;

// ---- outputs (allowlists)

const when = z.string().nullable();
export const ZCall = z.object({
  session: z.string(),
  deadline: z.string(),
  formats: z.array(z.string()),
  slotMinutes: z.number(),
  maxProposalsPerOrganisation: z.number(),
  criteria: z.array(z.object({ code: z.string(), label: ZLocalized, weight: z.number() })),
  computedWeight: z.number(),
  version: z.number(),
});

const ZOrganiser = z.object({ slug: z.string(), name: z.string(), acronym: z.string().nullable() });
export const ZCoorganiser = z.object({
  organisation: ZOrganiser.nullable(),
  invitedName: z.string().nullable(),
  kind: z.string().nullable(),
  status: z.string(),
});
/** A panellist as the asker may see it: a protected one has no name, affiliation, bio or country. */
export const ZPanellist = z.object({
  id: z.string(),
  protected: z.boolean(),
  pseudonym: z.string().nullable(),
  role: z.string(),
  name: z.string().nullable(),
  affiliation: z.string().nullable(),
  country: z.string().nullable(),
  bio: z.string().nullable(),
  gender: z.string().nullable(),
  consentToPublish: z.boolean().nullable(),
  photoUrl: z.string().nullable(),
});
export const ZPanellistIdentity = z.object({
  id: z.string(),
  name: z.string(),
  affiliation: z.string().nullable(),
  gender: z.string(),
  country: z.string().nullable(),
  bio: z.string().nullable(),
  protection: z.string().nullable(),
  minor: z.boolean(),
  pseudonym: z.string().nullable(),
  role: z.string(),
  consentToPublish: z.boolean(),
  consentAt: when,
  photoUrl: z.string().nullable(),
});
export const ZProposal = z.object({
  id: z.string(),
  session: z.string(),
  status: z.string(),
  lead: ZOrganiser,
  coorganisers: z.array(ZCoorganiser),
  title: ZLocalized,
  abstract: ZLocalized,
  agendaItemIds: z.array(z.string()),
  themes: z.array(z.string()),
  format: z.string(),
  languages: z.array(z.string()),
  interpretation: z.array(z.string()),
  expectedAudience: z.number(),
  equipment: z.array(z.string()),
  preferredSlotIds: z.array(z.string()),
  impossibleSlotIds: z.array(z.string()),
  panellists: z.array(ZPanellist),
  submittedAt: when,
  decidedAt: when,
  version: z.number(),
});
export const ZProposalList = z.object({
  items: z.array(z.object({ id: z.string(), session: z.string(), status: z.string(), title: ZLocalized })),
});
export const ZReviewList = z.object({
  items: z.array(
    z.object({
      reviewer: z.string(),
      scores: z.record(z.string(), z.number()).nullable(),
      comment: z.string().nullable(),
      scoredAt: when,
    }),
  ),
});
const ZComputed = z.object({ code: z.string(), value: z.number(), evidence: z.string() });
export const ZRanking = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: ZLocalized,
      lead: z.string(),
      status: z.string(),
      reviewScore: z.number().nullable(),
      reviews: z.number(),
      computedScore: z.number(),
      computed: z.array(ZComputed),
      score: z.number(),
    }),
  ),
});
export const ZEvent = z.object({
  id: z.string(),
  title: ZLocalized,
  abstract: ZLocalized,
  format: z.string(),
  languages: z.array(z.string()),
  themes: z.array(z.string()),
  organisers: z.array(z.object({ slug: z.string().nullable(), name: z.string() })),
  panellists: z.array(ZPanellist),
  startsAt: when,
  endsAt: when,
  room: z.string().nullable(),
});
export const ZProgramme = z.object({
  session: z.string(),
  items: z.array(ZEvent),
  page: z.number(),
  pages: z.number(),
  total: z.number(),
});
export const ZOk = z.object({ ok: z.boolean() });

// ---- reviewer assignment proposed by Convene
export const ZAssignmentQuery = z.strictObject({
  perProposal: z.coerce.number().int().min(1).max(5).default(2),
  expertise: z.enum(["ignore", "prefer", "require"]).default("prefer"),
  lang: z.string().optional(),
});
const ZPair = z.strictObject({ proposalId: z.uuid(), reviewerId: z.uuid() });
export const ZAssignmentConfirm = z.strictObject({ assignments: z.array(ZPair).min(1).max(5000) });
export const ZAssignmentProposal = z.object({
  session: z.string(),
  perProposal: z.number(),
  expertise: z.string(),
  feasible: z.boolean(),
  status: z.string(),
  objective: z.number().nullable(),
  expertiseMatches: z.number(),
  reasons: z.array(z.string()),
  proposals: z.array(z.object({ id: z.string(), title: z.string() })),
  reviewers: z.array(z.object({ id: z.string(), name: z.string(), load: z.number() })),
  existing: z.array(ZPair),
  assignments: z.array(ZPair),
});
export const ZAssigned = z.object({ assigned: z.number() });
export const ZExpertise = z.strictObject({
  themes: z.array(z.enum(fieldOfWorkCodes)).max(30).refine(unique),
});
export const ZExpertiseOut = z.object({ themes: z.array(z.string()) });

// ---- selection from the ranking in one action
export const ZBulkDecision = z.union([
  z.strictObject({
    proposalIds: z.array(z.uuid()).min(1).max(1000),
    decision: z.enum(["accept", "waitlist", "reject"]),
  }),
  z.strictObject({ top: z.number().int().min(1).max(1000), decision: z.literal("accept") }),
]);
export const ZBulkResult = z.object({
  decision: z.string(),
  decided: z.array(z.string()),
  notFitting: z.array(z.string()),
});

// ---- merging two proposals with their organisers' consent
export const ZMergeId = z.strictObject({ id: z.uuid() });
export const ZMergeConsentParams = z.strictObject({ id: z.uuid(), org: slug });
export const ZMergeInput = z.strictObject({
  survivorId: z.uuid(),
  absorbedId: z.uuid(),
  note: z.string().trim().max(2000).optional(),
});
export const ZMergeResponse = z.strictObject({ decision: z.enum(["consent", "decline"]) });
const ZMergeSide = z.object({ id: z.string(), title: ZLocalized, lead: z.string(), status: z.string() });
export const ZMerge = z.object({
  id: z.string(),
  status: z.string(),
  note: z.string().nullable(),
  survivor: ZMergeSide,
  absorbed: ZMergeSide,
  consents: z.array(
    z.object({
      organisation: z.string(),
      slug: z.string(),
      decision: z.string(),
      respondedAt: z.string().nullable(),
    }),
  ),
  organisers: z.array(z.string()),
  panellists: z.array(ZPanellist),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

// ---- after the event; panellists' photos
const count = z.number().int().min(0).max(100_000);
export const ZReportInput = z.strictObject({
  attendance: z.strictObject({
    total: count,
    byGender: z
      .strictObject({
        female: count.optional(),
        male: count.optional(),
        other: count.optional(),
        undisclosed: count.optional(),
      })
      .optional(),
  }),
  report: ZLocalizedInput(5000).optional(),
});
export const ZMaterialQuery = z.strictObject({ title: z.string().trim().min(1).max(200) });
export const ZMaterial = z.object({ id: z.string(), title: z.string(), sizeBytes: z.number() });
export const ZAfterEvent = z.object({
  attendance: z
    .object({ total: z.number(), byGender: z.record(z.string(), z.number()).nullable() })
    .nullable(),
  report: ZLocalized.nullable(),
  materials: z.array(ZMaterial.extend({ url: z.string() })),
});
export const ZEventDetail = ZEvent.extend({ afterEvent: ZAfterEvent.nullable() });
export const ZMaterialParams = z.strictObject({ slug, id: z.uuid(), materialId: z.uuid() });
export const ZPanellistPhotoParams = z.strictObject({ id: z.uuid() });
