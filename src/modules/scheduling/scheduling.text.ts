/** Scheduling facts in words, in the reader's language: the rules a placement breaks. */
import type { Lang } from "../../platform/i18n/languages.js";
import { type MessageKey, translate } from "../../platform/i18n/translate.js";
import { localized } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import type { Conflict } from "./scheduling.conflicts.js";

/** Why a placement breaks a rule; the other event is named by its title, people never. */
export function conflictText(
  lang: Lang,
  conflict: Pick<Conflict, "rule" | "params">,
  titles: Map<string, Localized>,
  agendaItems: Map<string, string> = new Map(),
): string {
  const params: Record<string, string | number> = { ...conflict.params };
  // the optimiser names an agenda item by its id: the reader sees its number
  for (const key of ["agendaItem", "agendaItemId"]) {
    const id = params[key];
    if (typeof id === "string") params.agendaItem = agendaItems.get(id) ?? id;
  }
  if (typeof params.otherEvent === "string") {
    const title = titles.get(params.otherEvent);
    params.otherEvent = title ? localized(title, lang) : "—";
  }
  return translate(lang, `scheduling.rule.${conflict.rule}` as MessageKey, params);
}
