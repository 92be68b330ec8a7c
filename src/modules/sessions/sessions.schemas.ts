/**
 * Input and output schemas of the sessions module. Inputs are strict (unknown fields are refused);
 * outputs are allowlists. Messages of custom refinements are message keys, translated by the pages.
 */
import countries from "i18n-iso-countries";
import { z } from "zod";
import { languages } from "../../platform/i18n/languages.js";
import { equipmentCodes } from "./sessions.tables.js";
import { isCalendarDate, isDateTimeInput, isTimeZone } from "./sessions.time.js";

/** Slugs that are addresses of pages, not sessions. */
const reservedSlugs = new Set(["new", "manage", "api", "admin"]);

const text = (max: number) => z.string().trim().min(1).max(max);

/** Text in some of the six languages ({"en": "...", "fr": "..."}). */
const ZLocalizedOptional = (max: number) =>
  z.strictObject(
    Object.fromEntries(languages.map((l) => [l, text(max).optional()])) as Record<
      (typeof languages)[number],
      z.ZodOptional<z.ZodString>
    >,
  );
/** Text in one or more of the six languages. */
const ZLocalizedInput = (max: number) =>
  ZLocalizedOptional(max).refine(
    (value) => Object.values(value).some((v) => typeof v === "string" && v.length > 0),
    {
      message: "sessions.invalid.oneLanguage",
    },
  );

const ZLocalized = z
  .object(
    Object.fromEntries(languages.map((l) => [l, z.string().optional()])) as Record<
      (typeof languages)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .meta({ description: "Text by language code; at least one of en, fr, es, ar, ru, zh" });

export const ZSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { message: "sessions.invalid.slug" })
  .refine((s) => !reservedSlugs.has(s), { message: "sessions.invalid.slugReserved" });

const ZDate = z
  .string()
  .refine(isCalendarDate, { message: "sessions.invalid.date" })
  .meta({ format: "date", examples: ["2012-10-15"] });
const ZClockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: "sessions.invalid.time" })
  .meta({ examples: ["13:15"] });
/** With an offset: that instant; without: the wall clock of the session's time zone. */
const ZDateTimeInput = z
  .string()
  .refine(isDateTimeInput, { message: "sessions.invalid.dateTime" })
  .meta({
    description: "ISO 8601 date-time; without an offset it is read in the session's time zone",
    examples: ["2012-09-14T23:59", "2012-09-14T21:59:00Z"],
  });
const ZTimeZone = z
  .string()
  .refine(isTimeZone, { message: "sessions.invalid.timeZone" })
  .meta({ description: "IANA time zone", examples: ["Europe/Vienna"] });
const ZCountry = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: "sessions.invalid.country" })
  .refine((c) => countries.isValid(c), { message: "sessions.invalid.country" })
  .meta({ description: "ISO 3166-1 alpha-2" });

export const ZLanguage = z.enum(languages);
export const ZStatus = z.enum(["draft", "published"]);
export const ZEquipment = z.enum(equipmentCodes);

const unique = <T>(items: T[]) => new Set(items).size === items.length;

/** The fields of a session; every one optional in a PATCH. No zod defaults: a PATCH must not reset. */
const sessionShape = {
  slug: ZSlug,
  number: z.number().int().min(1).max(10_000).nullable(),
  name: ZLocalizedInput(300),
  body: ZLocalizedOptional(500),
  startsOn: ZDate,
  endsOn: ZDate,
  venue: z.strictObject({ name: text(200), city: text(100), country: ZCountry }),
  timeZone: ZTimeZone,
  workingLanguages: z
    .array(ZLanguage)
    .min(1)
    .max(6)
    .refine(unique, { message: "sessions.invalid.duplicate" }),
  status: ZStatus,
  observerApplicationDeadline: ZDateTimeInput.nullable(),
  sideEventProposalDeadline: ZDateTimeInput.nullable(),
  rule17CirculationDays: z.number().int().min(0).max(365),
  objectionWindowDays: z.number().int().min(0).max(365),
  delegateQuota: z.number().int().min(1).max(1000),
  retentionDays: z.number().int().min(0).max(3650),
};

export const ZSessionCreate = z.strictObject({
  ...sessionShape,
  number: sessionShape.number.optional(),
  body: sessionShape.body.optional(),
  status: sessionShape.status.optional(),
  observerApplicationDeadline: sessionShape.observerApplicationDeadline.optional(),
  sideEventProposalDeadline: sessionShape.sideEventProposalDeadline.optional(),
  rule17CirculationDays: sessionShape.rule17CirculationDays.optional(),
  objectionWindowDays: sessionShape.objectionWindowDays.optional(),
  delegateQuota: sessionShape.delegateQuota.optional(),
  retentionDays: sessionShape.retentionDays.optional(),
});
export type SessionCreate = z.infer<typeof ZSessionCreate>;

export const ZSessionPatch = z.strictObject(sessionShape).partial();
export type SessionPatch = z.infer<typeof ZSessionPatch>;

const agendaItemShape = {
  number: z
    .string()
    .trim()
    .regex(/^\d{1,3}(?:\([a-z]{1,3}\))?$/, { message: "sessions.invalid.agendaNumber" })
    .meta({ examples: ["2", "3(a)"] }),
  title: ZLocalizedInput(500),
  position: z.number().int().min(0).max(10_000),
};
export const ZAgendaItemCreate = z.strictObject({
  ...agendaItemShape,
  position: agendaItemShape.position.optional(),
});
export const ZAgendaItemPatch = z.strictObject(agendaItemShape).partial();
export type AgendaItemCreate = z.infer<typeof ZAgendaItemCreate>;
export type AgendaItemPatch = z.infer<typeof ZAgendaItemPatch>;

