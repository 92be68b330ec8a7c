/**
 * Input and output schemas of the organisations module. Bodies are strict (an unknown field is a
 * 400); outputs are allowlists, so a column added to a table never leaks by accident.
 */
import { z } from "zod";
import { languages } from "../../platform/i18n/languages.js";
import { countries, regionalGroups } from "./geography.js";
import { fieldOfWorkCodes } from "./taxonomy.js";

export const kinds = ["ngo", "coalition"] as const;
export const ecosocStatuses = ["general", "special", "roster", "none"] as const;
export const organisationRoles = ["focal_point", "member"] as const;
export const coalitionStatuses = ["invited", "active", "declined", "ended"] as const;

const countryCodes = countries.map((c) => c.code) as [string, ...string[]];

/** Custom validation messages: stable keys, translated by the pages (see `organisations.messages.ts`). */
export const invalid = {
  website: "org.invalid.website",
  missionRequired: "org.invalid.missionRequired",
} as const;

/** An absolute http(s) address; javascript:, data:, mailto: and the like are refused. */
export function isSafeWebsite(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0 && !url.username
    );
  } catch {
    return false;
  }
}

export const ZSlug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const ZName = z.string().trim().min(2).max(200);
const ZAcronym = z
  .string()
  .trim()
  .max(30)
  .transform((s) => (s === "" ? null : s));
const ZWebsite = z
  .string()
  .trim()
  .max(300)
  .refine((s) => s === "" || isSafeWebsite(s), { message: invalid.website })
  .transform((s) => (s === "" ? null : s));
const unique = <T>(items: T[]) => [...new Set(items)];
const ZFields = z
  .array(z.enum(fieldOfWorkCodes))
  .max(fieldOfWorkCodes.length * 2)
  .transform(unique);
const ZLanguages = z.array(z.enum(languages)).max(12).transform(unique);
/** The mission in one or more of the six languages; empty versions are dropped. */
const ZMission = z
  .partialRecord(z.enum(languages), z.string().trim().max(5000))
  .transform(
    (m) => Object.fromEntries(Object.entries(m).filter(([, text]) => text)) as Record<string, string>,
  )
  .refine((m) => Object.keys(m).length > 0, { message: invalid.missionRequired });

const profileFields = {
  name: ZName,
  acronym: ZAcronym.nullable().optional(),
  kind: z.enum(kinds),
  country: z.enum(countryCodes),
  fieldsOfWork: ZFields,
  ecosocStatus: z.enum(ecosocStatuses),
  website: ZWebsite.nullable().optional(),
  workingLanguages: ZLanguages,
  mission: ZMission,
};

export const ZOrganisationCreate = z.strictObject({
  ...profileFields,
  kind: profileFields.kind.default("ngo"),
  fieldsOfWork: profileFields.fieldsOfWork.default([]),
  ecosocStatus: profileFields.ecosocStatus.default("none"),
  workingLanguages: profileFields.workingLanguages.default([]),
  /** optional: generated from the acronym or the name when absent */
  slug: ZSlug.optional(),
});
export type OrganisationCreate = z.output<typeof ZOrganisationCreate>;

export const ZOrganisationPatch = z.strictObject({
  name: profileFields.name.optional(),
  acronym: profileFields.acronym,
  kind: profileFields.kind.optional(),
  country: profileFields.country.optional(),
  fieldsOfWork: profileFields.fieldsOfWork.optional(),
  ecosocStatus: profileFields.ecosocStatus.optional(),
  website: profileFields.website,
  workingLanguages: profileFields.workingLanguages.optional(),
  mission: profileFields.mission.optional(),
});
export type OrganisationPatch = z.output<typeof ZOrganisationPatch>;

export const ZInvitationCreate = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  role: z.enum(organisationRoles).default("member"),
});
export type InvitationCreate = z.output<typeof ZInvitationCreate>;

export const ZMemberPatch = z.strictObject({ role: z.enum(organisationRoles) });
export const ZCoalitionInvite = z.strictObject({
  memberSlug: z.string().trim().toLowerCase().min(1).max(100),
});
export const ZVerification = z.strictObject({});

