/**
 * Pages of the side-events review and selection: the secretariat's call form and proposals with
 * their ranking, reviewers and decisions; the reviewer's own proposals with the scoring form; an
 * organisation's proposals. Rows that repeat a form give each field an id of its own.
 */
import { type Lang, languageNames } from "../../platform/i18n/languages.js";
import { formatDate, formatNumber } from "../../platform/i18n/translate.js";
import { ChoiceButtons } from "../../platform/ui/action-buttons.js";
import {
  ChoiceGroup,
  type FormErrors,
  FormProblem,
  type FormValues,
  filledFields,
  optionsOf,
  str,
  TextField,
} from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized, localizedLang, type SessionDetail } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import { BulkCheckbox, BulkDecisionForm, decisionChoices } from "./selection.pages.js";
import type { ComputedCriterion } from "./side-events.criteria.js";
import { formats } from "./side-events.tables.js";

export const CRITERION_ROWS = 5;

export function CallFormPage(props: { session: SessionDetail; values: FormValues; errors: FormErrors }) {
  const { t, lang } = usePage();
  const s = props.session;
  const e = props.errors;
  const { field, choices } = filledFields(props.values, e);
  return (
    <article>
      <h1>{t("sideEvents.call.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>{t("sideEvents.call.eligible")}</p>
      <form method="post" action={`/sessions/${s.slug}/side-events/call`}>
        <CsrfField />
        <FormProblem text={e.form} />
        <TextField
          {...field("deadline")}
          type="datetime-local"
          label={t("sideEvents.call.deadline")}
          required
        />
        <ChoiceGroup
          {...choices("formats")}
          label={t("sideEvents.call.formats")}
          options={optionsOf(formats, (f) => t(`sideEvents.format.${f}` as "sideEvents.format.panel"))}
        />
        <TextField
          {...field("slotMinutes")}
          type="number"
          label={t("sideEvents.call.slotMinutes")}
          required
        />
        <TextField
          {...field("maxProposalsPerOrganisation")}
          type="number"
          label={t("sideEvents.call.max")}
          required
        />
        <TextField {...field("computedWeight")} type="number" label={t("sideEvents.call.computedWeight")} />
        <fieldset>
          <legend>{t("sideEvents.call.criteria")}</legend>
          <p class="hint">{t("sideEvents.call.criterionHint")}</p>
          <FormProblem text={e.criteria} />
          {Array.from({ length: CRITERION_ROWS }, (_, i) => (
            <fieldset class="row">
              <legend>{t("sideEvents.call.criterion", { n: i + 1 })}</legend>
              <TextField {...field(`code${i}`)} label={t("sideEvents.call.criterionCode")} maxLength={40} />
              <TextField
                {...field(`label${i}`)}
                label={t("sideEvents.call.criterionLabel")}
                maxLength={200}
              />
              <TextField
                {...field(`weight${i}`)}
                type="number"
                label={t("sideEvents.call.criterionWeight")}
              />
            </fieldset>
          ))}
        </fieldset>
        <button type="submit">{t("sideEvents.call.save")}</button>
      </form>
    </article>
  );
}

export interface RankedProposal {
  id: string;
  title: Localized;
  lead: string;
  status: string;
  reviewScore: number | null;
  reviews: number;
  computed: ComputedCriterion[];
  computedScore: number;
  score: number;
}

function Title(props: { text: Localized; href?: string }) {
  const { lang } = usePage();
  const l = localizedLang(props.text, lang);
  return props.href ? (
    <a href={props.href} lang={l}>
      {localized(props.text, lang)}
    </a>
  ) : (
    <span lang={l}>{localized(props.text, lang)}</span>
  );
}

export function CriteriaList(props: { computed: ComputedCriterion[] }) {
  const { t, lang } = usePage();
  return (
    <ul class="criteria">
      {props.computed.map((c) => (
        <li>
          {t(`sideEvents.criterion.${c.code}` as "sideEvents.criterion.joint_event")}:{" "}
          <strong>{formatNumber(lang, c.value)}</strong> — <span lang="en">{c.evidence}</span>
        </li>
      ))}
    </ul>
  );
}

export function ProposalsPage(props: {
  session: SessionDetail;
  items: RankedProposal[];
  assignments: Array<{ proposal_id: string; display_name: string; scored_at: Date | null }>;
  reviewers: Array<{ id: string; display_name: string }>;
  errors: Record<string, string>;
  placesLeft: number;
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const slotLabel = (slot: SessionDetail["timeSlots"][number]) =>
    `${formatDate(lang, slot.startsAt, { dateStyle: "medium", timeZone: s.timeZone })} ${slot.start}–${slot.end}`;
  return (
    <article>
      <h1>{t("sideEvents.proposals.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>
        <a href={`/sessions/${s.slug}/side-events/call`}>{t("sideEvents.link.call")}</a> ·{" "}
        <a href={`/sessions/${s.slug}/programme`}>{t("sideEvents.link.programme")}</a> ·{" "}
        <a href={`/sessions/${s.slug}/side-events/reviewer-assignment`}>{t("sideEvents.link.assignment")}</a>{" "}
        · <a href={`/sessions/${s.slug}/side-events/merges`}>{t("sideEvents.link.merges")}</a>
      </p>
      {props.items.length > 0 && (
        <BulkDecisionForm slug={s.slug} placesLeft={props.placesLeft} error={props.errors.bulk} />
      )}
      {props.items.length === 0 ? (
        <p>{t("sideEvents.proposals.empty")}</p>
      ) : (
        <ol class="cards">
          {props.items.map((p, i) => {
            const assigned = props.assignments.filter((a) => a.proposal_id === p.id);
            return (
              <li id={`proposal-${p.id}`}>
                <h2>
                  <BulkCheckbox id={p.id} title={p.title} status={p.status} />{" "}
                  {t("sideEvents.rank.position", { n: i + 1 })}:{" "}
                  <Title text={p.title} href={`/side-events/proposals/${p.id}`} />
                </h2>
                <p>
                  {p.lead} · {t("sideEvents.status")}:{" "}
                  <strong>{t(`sideEvents.status.${p.status}` as "sideEvents.status.draft")}</strong>
                </p>
                <FormProblem text={props.errors[p.id]} />
                <p>
                  {t("sideEvents.rank.score")}: <strong>{formatNumber(lang, p.score)}</strong> ·{" "}
                  {t("sideEvents.rank.reviewScore")}:{" "}
                  {p.reviewScore === null
                    ? t("sideEvents.rank.noReview")
                    : `${formatNumber(lang, p.reviewScore)} (${formatNumber(lang, p.reviews)})`}{" "}
                  · {t("sideEvents.rank.computedScore")}: {formatNumber(lang, p.computedScore)}
                </p>
                <CriteriaList computed={p.computed} />
                <h3>{t("sideEvents.reviewers")}</h3>
                {assigned.length === 0 ? (
                  <p>{t("sideEvents.reviewers.none")}</p>
                ) : (
                  <ul>
                    {assigned.map((a) => (
                      <li>
                        {a.display_name} —{" "}
                        {a.scored_at ? t("sideEvents.reviewers.scored") : t("sideEvents.reviewers.pending")}
                      </li>
                    ))}
                  </ul>
                )}
                <form method="post" action={`/side-events/proposals/${p.id}/reviewers`} class="inline-form">
                  <CsrfField />
                  <label for={`reviewer-${p.id}`}>{t("sideEvents.assign.label")}</label>{" "}
                  <select id={`reviewer-${p.id}`} name="userId" required>
                    {props.reviewers.map((r) => (
                      <option value={r.id}>{r.display_name}</option>
                    ))}
                  </select>{" "}
                  <button type="submit">{t("sideEvents.assign.submit")}</button>
                </form>
                <form method="post" action={`/side-events/proposals/${p.id}/decision`} class="inline-form">
                  <CsrfField />
                  <label for={`room-${p.id}`}>{t("sideEvents.decide.room")}</label>{" "}
                  <select id={`room-${p.id}`} name="roomId">
                    <option value="">{t("sideEvents.decide.none")}</option>
                    {s.rooms.map((r) => (
                      <option value={r.id}>{r.name}</option>
                    ))}
                  </select>{" "}
                  <label for={`slot-${p.id}`}>{t("sideEvents.decide.slot")}</label>{" "}
                  <select id={`slot-${p.id}`} name="timeSlotId">
                    <option value="">{t("sideEvents.decide.none")}</option>
                    {s.timeSlots.map((slot) => (
                      <option value={slot.id}>{slotLabel(slot)}</option>
                    ))}
                  </select>{" "}
                  <ChoiceButtons
                    name="decision"
                    choices={decisionChoices((d) => t(`sideEvents.decide.${d}`))}
                  />
                </form>
              </li>
            );
          })}
        </ol>
      )}
    </article>
  );
}

export interface ReviewItem {
  id: string;
  title: Localized;
  abstract: Localized;
  status: string;
  leadName: string;
  criteria: Array<{ code: string; label: Localized; weight: number }>;
  computed: ComputedCriterion[];
  mine: { scores: Record<string, number> | null; comment: string | null; scoredAt: Date | null };
  /** every review, only once the reviewer has scored */
  all: Array<{ reviewer: string; scores: Record<string, number> | null; comment: string | null }> | null;
}

export function ReviewsPage(props: {
  items: ReviewItem[];
  errors: Record<string, string>;
  values: Record<string, FormValues>;
}) {
  const { t, lang } = usePage();
  return (
    <article>
      <h1>{t("sideEvents.reviews.title")}</h1>
      <p>
        <a href="/side-events/reviews/expertise">{t("sideEvents.expertise.title")}</a>
      </p>
      {props.items.length === 0 ? (
        <p>{t("sideEvents.reviews.empty")}</p>
      ) : (
        <ol class="cards">
          {props.items.map((p) => {
            const v = props.values[p.id] ?? {};
            const scoreOf = (code: string) =>
              str(v, `score.${code}`) ??
              (p.mine.scores?.[code] !== undefined ? String(p.mine.scores[code]) : "");
            return (
              <li id={`proposal-${p.id}`}>
                <h2>
                  <Title text={p.title} href={`/side-events/proposals/${p.id}`} />
                </h2>
                <p>
                  {p.leadName} · {t(`sideEvents.status.${p.status}` as "sideEvents.status.draft")}
                </p>
                <p lang={localizedLang(p.abstract, lang)}>{localized(p.abstract, lang)}</p>
                <h3>{t("sideEvents.reviews.computed")}</h3>
                <CriteriaList computed={p.computed} />
                <FormProblem text={props.errors[p.id]} />
                {["submitted", "waitlisted"].includes(p.status) && (
                  <form method="post" action={`/side-events/proposals/${p.id}/review`}>
                    <CsrfField />
                    {p.criteria.map((c) => (
                      <div class="field">
                        <label for={`score-${p.id}-${c.code}`}>
                          {t("sideEvents.reviews.score", {
                            criterion: localized(c.label, lang),
                            weight: c.weight,
                          })}
                        </label>
                        <select id={`score-${p.id}-${c.code}`} name={`score.${c.code}`} required>
                          <option value="">—</option>
                          {[0, 1, 2, 3, 4, 5].map((n) => (
                            <option value={String(n)} selected={scoreOf(c.code) === String(n)}>
                              {formatNumber(lang, n)}
                            </option>
                          ))}
                        </select>
                      </div>
                    ))}
                    <div class="field">
                      <label for={`comment-${p.id}`}>{t("sideEvents.reviews.comment")}</label>
                      <textarea id={`comment-${p.id}`} name="comment" rows={3} maxLength={5000}>
                        {str(v, "comment") ?? p.mine.comment ?? ""}
                      </textarea>
                    </div>
                    <button type="submit">{t("sideEvents.reviews.submit")}</button>
                  </form>
                )}
                {p.all === null ? (
                  <p class="hint">{t("sideEvents.reviews.hidden")}</p>
                ) : (
                  <>
                    <h3>{t("sideEvents.reviews.all")}</h3>
                    <ul>
                      {p.all.map((r) => (
                        <li>
                          {r.reviewer}:{" "}
                          {p.criteria
                            .map((c) => `${localized(c.label, lang)} ${r.scores?.[c.code] ?? "—"}`)
                            .join(" · ")}
                          {r.comment && <> — {r.comment}</>}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </article>
  );
}

export function OrganisationProposalsPage(props: {
  org: { slug: string; name: string };
  items: Array<{ id: string; status: string; title: Localized; session: string }>;
  open: Array<{ slug: string; name: Localized; deadline: Date; timeZone: string }>;
}) {
  const { t, lang } = usePage();
  return (
    <article>
      <h1>{t("sideEvents.org.title", { organisation: props.org.name })}</h1>
      {props.open.length > 0 && (
        <>
          <h2>{t("sideEvents.org.open")}</h2>
          <ul>
            {props.open.map((s) => (
              <li>
                <a href={`/organisations/${props.org.slug}/sessions/${s.slug}/side-events/new`}>
                  {t("sideEvents.org.propose", { session: localized(s.name, lang) })}
                </a>{" "}
                (
                {t("sideEvents.org.deadline", {
                  date: formatDate(lang, s.deadline, {
                    dateStyle: "long",
                    timeStyle: "short",
                    timeZone: s.timeZone,
                  }),
                })}
                )
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t("sideEvents.programme.title")}</h2>
      {props.items.length === 0 ? (
        <p>{t("sideEvents.org.empty")}</p>
      ) : (
        <ul>
          {props.items.map((p) => (
            <li>
              <Title text={p.title} href={`/side-events/proposals/${p.id}`} /> ({p.session}) —{" "}
              {t(`sideEvents.status.${p.status}` as "sideEvents.status.draft")}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export const langLabel = (l: string) => languageNames[l as Lang] ?? l;
