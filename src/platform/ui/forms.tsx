/**
 * Form fields that keep what the user typed and show each field's error next to it, linked by
 * aria-describedby, plus the parsing of form bodies through the same zod schemas as the API.
 */
import type { ComponentChildren } from "preact";
import type { z } from "zod";
import type { Translate } from "../i18n/translate.js";
import { CsrfField, ErrorSummary } from "./layout.js";

export type FormValues = Record<string, string | string[] | undefined>;
export type FormErrors = Record<string, string>;

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint && `${props.name}-hint`, props.error && `${props.name}-error`].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** What ties a control to its label (id), its hint and error (aria-describedby), and marks it invalid. */
function controlOf(props: FieldProps) {
  return {
    id: props.name,
    name: props.name,
    required: props.required,
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(props),
  };
}

/** A field's hint and error, each with the id that aria-describedby names. */
function HintAndError(props: Omit<FieldProps, "label">) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.name}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      <HintAndError {...props} />
      {props.children}
    </div>
  );
}

/**
 * Several inputs under one legend, with the group's hint and error (a "fill in at least one" error
 * lands here); the fieldset's id is the name, so the error summary's link leads to it.
 */
export function FieldGroup(props: FieldProps & { children: ComponentChildren }) {
  return (
    <fieldset id={props.name} aria-describedby={describedBy(props)}>
      <legend>{props.label}</legend>
      <HintAndError {...props} />
      {props.children}
    </fieldset>
  );
}

/** What the user typed back into each field after a refused submission, with the field's error. */
export function filledFields(values: FormValues | undefined, errors: FormErrors | undefined) {
  return {
    /** a text field, text area or select: `<TextField {...field("title")} label=… />` */
    field: (name: string) => ({ name, value: str(values, name), error: errors?.[name] }),
    /** a group of checkboxes or radios: `<ChoiceGroup {...choices("themes")} label=… />` */
    choices: (name: string) => ({ name, values: list(values, name), error: errors?.[name] }),
  };
}

/** The choices of a select or a group of checkboxes, each value with its (translated) label. */
export function optionsOf<V extends string>(
  values: readonly V[],
  label: (value: V) => string,
): Array<{ value: V; label: string }> {
  return values.map((value) => ({ value, label: label(value) }));
}

/** A problem with the whole form (or one part of a page), announced when the page opens. */
export function FormProblem(props: { text?: string; id?: string }) {
  return props.text ? (
    <p class="field-error" role="alert" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

export function TextField(
  props: FieldProps & {
    value?: string;
    type?: "text" | "email" | "password" | "url" | "search" | "date" | "datetime-local" | "number";
    autocomplete?: string;
    maxLength?: number;
    lang?: string;
    dir?: "ltr" | "rtl" | "auto";
  },
) {
  return (
    <FieldFrame {...props}>
      <input
        {...controlOf(props)}
        type={(props.type ?? "text") as "text"}
        value={props.type === "password" ? undefined : props.value}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        lang={props.lang}
        dir={props.dir}
      />
    </FieldFrame>
  );
}

export function TextArea(
  props: FieldProps & {
    value?: string;
    rows?: number;
    lang?: string;
    dir?: "ltr" | "rtl" | "auto";
    maxLength?: number;
  },
) {
  return (
    <FieldFrame {...props}>
      <textarea
        {...controlOf(props)}
        rows={props.rows ?? 5}
        lang={props.lang}
        dir={props.dir}
        maxLength={props.maxLength}
      >
        {props.value ?? ""}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & {
    value?: string;
    options: Array<{ value: string; label: string }>;
    emptyLabel?: string;
  },
) {
  return (
    <FieldFrame {...props}>
      <select {...controlOf(props)}>
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes (or radios) under one legend. */
export function ChoiceGroup(
  props: FieldProps & {
    values?: string[];
    options: Array<{ value: string; label: string }>;
    type?: "checkbox" | "radio";
  },
) {
  const selected = new Set(props.values ?? []);
  return (
    <FieldGroup {...props}>
      <div class="choices">
        {props.options.map((o) => (
          <label>
            <input
              type={props.type ?? "checkbox"}
              name={props.name}
              value={o.value}
              checked={selected.has(o.value)}
            />{" "}
            {o.label}
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}

/** A file to upload (a photo), with its hint and error like the other fields. */
export function FileField(props: FieldProps & { accept: string }) {
  return (
    <FieldFrame {...props}>
      <input type="file" {...controlOf(props)} accept={props.accept} />
    </FieldFrame>
  );
}

/**
 * A form that changes something: posts with the CSRF field, lists its errors first with a link to
 * each field (the browser's own checks are off so that every error is said the same way), and ends
 * with its submit button.
 */
export function PostForm(props: {
  action: string;
  errors?: FormErrors;
  submitLabel: string;
  id?: string;
  children: ComponentChildren;
}) {
  return (
    <form id={props.id} method="post" action={props.action} class="stacked" novalidate>
      <CsrfField />
      <ErrorSummary errors={props.errors} />
      {props.children}
      <p>
        <button type="submit">{props.submitLabel}</button>
      </p>
    </form>
  );
}

/** A form field's value as a string (the first, if repeated). */
export function str(values: FormValues | undefined, name: string): string | undefined {
  const v = values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A form field's values as a list (checkboxes). */
export function list(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Turns a zod error into one translated message per field, for the form and its summary. */
export function formErrors(t: Translate, error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    if (errors[field]) continue;
    const i = issue as z.core.$ZodIssue & {
      minimum?: number | bigint;
      maximum?: number | bigint;
      origin?: string;
    };
    switch (i.code) {
      case "too_small":
        errors[field] =
          i.origin === "string" && Number(i.minimum) <= 1
            ? t("form.invalid.required")
            : t("form.invalid.tooShort", { min: Number(i.minimum) });
        break;
      case "too_big":
        errors[field] = t("form.invalid.tooLong", { max: Number(i.maximum) });
        break;
      case "invalid_format":
        errors[field] = t(
          i.format === "email"
            ? "form.invalid.email"
            : i.format === "url"
              ? "form.invalid.url"
              : "form.invalid.format",
        );
        break;
      case "invalid_value":
        errors[field] = t("form.invalid.choice");
        break;
      case "invalid_type":
        errors[field] = i.input === undefined ? t("form.invalid.required") : t("form.invalid.format");
        break;
      case "custom":
        errors[field] =
          issue.message && issue.message !== "Invalid input" ? issue.message : t("form.invalid.format");
        break;
      default:
        errors[field] = t("form.invalid.format");
    }
  }
  return errors;
}
