/** The bulk decision form of the ranking page; the proposals' checkboxes belong to it by form="…". */
import { formatNumber } from "../../platform/i18n/translate.js";
import { type Choice, ChoiceButtons } from "../../platform/ui/action-buttons.js";
import { FormProblem, TextField } from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";

export const BULK_FORM = "bulk-decision";

/** The secretariat's answers to a proposal, for one or many: accept first, the other two less usual. */
export function decisionChoices(label: (decision: "accept" | "waitlist" | "reject") => string): Choice[] {
  return [
    { value: "accept", label: label("accept") },
    { value: "waitlist", label: label("waitlist"), kind: "secondary" },
    { value: "reject", label: label("reject"), kind: "secondary" },
  ];
}

export function BulkDecisionForm(props: { slug: string; placesLeft: number; error?: string }) {
  const { t, lang } = usePage();
  return (
    <form id={BULK_FORM} method="post" action={`/sessions/${props.slug}/side-events/decisions`}>
      <CsrfField />
      <fieldset>
        <legend>{t("sideEvents.bulk.legend")}</legend>
        <p class="hint">{t("sideEvents.bulk.hint")}</p>
        <p>{t("sideEvents.bulk.places", { n: formatNumber(lang, props.placesLeft) })}</p>
        <FormProblem text={props.error} />
        <p>
          <ChoiceButtons name="decision" choices={decisionChoices((d) => t(`sideEvents.bulk.${d}`))} />
        </p>
        <TextField name="top" type="number" label={t("sideEvents.bulk.top")} value="" />
        <button type="submit" name="decision" value="top">
          {t("sideEvents.bulk.acceptTop")}
        </button>
      </fieldset>
    </form>
  );
}

export function BulkCheckbox(props: { id: string; title: Localized; status: string }) {
  const { t, lang } = usePage();
  if (props.status !== "submitted" && props.status !== "waitlisted") return null;
  return (
    <input
      type="checkbox"
      form={BULK_FORM}
      name="proposalId"
      value={props.id}
      aria-label={t("sideEvents.bulk.select", { title: localized(props.title, lang) })}
    />
  );
}
