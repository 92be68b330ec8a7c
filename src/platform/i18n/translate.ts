/**
 * ICU message formatting over the joined catalogues, and locale-aware dates and numbers.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { type MessageKey, messages } from "./catalogue.js";
import type { Lang } from "./languages.js";

export type { MessageKey };

type Values = Record<string, string | number | Date | boolean | null | undefined>;

const compiled = new Map<string, IntlMessageFormat>();

export function translate(lang: Lang, key: MessageKey, values?: Values): string {
  const source = messages[lang][key] ?? messages.en[key] ?? key;
  if (!values && !source.includes("{")) return source;
  const cacheKey = `${lang}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, lang);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values as Record<string, string | number | Date | boolean>));
}

export type Translate = (key: MessageKey, values?: Values) => string;

export function translator(lang: Lang): Translate {
  return (key, values) => translate(lang, key, values);
}

/** The UN writes British English: "19 October 2012". */
const formatLocale = (lang: Lang) => (lang === "en" ? "en-GB" : lang);

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(
  lang: Lang,
  value: Date | string,
  options: Intl.DateTimeFormatOptions & { timeZone?: string } = { dateStyle: "long" },
): string {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(formatLocale(lang), options);
    dateFormats.set(key, format);
  }
  return format.format(typeof value === "string" ? new Date(value) : value);
}

/** A calendar date (YYYY-MM-DD, no time zone) formatted for the language. */
export function formatDay(
  lang: Lang,
  isoDate: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "long" },
) {
  return formatDate(lang, `${isoDate.slice(0, 10)}T12:00:00Z`, { ...options, timeZone: "UTC" });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(formatLocale(lang));
    numberFormats.set(lang, format);
  }
  return format.format(value);
}
