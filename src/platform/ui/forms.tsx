/**
 * Form fields that keep what the user typed and show each field's error next to it, linked by
 * aria-describedby, plus the parsing of form bodies through the same zod schemas as the API.
 */
import type { ComponentChildren } from "preact";
import type { z } from "zod";
import type { Translate } from "../i18n/translate.js";

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

function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
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
      {props.children}
    </div>
  );
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
        id={props.name}
        name={props.name}
        type={(props.type ?? "text") as "text"}
        value={props.type === "password" ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        lang={props.lang}
        dir={props.dir}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
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
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        lang={props.lang}
        dir={props.dir}
        maxLength={props.maxLength}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
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
      <select
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
      >
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
    <fieldset id={props.name} aria-describedby={describedBy(props)}>
      <legend>{props.label}</legend>
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
    </fieldset>
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
