/**
 * The secretariat's form of a session, and what the module's forms share: form values to the API's
 * input and back, translated field errors, and the building blocks (fields in six languages, a day
 * and times). Usable without JavaScript. Field names are the paths of the API's schemas
 * ("venue.city", "name.fr"), so one zod schema validates both and its errors land on the right
 * field. The forms of a session's items are in sessions.items.forms.tsx.
 */
import countries from "i18n-iso-countries";
import type { ComponentChildren } from "preact";
import type { z } from "zod";
import { direction, type Lang, languageNames, languages } from "../../platform/i18n/languages.js";
import type { MessageKey, Translate } from "../../platform/i18n/translate.js";
import {
  ChoiceGroup,
  FieldGroup,
  type FormErrors,
  type FormValues,
  filledFields,
  formErrors,
  list,
  optionsOf,
  PostForm,
  SelectField,
  str,
  TextField,
} from "../../platform/ui/forms.js";
import { usePage } from "../../platform/ui/page-context.js";
import type { AgendaItem, Deadline, Room, Session, TimeSlot } from "./sessions.service.js";
import { isTimeZone, toDateTimeLocal } from "./sessions.time.js";

// ---- form values to API-shaped input, and zod errors to translated field errors

const text = (v: FormValues, name: string) => {
  const value = str(v, name)?.trim();
  return value ? value : undefined;
};
/** A whole number if it looks like one; anything else goes to zod as typed, to be refused. */
const whole = (v: FormValues, name: string) => {
  const value = text(v, name);
  return value !== undefined && /^-?\d{1,9}$/.test(value) ? Number(value) : value;
};
const localizedInput = (v: FormValues, name: string) =>
  Object.fromEntries(
    languages.flatMap((l) => (text(v, `${name}.${l}`) ? [[l, text(v, `${name}.${l}`)]] : [])),
  );

export const formInput = {
  session: (v: FormValues) => ({
    slug: text(v, "slug")?.toLowerCase(),
    number: whole(v, "number") ?? null,
    name: localizedInput(v, "name"),
    body: localizedInput(v, "body"),
    startsOn: text(v, "startsOn"),
    endsOn: text(v, "endsOn"),
    venue: { name: text(v, "venue.name"), city: text(v, "venue.city"), country: text(v, "venue.country") },
    timeZone: text(v, "timeZone"),
    workingLanguages: list(v, "workingLanguages"),
    status: text(v, "status"),
    observerApplicationDeadline: text(v, "observerApplicationDeadline") ?? null,
    sideEventProposalDeadline: text(v, "sideEventProposalDeadline") ?? null,
    rule17CirculationDays: whole(v, "rule17CirculationDays"),
    objectionWindowDays: whole(v, "objectionWindowDays"),
    delegateQuota: whole(v, "delegateQuota"),
    retentionDays: whole(v, "retentionDays"),
  }),
  "agenda-items": (v: FormValues) => ({
    number: text(v, "number")?.replaceAll(" ", ""),
    title: localizedInput(v, "title"),
    position: whole(v, "position"),
  }),
  rooms: (v: FormValues) => ({
    name: text(v, "name"),
    capacity: whole(v, "capacity"),
    equipment: list(v, "equipment"),
  }),
  "time-slots": (v: FormValues) => ({ date: text(v, "date"), start: text(v, "start"), end: text(v, "end") }),
  deadlines: (v: FormValues) => ({ label: localizedInput(v, "label"), dueAt: text(v, "dueAt") }),
};

/** One translated message per field; our own refinements carry a message key. */
export function fieldErrors(t: Translate, error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.filter((p) => typeof p === "string").join(".") || "form";
    if (errors[field]) continue;
    if (issue.message.startsWith("sessions.invalid.")) errors[field] = t(issue.message as MessageKey);
    else
      errors[field] =
        Object.values(formErrors(t, { issues: [issue] } as z.ZodError))[0] ?? t("form.invalid.format");
  }
  return errors;
}

// ---- values of existing objects, to fill the edit forms

