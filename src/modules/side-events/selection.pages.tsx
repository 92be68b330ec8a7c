/** The bulk decision form of the ranking page; the proposals' checkboxes belong to it by form="…". */
import { formatNumber } from "../../platform/i18n/translate.js";
import { TextField } from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";

export const BULK_FORM = "bulk-decision";

export function BulkDecisionForm(props: { slug: string; placesLeft: number; error?: string }) {
  const { t, lang } = usePage();
  return (
    <form id={BULK_FORM} method="post" action={`/sessions/${props.slug}/side-events/decisions`}>
      <CsrfField />
      <fieldset>
        <legend>{t("sideEvents.bulk.legend")}</legend>
        <p class="hint">{t("sideEvents.bulk.hint")}</p>
        <p>{t("sideEvents.bulk.places", { n: formatNumber(lang, props.placesLeft) })}</p>
        {props.error && (
          <p class="field-error" role="alert">
            {props.error}
          </p>
        )}
        <p>
          <button type="submit" name="decision" value="accept">
            {t("sideEvents.bulk.accept")}
          </button>{" "}
          <button type="submit" name="decision" value="waitlist" class="secondary">
            {t("sideEvents.bulk.waitlist")}
          </button>{" "}
          <button type="submit" name="decision" value="reject" class="secondary">
            {t("sideEvents.bulk.reject")}
          </button>
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