const roomShape = {
  name: text(100),
  capacity: z.number().int().min(1).max(100_000),
  equipment: z
    .array(ZEquipment)
    .max(equipmentCodes.length)
    .refine(unique, { message: "sessions.invalid.duplicate" }),
};
export const ZRoomCreate = z.strictObject({ ...roomShape, equipment: roomShape.equipment.optional() });
export const ZRoomPatch = z.strictObject(roomShape).partial();
export type RoomCreate = z.infer<typeof ZRoomCreate>;
export type RoomPatch = z.infer<typeof ZRoomPatch>;

/** A side-event slot: a day and local start and end times in the session's time zone. */
const timeSlotShape = { date: ZDate, start: ZClockTime, end: ZClockTime };
export const ZTimeSlotCreate = z.strictObject(timeSlotShape);
export const ZTimeSlotPatch = z.strictObject(timeSlotShape).partial();
export type TimeSlotCreate = z.infer<typeof ZTimeSlotCreate>;
export type TimeSlotPatch = z.infer<typeof ZTimeSlotPatch>;

const deadlineShape = { label: ZLocalizedInput(200), dueAt: ZDateTimeInput };
export const ZDeadlineCreate = z.strictObject(deadlineShape);
export const ZDeadlinePatch = z.strictObject(deadlineShape).partial();
export type DeadlineCreate = z.infer<typeof ZDeadlineCreate>;
export type DeadlinePatch = z.infer<typeof ZDeadlinePatch>;

/**
 * A plenary meeting: a day, local start and end times in the session's time zone, an optional
 * title, and the agenda items taken up (ids of the session's agenda items, in order).
 */
const plenaryMeetingShape = {
  date: ZDate,
  start: ZClockTime,
  end: ZClockTime,
  title: ZLocalizedOptional(300),
  agendaItemIds: z
    .array(z.string().trim().min(1).max(100))
    .min(1, { message: "sessions.invalid.agendaItems" })
    .max(100)
    .refine(unique, { message: "sessions.invalid.duplicate" })
    .meta({ description: "ids of the session's agenda items the plenary takes up, in order" }),
};
export const ZPlenaryMeetingCreate = z.strictObject({
  ...plenaryMeetingShape,
  title: plenaryMeetingShape.title.optional(),
});
export const ZPlenaryMeetingPatch = z.strictObject(plenaryMeetingShape).partial();
export type PlenaryMeetingCreate = z.infer<typeof ZPlenaryMeetingCreate>;
export type PlenaryMeetingPatch = z.infer<typeof ZPlenaryMeetingPatch>;

// ---- params and queries

export const ZSlugParams = z.object({ slug: z.string().min(1).max(100) });
export const ZItemParams = ZSlugParams.extend({ id: z.string().min(1).max(100) });
export const ZListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  lang: z.string().optional(),
});
export const ZLangQuery = z.object({ lang: z.string().optional() });

// ---- outputs (allowlists)

const ZInstant = z.iso.datetime();

export const ZSession = z.object({
  id: z.string(),
  slug: z.string(),
  number: z.number().nullable(),
  name: ZLocalized,
  body: ZLocalized,
  startsOn: z.string().meta({ format: "date" }),
  endsOn: z.string().meta({ format: "date" }),
  venue: z.object({ name: z.string(), city: z.string(), country: z.string() }),
  timeZone: z.string(),
  workingLanguages: z.array(z.string()),
  status: ZStatus,
  observerApplicationDeadline: ZInstant.nullable(),
  sideEventProposalDeadline: ZInstant.nullable(),
  rule17CirculationDays: z.number(),
  objectionWindowDays: z.number(),
  delegateQuota: z.number(),
  retentionDays: z.number(),
  version: z.number(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});

export const ZAgendaItem = z.object({
  id: z.string(),
  number: z.string(),
  title: ZLocalized,
  position: z.number(),
});
export const ZRoom = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number(),
  equipment: z.array(z.string()),
});
export const ZTimeSlot = z.object({
  id: z.string(),
  date: z.string().meta({ format: "date", description: "local date in the session's time zone" }),
  start: z.string().meta({ description: "local start time HH:MM" }),
  end: z.string().meta({ description: "local end time HH:MM" }),
  startsAt: ZInstant,
  endsAt: ZInstant,
});
export const ZDeadline = z.object({ id: z.string(), label: ZLocalized, dueAt: ZInstant });
export const ZPlenaryMeeting = z.object({
  id: z.string(),
  date: z.string().meta({ format: "date", description: "local date in the session's time zone" }),
  start: z.string().meta({ description: "local start time HH:MM" }),
  end: z.string().meta({ description: "local end time HH:MM" }),
  startsAt: ZInstant,
  endsAt: ZInstant,
  title: ZLocalized,
  agendaItemIds: z.array(z.string()),
});

export const ZSessionDetail = ZSession.extend({
  agendaItems: z.array(ZAgendaItem),
  rooms: z.array(ZRoom),
  timeSlots: z.array(ZTimeSlot),
  deadlines: z.array(ZDeadline),
  plenaryMeetings: z.array(ZPlenaryMeeting),
});

export const ZSessionPage = z.object({
  items: z.array(ZSession),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
