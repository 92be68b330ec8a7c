/** zod schemas of the accreditation module: inputs (strict) and outputs (allowlists). */
import { z } from "zod";

const slug = z.string().min(1).max(100);
export const ZSessionParams = z.strictObject({ slug });
export const ZOrgSessionParams = z.strictObject({ org: slug, slug });
export const ZIdParams = z.strictObject({ id: z.uuid() });
export const ZTokenParams = z.strictObject({ token: z.string().min(1).max(100) });

export const ZApplicationCreate = z.strictObject({
  relevance: z.string().trim().min(1).max(5000),
  agendaItemIds: z.array(z.uuid()).max(100).default([]),
});
export const ZApplicationDecision = z.strictObject({
  decision: z.enum(["admit", "reject"]),
  note: z.string().trim().max(2000).optional(),
});
export const ZObjection = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const ZApplicationsQuery = z.strictObject({
  status: z.enum(["submitted", "circulated", "admitted", "referred", "rejected"]).optional(),
});

const isoDate = z.iso.date();
export const ZDelegateCreate = z.strictObject({
  fullName: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).nullish(),
  email: z.email().max(254),
  nationality: z.string().regex(/^[A-Z]{2}$/),
  gender: z.enum(["female", "male", "other", "undisclosed"]),
  dateOfBirth: isoDate.nullish(),
  idDocumentType: z.enum(["passport", "national_id", "other"]).nullish(),
  idDocumentNumber: z.string().trim().min(1).max(50).nullish(),
  idDocumentExpiry: isoDate.nullish(),
  consentPublic: z.boolean().optional(),
  language: z.enum(["en", "fr", "es", "ar", "ru", "zh"]).optional(),
});
export const ZDelegatePatch = ZDelegateCreate.omit({ language: true }).partial();
export const ZDelegateDecision = z.strictObject({ decision: z.enum(["approve", "reject"]) });
export const ZBulkDecision = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(2000),
  decision: z.enum(["approve", "reject"]),
});
export const ZRevoke = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const ZCheckin = z.strictObject({ code: z.string().trim().min(1).max(300) });
export const ZDelegatesQuery = z.strictObject({
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  region: z.string().max(40).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  organisation: z.string().max(100).optional(),
  field: z.string().max(60).optional(),
  format: z.enum(["json", "csv", "xlsx"]).optional(),
  /** the JSON list is paginated; the exports hold every row */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

const when = z.string().nullable();
export const ZApplication = z.object({
  id: z.string(),
  session: z.string(),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  path: z.enum(["ecosoc", "rule17"]),
  status: z.string(),
  relevance: z.string(),
  agendaItemIds: z.array(z.string()),
  submittedAt: z.string(),
  circulatedAt: when,
  objectionDeadline: when,
  decidedAt: when,
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), note: z.string().nullable() })),
});
export const ZApplicationList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      organisation: z.object({ slug: z.string(), name: z.string(), country: z.string() }),
      path: z.string(),
      status: z.string(),
      ecosocStatus: z.string(),
      objections: z.number(),
      submittedAt: z.string(),
      objectionDeadline: when,
    }),
  ),
});
export const ZCirculatedList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      organisation: z.object({
        slug: z.string(),
        name: z.string(),
        acronym: z.string().nullable(),
        country: z.string(),
        regionalGroup: z.string(),
        fieldsOfWork: z.array(z.string()),
        website: z.string().nullable(),
        mission: z.record(z.string(), z.string()),
      }),
      relevance: z.string(),
      agendaItemIds: z.array(z.string()),
      objectionDeadline: when,
      objectedByMe: z.boolean(),
    }),
  ),
});

export const ZDelegateSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  email: z.string(),
  nationality: z.string(),
  gender: z.string(),
  status: z.string(),
  confirmed: z.boolean(),
  consentPublic: z.boolean(),
  hasPhoto: z.boolean(),
});
export const ZDelegateDetail = ZDelegateSummary.extend({
  dateOfBirth: z.string().nullable(),
  idDocumentType: z.string().nullable(),
  idDocumentNumber: z.string().nullable(),
  idDocumentExpiry: z.string().nullable(),
  personalDataPurged: z.boolean(),
});
/** A change through the delegate's own link: the new link (the one used no longer works) and the delegate, without ID number or date of birth. */
export const ZDelegateLinkChange = z.object({ token: z.string(), delegate: ZDelegateSummary });
/** A person asks for a new link to their registrations. */
export const ZDelegateLinkRequest = z.strictObject({ email: z.email().max(254) });
export const ZOrgDelegates = z.object({ quota: z.number(), items: z.array(ZDelegateSummary) });
export const ZSessionDelegates = z.object({
  items: z.array(
    ZDelegateSummary.omit({ hasPhoto: true }).extend({
      organisation: z.object({
        slug: z.string(),
        name: z.string(),
        country: z.string(),
        regionalGroup: z.string(),
      }),
      badgeId: z.string().nullable(),
      badgeCode: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ZDecided = z.object({ decided: z.number() });
export const ZBadge = z.object({ badgeId: z.string() });
export const ZCheckinResult = z.object({
  result: z.enum(["checked_in", "already_checked_in"]),
  firstCheckedInAt: z.string(),
  day: z.string(),
  delegate: z.object({
    id: z.string(),
    fullName: z.string(),
    organisation: z.string(),
    photoUrl: z.string().nullable(),
  }),
  checkedInToday: z.number(),
});
export const ZCheckinCounts = z.object({ days: z.array(z.object({ day: z.string(), count: z.number() })) });
const ZTally = z.array(z.object({ key: z.string(), count: z.number() }));
export const ZParticipation = z.object({
  session: z.string(),
  organisationsAdmitted: z.number(),
  organisationsAttending: z.number(),
  countries: z.number(),
  countriesAttending: z.number(),
  regionalGroups: ZTally,
  fieldsOfWork: ZTally,
  delegatesApproved: z.number(),
  delegatesByGender: ZTally,
});
export const ZParticipants = z.object({
  organisations: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      acronym: z.string().nullable(),
      country: z.string(),
      delegates: z.array(z.string()),
    }),
  ),
});