const localizedValues = (name: string, text: Partial<Record<Lang, string>>) =>
  Object.fromEntries(languages.map((l) => [`${name}.${l}`, text[l] ?? ""]));

export const formValues = {
  session: (s: Session): FormValues => ({
    slug: s.slug,
    number: s.number === null ? "" : String(s.number),
    ...localizedValues("name", s.name),
    ...localizedValues("body", s.body),
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    "venue.name": s.venue.name,
    "venue.city": s.venue.city,
    "venue.country": s.venue.country,
    timeZone: s.timeZone,
    workingLanguages: s.workingLanguages,
    status: s.status,
    observerApplicationDeadline: s.observerApplicationDeadline
      ? toDateTimeLocal(s.observerApplicationDeadline, s.timeZone)
      : "",
    sideEventProposalDeadline: s.sideEventProposalDeadline
      ? toDateTimeLocal(s.sideEventProposalDeadline, s.timeZone)
      : "",
    rule17CirculationDays: String(s.rule17CirculationDays),
    objectionWindowDays: String(s.objectionWindowDays),
    delegateQuota: String(s.delegateQuota),
    retentionDays: String(s.retentionDays),
    version: String(s.version),
  }),
  "agenda-items": (a: AgendaItem): FormValues => ({
    number: a.number,
    ...localizedValues("title", a.title),
    position: String(a.position),
  }),
  rooms: (r: Room): FormValues => ({ name: r.name, capacity: String(r.capacity), equipment: r.equipment }),
  "time-slots": (s: TimeSlot): FormValues => ({ date: s.date, start: s.start, end: s.end }),
  deadlines: (d: Deadline, timeZone: string): FormValues => ({
    ...localizedValues("label", d.label),
    dueAt: toDateTimeLocal(d.dueAt, timeZone),
  }),
};

// ---- building blocks

export interface FormProps {
  action: string;
  values: FormValues;
  errors: FormErrors;
  submitLabel: string;
}

/** The same field in each of the six languages, under one legend (the error of "at least one" goes here). */
export function LocalizedFields(props: {
  name: string;
  legend: string;
  hint?: string;
  values: FormValues;
  errors: FormErrors;
  maxLength: number;
}) {
  const { field } = filledFields(props.values, props.errors);
  return (
    <FieldGroup name={props.name} label={props.legend} hint={props.hint} error={props.errors[props.name]}>
      {languages.map((l) => (
        <TextField
          {...field(`${props.name}.${l}`)}
          label={languageNames[l]}
          lang={l}
          dir={direction(l)}
          maxLength={props.maxLength}
        />
      ))}
    </FieldGroup>
  );
}

/** A 24-hour local time; the platform's TextField knows no "time" type, and renders any. */
export function TimeField(props: {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  errors: FormErrors;
}) {
  return (
    <TextField
      {...filledFields(props.values, props.errors).field(props.name)}
      label={props.label}
      hint={props.hint}
      type={"time" as "text"}
      required
    />
  );
}

/** A day and local start and end times in the session's time zone (time slots, plenary meetings). */
export function DayAndTimesFields(props: Pick<FormProps, "values" | "errors"> & { timeZone: string }) {
  const { t } = usePage();
  const { values, errors } = props;
  const hint = t("sessions.field.clock.hint", { zone: props.timeZone });
  return (
    <>
      <TextField
        {...filledFields(values, errors).field("date")}
        type="date"
        label={t("sessions.field.slotDate")}
        required
      />
      <TimeField
        name="start"
        label={t("sessions.field.slotStart")}
        hint={hint}
        values={values}
        errors={errors}
      />
      <TimeField name="end" label={t("sessions.field.slotEnd")} hint={hint} values={values} errors={errors} />
    </>
  );
}

export function FormFrame(props: FormProps & { children: ComponentChildren }) {
  return <PostForm id="form" {...props} />;
}

const regionNames = new Map<Lang, Intl.DisplayNames>();
export function countryName(lang: Lang, code: string): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "region" });
    regionNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

