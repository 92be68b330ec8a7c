/** What every page component may need: language, translator, the signed-in person, the CSRF token. */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Actor } from "../context.js";
import type { Lang } from "../i18n/languages.js";
import type { Translate } from "../i18n/translate.js";

export interface PageContext {
  lang: Lang;
  t: Translate;
  actor: Actor | null;
  csrfToken: string;
  /** current path and query, for language links and redirects after sign-in */
  url: string;
}

export const PageCtx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error("usePage() outside a page");
  return ctx;
}
