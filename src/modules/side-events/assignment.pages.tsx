/**
 * The secretariat's page of the reviewer assignment Convene proposes: the rules (reviewers per
 * proposal, expertise), then either the reasons no assignment exists or a grid proposals ×
 * reviewers with the proposed pairs ticked, to adjust and confirm. Works without JavaScript.
 */
import { formatNumber } from "../../platform/i18n/translate.js";
import { ChoiceGroup, FormProblem, optionsOf, SelectField, TextField } from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { fieldOfWorkOptions } from "../organisations/taxonomy.js";
import { localized, type SessionDetail } from "../sessions/sessions.service.js";
import type { AssignmentInstance, AssignmentResult, ExpertiseMode } from "./assignment.solver.js";
import { conflictOf } from "./assignment.solver.js";

export const expertiseModes: ExpertiseMode[] = ["ignore", "prefer", "require"];

export function AssignmentPage(props: {
  session: SessionDetail;
  perProposal: number;
  expertise: ExpertiseMode;
  instance: AssignmentInstance;
  result: AssignmentResult;
  explanation: string[];
  error?: string;
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const { instance, result } = props;
  const existing = new Set(instance.existing.map((e) => `${e.proposalId}|${e.reviewerId}`));
  const proposed = new Set(result.assignments.map((e) => `${e.proposalId}|${e.reviewerId}`));
  const url = `/sessions/${s.slug}/side-events/reviewer-assignment`;
  return (
    <article>
      <h1>{t("sideEvents.assignment.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>{t("sideEvents.assignment.intro")}</p>
      <p>
        <a href={`/sessions/${s.slug}/side-events/proposals`}>{t("sideEvents.link.proposals")}</a>
      </p>
      <form method="get" action={url} class="inline-form">
        <TextField
          name="perProposal"
          type="number"
          label={t("sideEvents.assignment.perProposal")}
          value={String(props.perProposal)}
          required
        />
        <SelectField
          name="expertise"
          label={t("sideEvents.assignment.expertise")}
          value={props.expertise}
          options={optionsOf(expertiseModes, (m) =>
            t(`sideEvents.assignment.expertise.${m}` as "sideEvents.assignment.expertise.ignore"),
          )}
        />
        <button type="submit" class="secondary">
          {t("sideEvents.assignment.propose")}
        </button>
      </form>
      <FormProblem text={props.error} />
      {instance.proposals.length === 0 ? (
        <p>{t("sideEvents.assignment.none")}</p>
      ) : !result.feasible ? (
        <section>
          <h2>{t("sideEvents.assignment.infeasible")}</h2>
          <ul>
            {props.explanation.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </section>
      ) : (
        <form method="post" action={url}>
          <CsrfField />
          <p>
            {t("sideEvents.assignment.summary", {
              assignments: formatNumber(lang, result.assignments.length),
              matches: formatNumber(lang, result.expertiseMatches),
            })}
          </p>
          <div class="table-scroll">
            <table>
              <caption>{t("sideEvents.assignment.grid")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sideEvents.assignment.proposal")}</th>
                  {instance.reviewers.map((r) => (
                    <th scope="col">{r.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {instance.proposals.map((p) => (
                  <tr>
                    <th scope="row">{p.title}</th>
                    {instance.reviewers.map((r) => {
                      const key = `${p.id}|${r.id}`;
                      const label = `${p.title} — ${r.name}`;
                      if (existing.has(key)) return <td>{t("sideEvents.assignment.existing")}</td>;
                      if (conflictOf(p, r)) return <td>{t("sideEvents.assignment.conflict")}</td>;
                      return (
                        <td>
                          <input
                            type="checkbox"
                            name="pair"
                            value={key}
                            checked={proposed.has(key)}
                            aria-label={label}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("sideEvents.assignment.load")}</th>
                  {instance.reviewers.map((r) => (
                    <td>{formatNumber(lang, result.loads[r.id] ?? 0)}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <button type="submit">{t("sideEvents.assignment.confirm")}</button>
        </form>
      )}
    </article>
  );
}

/** A reviewer declares the themes they know; the proposed assignment prefers or requires them. */
export function ExpertisePage(props: { themes: string[]; saved: boolean }) {
  const { t, lang } = usePage();
  return (
    <article>
      <h1>{t("sideEvents.expertise.title")}</h1>
      <p>{t("sideEvents.expertise.intro")}</p>
      {props.saved && <p role="status">{t("sideEvents.expertise.saved")}</p>}
      <form method="post" action="/side-events/reviews/expertise">
        <CsrfField />
        <ChoiceGroup
          name="themes"
          label={t("sideEvents.expertise.themes")}
          values={props.themes}
          options={fieldOfWorkOptions(lang)}
        />
        <button type="submit">{t("sideEvents.expertise.save")}</button>
      </form>
      <p>
        <a href="/side-events/reviews">{t("sideEvents.link.reviews")}</a>
      </p>
    </article>
  );
}
