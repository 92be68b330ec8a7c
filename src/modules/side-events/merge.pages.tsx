/**
 * Pages of merging two proposals: the secretariat's list of a session's merges with the form to
 * propose one, and a merge's page where each lead organisation's focal point consents or declines.
 * Protected panellists appear by pseudonym and role only.
 */
import { formatDate } from "../../platform/i18n/translate.js";
import { AnswerButtons } from "../../platform/ui/action-buttons.js";
import { FormProblem, SelectField, TextArea } from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized, type SessionDetail } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import type { Merge } from "./merge.service.js";

function MergeSummary(props: { merge: Merge; link?: boolean }) {
  const { t, lang } = usePage();
  const m = props.merge;
  return (
    <>
      <p>
        {t("sideEvents.merge.survivor")}: <strong>{localized(m.survivor.title, lang)}</strong> (
        {m.survivor.lead})
        <br />
        {t("sideEvents.merge.absorbed")}: <strong>{localized(m.absorbed.title, lang)}</strong> (
        {m.absorbed.lead})
      </p>
      <p>
        {t("sideEvents.status")}:{" "}
        <strong>{t(`sideEvents.merge.status.${m.status}` as "sideEvents.merge.status.proposed")}</strong>
        {props.link && (
          <>
            {" "}
            · <a href={`/side-events/merges/${m.id}`}>{t("sideEvents.merge.open")}</a>
          </>
        )}
      </p>
    </>
  );
}

export function MergesPage(props: {
  session: SessionDetail;
  merges: Merge[];
  candidates: Array<{ id: string; title: Localized; lead: string }>;
  error?: string;
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const options = props.candidates.map((c) => ({
    value: c.id,
    label: `${localized(c.title, lang)} — ${c.lead}`,
  }));
  return (
    <article>
      <h1>{t("sideEvents.merge.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>{t("sideEvents.merge.intro")}</p>
      <p>
        <a href={`/sessions/${s.slug}/side-events/proposals`}>{t("sideEvents.link.proposals")}</a>
      </p>
      <form method="post" action={`/sessions/${s.slug}/side-events/merges`}>
        <CsrfField />
        <FormProblem text={props.error} />
        <SelectField name="survivorId" label={t("sideEvents.merge.survivor")} options={options} required />
        <SelectField name="absorbedId" label={t("sideEvents.merge.absorbed")} options={options} required />
        <TextArea name="note" label={t("sideEvents.merge.note")} value="" />
        <button type="submit">{t("sideEvents.merge.propose")}</button>
      </form>
      {props.merges.length === 0 ? (
        <p>{t("sideEvents.merge.none")}</p>
      ) : (
        <ul class="cards">
          {props.merges.map((m) => (
            <li>
              <MergeSummary merge={m} link />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function MergePage(props: { merge: Merge; canAnswer: string[] }) {
  const { t, lang } = usePage();
  const m = props.merge;
  return (
    <article>
      <h1>{t("sideEvents.merge.one")}</h1>
      <MergeSummary merge={m} />
      {m.note && <p>{m.note}</p>}
      <h2>{t("sideEvents.merge.organisers")}</h2>
      <ul>
        {m.organisers.map((o) => (
          <li>{o}</li>
        ))}
      </ul>
      <h2>{t("sideEvents.merge.panellists")}</h2>
      <ul>
        {m.panellists.map((p) => (
          <li>
            {p.name ?? p.pseudonym} — {p.role}
          </li>
        ))}
      </ul>
      <h2>{t("sideEvents.merge.consents")}</h2>
      <ul>
        {m.consents.map((c) => (
          <li>
            {c.organisation}:{" "}
            {t(`sideEvents.merge.decision.${c.decision}` as "sideEvents.merge.decision.pending")}
            {c.respondedAt && ` (${formatDate(lang, c.respondedAt, { dateStyle: "medium" })})`}
            {m.status === "proposed" && c.decision === "pending" && props.canAnswer.includes(c.slug) && (
              <>
                {" "}
                <AnswerButtons
                  action={`/side-events/merges/${m.id}/consents/${c.slug}`}
                  name="decision"
                  choices={[
                    { value: "consent", label: t("sideEvents.merge.consent") },
                    { value: "decline", label: t("sideEvents.merge.decline"), kind: "secondary" },
                  ]}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}