const countryOptions = new Map<Lang, Array<{ value: string; label: string }>>();
function countriesFor(lang: Lang) {
  let options = countryOptions.get(lang);
  if (!options) {
    const collator = new Intl.Collator(lang);
    options = Object.keys(countries.getAlpha2Codes())
      .map((code) => ({ value: code, label: countryName(lang, code) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    countryOptions.set(lang, options);
  }
  return options;
}

const zoneOptions = ["UTC", ...Intl.supportedValuesOf("timeZone")].map((z) => ({
  value: z,
  label: z.replaceAll("_", " "),
}));
function zonesWith(current: string | undefined) {
  return current && isTimeZone(current) && !zoneOptions.some((o) => o.value === current)
    ? [{ value: current, label: current }, ...zoneOptions]
    : zoneOptions;
}

// ---- the session's form

/** The session's rules, each with the value it takes when left empty. */
const ruleDefaults = [
  ["rule17CirculationDays", 30],
  ["objectionWindowDays", 14],
  ["delegateQuota", 5],
  ["retentionDays", 90],
] as const;

export function SessionForm(props: FormProps & { editing?: boolean }) {
  const { t, lang } = usePage();
  const { values, errors } = props;
  const { field, choices } = filledFields(values, errors);
  return (
    <FormFrame {...props}>
      {props.editing && <input type="hidden" name="version" value={str(values, "version")} />}
      <LocalizedFields
        name="name"
        legend={t("sessions.field.name")}
        hint={t("sessions.field.name.hint")}
        values={values}
        errors={errors}
        maxLength={300}
      />
      <TextField
        {...field("slug")}
        label={t("sessions.field.slug")}
        hint={t("sessions.field.slug.hint")}
        required
      />
      <TextField {...field("number")} type="number" label={t("sessions.field.number")} />
      <LocalizedFields
        name="body"
        legend={t("sessions.field.body")}
        hint={t("sessions.field.body.hint")}
        values={values}
        errors={errors}
        maxLength={500}
      />
      <TextField {...field("startsOn")} type="date" label={t("sessions.field.startsOn")} required />
      <TextField {...field("endsOn")} type="date" label={t("sessions.field.endsOn")} required />
      <TextField {...field("venue.name")} label={t("sessions.field.venueName")} required />
      <TextField {...field("venue.city")} label={t("sessions.field.venueCity")} required />
      <SelectField
        {...field("venue.country")}
        label={t("sessions.field.venueCountry")}
        options={countriesFor(lang)}
        emptyLabel=""
        required
      />
      <SelectField
        {...field("timeZone")}
        label={t("sessions.field.timeZone")}
        hint={t("sessions.field.timeZone.hint")}
        options={zonesWith(str(values, "timeZone"))}
        emptyLabel=""
        required
      />
      <ChoiceGroup
        {...choices("workingLanguages")}
        label={t("sessions.field.workingLanguages")}
        options={optionsOf(languages, (l) => languageNames[l])}
      />
      <ChoiceGroup
        {...choices("status")}
        values={[str(values, "status") ?? "draft"]}
        type="radio"
        label={t("sessions.field.status")}
        options={[
          { value: "draft", label: t("sessions.status.draft.hint") },
          { value: "published", label: t("sessions.status.published.hint") },
        ]}
      />
      <fieldset>
        <legend>{t("sessions.field.deadlines")}</legend>
        <p class="hint">{t("sessions.field.localTime.hint")}</p>
        <TextField
          {...field("observerApplicationDeadline")}
          type="datetime-local"
          label={t("sessions.deadline.observerApplications")}
        />
        <TextField
          {...field("sideEventProposalDeadline")}
          type="datetime-local"
          label={t("sessions.deadline.sideEventProposals")}
        />
      </fieldset>
      <fieldset>
        <legend>{t("sessions.field.rules")}</legend>
        {ruleDefaults.map(([name, value]) => (
          <TextField
            {...field(name)}
            type="number"
            label={t(`sessions.field.${name}`)}
            hint={t("sessions.field.default", { value })}
          />
        ))}
      </fieldset>
    </FormFrame>
  );
}
