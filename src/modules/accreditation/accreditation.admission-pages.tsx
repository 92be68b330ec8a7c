/**
 * Admission pages (rule 17): the session's accreditation hub, the secretariat's applications
 * list (circulate, admit, reject, the Conference's decision) and the list circulated to States
 * with their objections. All work without JavaScript.
 */
import { isSecretariat } from "../../platform/context.js";
import { formatDate, formatNumber } from "../../platform/i18n/translate.js";
import { ChoiceButtons, PostButton } from "../../platform/ui/action-buttons.js";
import { FilterForm } from "../../platform/ui/filter-form.js";
import { type FormErrors, type FormValues, optionsOf, str } from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { ListTable } from "../../platform/ui/list-table.js";
import { usePage } from "../../platform/ui/page-context.js";
import { countriesIn } from "../organisations/organisations.service.js";
import { fieldOfWorkLabel } from "../organisations/taxonomy.js";
import { localized, type Session } from "../sessions/sessions.service.js";
import { groupLabel, groupOptions, Notice, type Rows, SessionLead } from "./accreditation.page-parts.js";
import type { listApplications, myOrganisationsForSession } from "./accreditation.service.js";
import type { circulatedList } from "./rule17.service.js";

// ---- the session's accreditation hub

export function HubPage(props: Awaited<ReturnType<typeof myOrganisationsForSession>>) {
  const { t, actor } = usePage();
  const slug = props.session.slug;
  const stateDelegate = !!actor?.roles.includes("member_state_delegate");
  return (
    <article>
      <h1>{t("accreditation.hub.title")}</h1>
      <SessionLead session={props.session} />
      {isSecretariat(actor) && (
        <section>
          <h2>{t("accreditation.hub.secretariat")}</h2>
          <ul>
            <li>
              <a href={`/sessions/${slug}/applications`}>{t("accreditation.applications.title")}</a>
            </li>
            <li>
              <a href={`/sessions/${slug}/delegates`}>{t("accreditation.sessionDelegates.title")}</a>
            </li>
            <li>
              <a href={`/sessions/${slug}/circulated-list`}>{t("accreditation.circulated.title")}</a>
            </li>
            <li>
              <a href={`/sessions/${slug}/checkin`}>{t("accreditation.checkin.title")}</a>
            </li>
          </ul>
        </section>
      )}
      {stateDelegate && !isSecretariat(actor) && (
        <p>
          <a href={`/sessions/${slug}/circulated-list`}>{t("accreditation.circulated.title")}</a>
        </p>
      )}
      <h2>{t("accreditation.hub.yourOrganisations")}</h2>
      {props.organisations.length === 0 ? (
        <p class="muted">{t("accreditation.hub.noOrganisations")}</p>
      ) : (
        <ul>
          {props.organisations.map((o) => (
            <li>
              <strong>{o.name}</strong> —{" "}
              {o.status ? t(`accreditation.status.${o.status}`) : t("accreditation.hub.notApplied")}:{" "}
              <a href={`/organisations/${o.slug}/sessions/${slug}/application`}>
                {t("accreditation.nav.application")}
              </a>
              {o.role === "focal_point" && o.status === "admitted" && (
                <>
                  {" · "}
                  <a href={`/organisations/${o.slug}/sessions/${slug}/delegates`}>
                    {t("accreditation.delegates.title")}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

// ---- the secretariat: applications

export function ApplicationsPage(props: {
  session: Session;
  items: Rows<typeof listApplications>;
  filter: { status?: string; region?: string };
  notice?: string;
  error?: string;
}) {
  const { t, lang } = usePage();
  const slug = props.session.slug;
  return (
    <article>
      <h1>{t("accreditation.applications.title")}</h1>
      <SessionLead session={props.session} />
      <Notice text={props.notice} error={props.error} />
      <FilterForm
        action={`/sessions/${slug}/applications`}
        values={props.filter}
        anyLabel={t("accreditation.filter.all")}
        submitLabel={t("accreditation.filter.apply")}
        filters={[
          {
            name: "status",
            label: t("accreditation.col.status"),
            options: optionsOf(applicationStatuses, (s) => t(`accreditation.status.${s}`)),
          },
          { name: "region", label: t("accreditation.col.regionalGroup"), options: groupOptions(lang) },
        ]}
      />
      <ListTable
        rows={props.items}
        empty={t("accreditation.applications.empty")}
        rowId={(a) => `application-${a.id}`}
        columns={[
          {
            header: t("accreditation.col.organisation"),
            cell: (a) => (
              <>
                <a href={`/organisations/${a.organisation_slug}`}>{a.organisation_name}</a>
                <br />
                <span class="muted">
                  {groupLabel(a.regional_group, lang)} ·{" "}
                  {formatDate(lang, a.submitted_at, { dateStyle: "medium" })}
                </span>
              </>
            ),
          },
          { header: t("accreditation.col.path"), cell: (a) => t(`accreditation.path.${a.path}`) },
          {
            header: t("accreditation.col.status"),
            cell: (a) => (
              <>
                {t(`accreditation.status.${a.status}`)}
                {a.objection_deadline && a.status === "circulated" && (
                  <>
                    <br />
                    {t("accreditation.objectionDeadline", {
                      date: formatDate(lang, a.objection_deadline, {
                        dateStyle: "long",
                        timeZone: props.session.timeZone,
                      }),
                    })}
                  </>
                )}
              </>
            ),
          },
          {
            header: t("accreditation.col.objections"),
            cell: (a) => formatNumber(lang, Number(a.objections ?? 0)),
          },
          {
            header: t("accreditation.col.actions"),
            cell: (a) => <ApplicationActions slug={slug} application={a} />,
          },
        ]}
      />
    </article>
  );
}

const applicationStatuses = ["submitted", "circulated", "referred", "admitted", "rejected"] as const;

/** Circulate a rule 17 application; admit or reject (with a note) one the secretariat or the Conference decides. */
function ApplicationActions(props: { slug: string; application: Rows<typeof listApplications>[number] }) {
  const { t } = usePage();
  const a = props.application;
  const action = `/sessions/${props.slug}/applications/${a.id}`;
  const decide = a.path === "ecosoc" && a.status === "submitted";
  const conference = a.status === "referred";
  return (
    <>
      {a.path === "rule17" && a.status === "submitted" && (
        <PostButton action={`${action}/circulate`} label={t("accreditation.action.circulate")} />
      )}
      {(decide || conference) && (
        <form method="post" action={`${action}/decision`}>
          <CsrfField />
          <label for={`note-${a.id}`}>{t("accreditation.field.note")}</label>{" "}
          <input type="text" id={`note-${a.id}`} name="note" maxLength={2000} />{" "}
          <ChoiceButtons
            name="decision"
            choices={[
              {
                value: "admit",
                label: t(conference ? "accreditation.action.conferenceAdmit" : "accreditation.action.admit"),
              },
              {
                value: "reject",
                label: t(
                  conference ? "accreditation.action.conferenceReject" : "accreditation.action.reject",
                ),
              },
            ]}
          />
        </form>
      )}
    </>
  );
}

// ---- member-state delegates: the circulated list

export function CirculatedListPage(props: {
  session: Session;
  items: Rows<typeof circulatedList>;
  now: Date;
  values: FormValues;
  errors: FormErrors;
  notice?: string;
}) {
  const { t, lang } = usePage();
  const slug = props.session.slug;
  return (
    <article>
      <h1>{t("accreditation.circulated.title")}</h1>
      <SessionLead session={props.session} />
      <Notice text={props.notice} />
      {props.items.length === 0 && <p class="muted">{t("accreditation.circulated.empty")}</p>}
      {props.items.map((a) => {
        const open =
          a.status === "circulated" && a.objection_deadline !== null && props.now < a.objection_deadline;
        const errorId = `reason-${a.id}-error`;
        const error = props.errors[`reason-${a.id}`];
        return (
          <section class="card" id={`application-${a.id}`}>
            <h2>
              {a.name}
              {a.acronym && <> ({a.acronym})</>}
            </h2>
            <dl class="facts">
              <dt>{t("accreditation.col.country")}</dt>
              <dd>{countriesIn(lang).find((c) => c.code === a.country)?.name ?? a.country}</dd>
              <dt>{t("accreditation.col.regionalGroup")}</dt>
              <dd>{groupLabel(a.regional_group, lang)}</dd>
              <dt>{t("accreditation.filter.field")}</dt>
              <dd>{a.fields_of_work.map((f) => fieldOfWorkLabel(f, lang)).join(", ") || "—"}</dd>
              {a.website && (
                <>
                  <dt>{t("accreditation.org.website")}</dt>
                  <dd>
                    <a href={a.website} rel="nofollow noopener">
                      {a.website}
                    </a>
                  </dd>
                </>
              )}
              <dt>{t("accreditation.org.mission")}</dt>
              <dd>{localized(a.mission, lang) || "—"}</dd>
              <dt>{t("accreditation.field.relevance")}</dt>
              <dd>{a.relevance}</dd>
              <dt>{t("accreditation.col.status")}</dt>
              <dd>
                {t(`accreditation.status.${a.status}`)}
                {a.objection_deadline && (
                  <>
                    {" — "}
                    {t("accreditation.objectionDeadline", {
                      date: formatDate(lang, a.objection_deadline, {
                        dateStyle: "long",
                        timeStyle: "short",
                        timeZone: props.session.timeZone,
                      }),
                    })}
                  </>
                )}
              </dd>
            </dl>
            {a.objected ? (
              <p role="status">{t("accreditation.objection.lodged")}</p>
            ) : open ? (
              <form method="post" action={`/sessions/${slug}/circulated-list/${a.id}/objection`}>
                <CsrfField />
                <div class="field">
                  <label for={`reason-${a.id}`}>{t("accreditation.objection.reason")}</label>
                  {error && (
                    <p class="field-error" id={errorId}>
                      {error}
                    </p>
                  )}
                  <textarea
                    id={`reason-${a.id}`}
                    name="reason"
                    rows={3}
                    required
                    maxLength={2000}
                    aria-invalid={error ? "true" : undefined}
                    aria-describedby={error ? errorId : undefined}
                  >
                    {error ? (str(props.values, "reason") ?? "") : ""}
                  </textarea>
                </div>
                <button type="submit">{t("accreditation.objection.submit")}</button>
              </form>
            ) : (
              <p class="muted">{t("accreditation.objection.closed")}</p>
            )}
          </section>
        );
      })}
      <p>
        <a href={`/sessions/${slug}/accreditation`}>{t("accreditation.hub.title")}</a>
      </p>
    </article>
  );
}
