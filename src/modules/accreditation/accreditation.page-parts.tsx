/**
 * Small parts shared by the accreditation pages: notices, the session line under a title, and
 * the country and regional-group choices of the filters.
 */
import type { Lang } from "../../platform/i18n/languages.js";
import { usePage } from "../../platform/ui/page-context.js";
import { type RegionalGroup, regionalGroupName, regionalGroups } from "../organisations/geography.js";
import { countriesIn } from "../organisations/organisations.service.js";
import { localized, type Session } from "../sessions/sessions.service.js";

export type Rows<F extends (...a: never[]) => Promise<{ items: unknown[] }>> = Awaited<
  ReturnType<F>
>["items"];

export function Notice(props: { text?: string; error?: string }) {
  return (
    <>
      {props.text && (
        <p class="notice" role="status">
          {props.text}
        </p>
      )}
      {props.error && (
        <p class="notice error" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}

export function SessionLead(props: { session: Session }) {
  const { lang } = usePage();
  return (
    <p class="lead">
      <a href={`/sessions/${props.session.slug}`}>{localized(props.session.name, lang)}</a>
    </p>
  );
}

export const countryOptions = (lang: Lang) =>
  countriesIn(lang).map((c) => ({ value: c.code, label: c.name }));
export const groupOptions = (lang: Lang) =>
  regionalGroups.map((g) => ({ value: g, label: regionalGroupName(g, lang) }));
export const groupLabel = (g: string, lang: Lang) =>
  (regionalGroups as readonly string[]).includes(g) ? regionalGroupName(g as RegionalGroup, lang) : g;
