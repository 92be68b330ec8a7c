/** zod schemas of panellists' private links: inputs (strict) and outputs (allowlists). */
import { z } from "zod";
import { languages } from "../../platform/i18n/languages.js";

export const ZProposalParams = z.strictObject({ id: z.uuid() });
export const ZPanellistLinkParams = z.strictObject({ id: z.uuid(), panellistId: z.uuid() });
export const ZTokenParams = z.strictObject({ token: z.string().min(1).max(100) });

export const ZLinkInput = z.strictObject({
  /** the language of the mail and of the page; default: the link's, else the asker's */
  language: z.enum(languages).optional(),
  /** mail the new link to this address (used for this mail; kept only with keepAddress) */
  email: z.email().max(254).optional(),
  /** keep the address to re-send later; purged with the session's personal data */
  keepAddress: z.boolean().optional(),
  /** mail the new link to the address kept before */
  resend: z.boolean().optional(),
});

const ZLinkState = z.object({
  language: z.enum(languages),
  createdAt: z.string(),
  mailedAt: z.string().nullable(),
  addressKept: z.boolean(),
  addressKeptUntil: z.string().nullable(),
});

export const ZPanellistLinks = z.object({
  proposalId: z.string(),
  panellists: z.array(
    z.object({
      id: z.string(),
      protected: z.boolean(),
      /** null for a protected panellist: the organisers read the identity on its own audited route */
      name: z.string().nullable(),
      pseudonym: z.string().nullable(),
      role: z.string(),
      link: ZLinkState.nullable(),
    }),
  ),
});

export const ZCreatedLink = z.object({
  /** the private address, shown only in this answer */
  url: z.string(),
  createdAt: z.string(),
  language: z.enum(languages),
  mailed: z.boolean(),
  addressKept: z.boolean(),
});

/** What a panellist's link opens: never a protected panellist's identity. */
export const ZPanellistSchedule = z.object({
  session: z.object({ slug: z.string(), name: z.string(), timeZone: z.string(), venue: z.string() }),
  you: z.object({ pseudonym: z.string().nullable(), name: z.string().nullable(), role: z.string() }),
  event: z.object({
    id: z.string(),
    title: z.string(),
    inProgramme: z.boolean(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    room: z.string().nullable(),
    organisers: z.array(z.string()),
    panel: z.array(
      z.object({ name: z.string().nullable(), pseudonym: z.string().nullable(), role: z.string() }),
    ),
  }),
  release: z.object({ number: z.number(), publishedAt: z.string() }).nullable(),
  calendar: z.string(),
});