/** An empty form field (a GET form's blank select) counts as absent. */
const blank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const ZDirectoryQuery = z.object({
  q: blank(z.string().trim().max(200)),
  country: blank(z.enum(countryCodes)),
  regionalGroup: blank(z.enum(regionalGroups as [string, ...string[]])),
  /** an M49 region or sub-region code */
  region: blank(z.string().regex(/^\d{3}$/)),
  field: blank(z.enum(fieldOfWorkCodes)),
  ecosocStatus: blank(z.enum(ecosocStatuses)),
  kind: blank(z.enum(kinds)),
  /** members of the coalition with this slug */
  coalition: blank(z.string().max(100)),
  verified: blank(
    z.enum(["true", "false", "1", "0", "on"]).transform((v) => v === "true" || v === "1" || v === "on"),
  ),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
  lang: z.string().max(5).optional(),
});
export type DirectoryQuery = z.output<typeof ZDirectoryQuery>;

export const ZSlugParams = z.object({ slug: z.string().min(1).max(100) });
export const ZMemberParams = ZSlugParams.extend({ userId: z.guid() });
export const ZTokenParams = z.object({ token: z.string().min(10).max(100) });
export const ZCoalitionMemberParams = ZSlugParams.extend({ memberSlug: z.string().min(1).max(100) });
export const ZCoalitionMembershipParams = ZSlugParams.extend({ coalitionSlug: z.string().min(1).max(100) });
export const ZLangQuery = z.object({ lang: z.string().max(5).optional() });

// ---- outputs (allowlists) ----

export const ZOrganisationRef = z.object({
  slug: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  verified: z.boolean(),
});

export const ZOrganisationSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.enum(kinds),
  country: z.string(),
  regionalGroup: z.string(),
  m49Region: z.string(),
  m49Subregion: z.string().nullable(),
  fieldsOfWork: z.array(z.string()),
  ecosocStatus: z.enum(ecosocStatuses),
  workingLanguages: z.array(z.string()),
  verified: z.boolean(),
});
export type OrganisationSummary = z.output<typeof ZOrganisationSummary>;

export const ZOrganisation = ZOrganisationSummary.extend({
  website: z.string().nullable(),
  mission: z.record(z.string(), z.string()),
  verifiedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  /** active member organisations (for a coalition) */
  coalitionMembers: z.array(ZOrganisationRef),
  /** coalitions this organisation is an active member of */
  memberOf: z.array(ZOrganisationRef),
});
export type OrganisationOut = z.output<typeof ZOrganisation>;

export const ZDirectoryPage = z.object({
  items: z.array(ZOrganisationSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DirectoryPage = z.output<typeof ZDirectoryPage>;

export const ZMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  role: z.enum(organisationRoles),
  since: z.date(),
});
export const ZMembers = z.object({ items: z.array(ZMember) });

export const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(organisationRoles),
  expiresAt: z.date(),
  createdAt: z.date(),
});
export const ZInvitations = z.object({ items: z.array(ZInvitation) });

export const ZInvitationView = z.object({
  organisation: ZOrganisationRef,
  role: z.enum(organisationRoles),
  expiresAt: z.date(),
});

export const ZCoalitionLink = z.object({
  organisation: ZOrganisationRef,
  status: z.enum(coalitionStatuses),
  invitedAt: z.date(),
  respondedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
});
export const ZCoalitionLinks = z.object({
  /** member organisations of this coalition (every status) */
  asCoalition: z.array(ZCoalitionLink),
  /** coalitions that invited this organisation or that it belongs to (every status) */
  asMember: z.array(ZCoalitionLink),
});

export const ZFieldsOfWork = z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) });
export const ZCountries = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      regionalGroup: z.string(),
      regionalGroupName: z.string(),
      m49Region: z.string(),
      m49RegionName: z.string(),
      m49Subregion: z.string(),
      m49SubregionName: z.string(),
    }),
  ),
});
