/**
 * Pages of the accreditation steps people do: the session's accreditation hub, the focal point's
 * delegates page, the secretariat's applications and delegates lists, the list circulated to
 * States. All work without JavaScript. ID numbers and dates of birth never appear here: the register
 * form takes them but does not echo them back after an error (only the person's own page shows them).
 */
import { isSecretariat } from "../../platform/context.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { formatDate, formatNumber } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, SelectField, str, TextField } from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary, Pagination } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { type RegionalGroup, regionalGroupName, regionalGroups } from "../organisations/geography.js";
import { countriesIn } from "../organisations/organisations.service.js";
import { fieldOfWorkLabel, fieldOfWorkOptions } from "../organisations/taxonomy.js";
import { localized, type Session } from "../sessions/sessions.service.js";
import type { circulatedList, listApplications, myOrganisationsForSession } from "./accreditation.service.js";
import { formatCode } from "./badges.service.js";
import type { DelegateDetail, DelegateSummary } from "./delegates.service.js";
import type { listSessionDelegates } from "./participation.service.js";

type Rows<F extends (...a: never[]) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>["items"];

function Notice(props: { text?: string; error?: string }) {
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

function SessionLead(props: { session: Session }) {
  const { lang } = usePage();
  return (
    <p class="lead">
      <a href={`/sessions/${props.session.slug}`}>{localized(props.session.name, lang)}</a>
    </p>
  );
}

const countryOptions = (lang: Lang) => countriesIn(lang).map((c) => ({ value: c.code, label: c.name }));
const groupOptions = (lang: Lang) =>
  regionalGroups.map((g) => ({ value: g, label: regionalGroupName(g, lang) }));
const groupLabel = (g: string, lang: Lang) =>
  (regionalGroups as readonly string[]).includes(g) ? regionalGroupName(g as RegionalGroup, lang) : g;

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

// ---- delegate fields (the focal point's register form, the delegate's own page)

export function DelegateFields(props: {
  values: FormValues;
  errors: FormErrors;
  /** the ID number and date of birth are shown only on the person's own page */
  showSensitive?: boolean;
  withLanguage?: boolean;
}) {
  const { t, lang } = usePage();
  const v = props.values;
  const e = props.errors;
  const sensitive = (name: string) => (props.showSensitive ? str(v, name) : undefined);
  return (
    <>
      <TextField
        name="fullName"
        label={t("accreditation.field.fullName")}
        value={str(v, "fullName")}
        error={e.fullName}
        required
        maxLength={200}
        autocomplete="off"
      />
      <TextField
        name="title"
        label={t("accreditation.field.title")}
        value={str(v, "title")}
        error={e.title}
        maxLength={200}
      />
      <TextField
        name="email"
        type="email"
        label={t("accreditation.field.email")}
        value={str(v, "email")}
        error={e.email}
        required
        maxLength={254}
        autocomplete="off"
      />
      <SelectField
        name="nationality"
        label={t("accreditation.field.nationality")}
        value={str(v, "nationality")}
        error={e.nationality}
        options={countryOptions(lang)}
        emptyLabel={t("accreditation.choose")}
        required
      />
      <SelectField
        name="gender"
        label={t("accreditation.field.gender")}
        value={str(v, "gender")}
        error={e.gender}
        options={(["female", "male", "other", "undisclosed"] as const).map((g) => ({
          value: g,
          label: t(`accreditation.gender.${g}`),
        }))}
        emptyLabel={t("accreditation.choose")}
        required
      />
      <TextField
        name="dateOfBirth"
        type="date"
        label={t("accreditation.field.dateOfBirth")}
        value={sensitive("dateOfBirth")}
        error={e.dateOfBirth}
      />
      <SelectField
        name="idDocumentType"
        label={t("accreditation.field.idDocumentType")}
        value={str(v, "idDocumentType")}
        error={e.idDocumentType}
        options={(["passport", "national_id", "other"] as const).map((k) => ({
          value: k,
          label: t(`accreditation.idType.${k}`),
        }))}
        emptyLabel={t("accreditation.choose")}
      />
      <TextField
        name="idDocumentNumber"
        label={t("accreditation.field.idDocumentNumber")}
        value={sensitive("idDocumentNumber")}
        error={e.idDocumentNumber}
        maxLength={50}
        autocomplete="off"
      />
      <TextField
        name="idDocumentExpiry"
        type="date"
        label={t("accreditation.field.idDocumentExpiry")}
        value={str(v, "idDocumentExpiry")}
        error={e.idDocumentExpiry}
      />
      {props.withLanguage && (
        <SelectField
          name="language"
          label={t("accreditation.field.language")}
          value={str(v, "language") ?? lang}
          error={e.language}
          options={(["en", "fr", "es", "ar", "ru", "zh"] as const).map((l) => ({
            value: l,
            label: t(`accreditation.language.${l}`),
          }))}
        />
      )}
    </>
  );
}

/** A delegate's data as form values (for the person's own page). */
export const delegateValues = (d: DelegateDetail): FormValues => ({
  fullName: d.fullName,
  title: d.title ?? "",
  email: d.email,
  nationality: d.nationality,
  gender: d.gender,
  dateOfBirth: d.dateOfBirth ?? "",
  idDocumentType: d.idDocumentType ?? "",
  idDocumentNumber: d.idDocumentNumber ?? "",
  idDocumentExpiry: d.idDocumentExpiry ?? "",
});

// ---- the focal point's delegates page

export function OrgDelegatesPage(props: {
  org: { slug: string; name: string };
  session: Session;
  admitted: boolean;
  quota: number;
  items: DelegateSummary[];
  values: FormValues;
  errors: FormErrors;
  notice?: string;
}) {
  const { t, lang } = usePage();
  const used = props.items.filter((d) => d.status !== "rejected").length;
  const left = Math.max(0, props.quota - used);
  const base = `/organisations/${props.org.slug}/sessions/${props.session.slug}`;
  return (
    <article>
      <h1>{t("accreditation.delegates.title")}</h1>
      <p class="lead">
        {props.org.name} —{" "}
        <a href={`/sessions/${props.session.slug}`}>{localized(props.session.name, lang)}</a>
      </p>
      <Notice text={props.notice} />
      <p>
        {t("accreditation.delegates.quota", {
          used: formatNumber(lang, used),
          quota: formatNumber(lang, props.quota),
          left: formatNumber(lang, left),
        })}
      </p>
      {props.items.length === 0 ? (
        <p class="muted">{t("accreditation.delegates.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("accreditation.col.name")}</th>
              <th scope="col">{t("accreditation.field.email")}</th>
              <th scope="col">{t("accreditation.col.status")}</th>
              <th scope="col">{t("accreditation.col.confirmed")}</th>
              <th scope="col">{t("accreditation.field.photo")}</th>
              <th scope="col">{t("accreditation.col.badge")}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((d) => (
              <tr>
                <td>
                  {d.fullName}
                  {d.title && <> — {d.title}</>}
                </td>
                <td>{d.email}</td>
                <td>{t(`accreditation.delegateStatus.${d.status}`)}</td>
                <td>{t(d.confirmed ? "accreditation.consent.yes" : "accreditation.consent.no")}</td>
                <td>{t(d.hasPhoto ? "accreditation.consent.yes" : "accreditation.consent.no")}</td>
                <td>
                  {d.status === "approved" ? (
                    <a href={`/api/v1/delegates/${d.id}/badge.pdf`} class="badge-link">
                      {t("accreditation.delegates.badgeOf", { name: d.fullName })}
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.items.some((d) => d.status === "approved") && (
        <p>
          <a href={`/api/v1${base}/badges.pdf`}>{t("accreditation.delegates.badgeSheet")}</a>
        </p>
      )}
      <h2>{t("accreditation.delegates.register")}</h2>
      {!props.admitted ? (
        <p class="muted">{t("error.APPLICATION_NOT_ADMITTED")}</p>
      ) : left === 0 ? (
        <p class="muted">{t("error.DELEGATE_QUOTA_REACHED")}</p>
      ) : (
        // multipart: the photo travels with the rest; the module parses it before the CSRF check.
        <form method="post" action={`${base}/delegates`} enctype="multipart/form-data" id="register-form">
          <CsrfField />
          <ErrorSummary errors={props.errors} />
          <p class="hint">{t("accreditation.delegates.privacy")}</p>
          <DelegateFields values={props.values} errors={props.errors} withLanguage />
          <div class="field">
            <label for="photo">{t("accreditation.field.photo")}</label>
            <p class="hint" id="photo-hint">
              {t("accreditation.field.photo.hint")}
            </p>
            {props.errors.photo && (
              <p class="field-error" id="photo-error">
                {props.errors.photo}
              </p>
            )}
            <input
              type="file"
              id="photo"
              name="photo"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby={props.errors.photo ? "photo-hint photo-error" : "photo-hint"}
            />
          </div>
          <button type="submit">{t("accreditation.delegates.register")}</button>
        </form>
      )}
      <p>
        <a href={`${base}/application`}>{t("accreditation.nav.application")}</a>
      </p>
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
      <form method="get" action={`/sessions/${slug}/applications`} class="filters">
        <SelectField
          name="status"
          label={t("accreditation.col.status")}
          value={props.filter.status}
          emptyLabel={t("accreditation.filter.all")}
          options={(["submitted", "circulated", "referred", "admitted", "rejected"] as const).map((s) => ({
            value: s,
            label: t(`accreditation.status.${s}`),
          }))}
        />
        <SelectField
          name="region"
          label={t("accreditation.col.regionalGroup")}
          value={props.filter.region}
          emptyLabel={t("accreditation.filter.all")}
          options={groupOptions(lang)}
        />
        <button type="submit">{t("accreditation.filter.apply")}</button>
      </form>
      {props.items.length === 0 ? (
        <p class="muted">{t("accreditation.applications.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("accreditation.col.organisation")}</th>
              <th scope="col">{t("accreditation.col.path")}</th>
              <th scope="col">{t("accreditation.col.status")}</th>
              <th scope="col">{t("accreditation.col.objections")}</th>
              <th scope="col">{t("accreditation.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((a) => {
              const action = `/sessions/${slug}/applications/${a.id}`;
              const decide = a.path === "ecosoc" && a.status === "submitted";
              const conference = a.status === "referred";
              return (
                <tr id={`application-${a.id}`}>
                  <td>
                    <a href={`/organisations/${a.organisation_slug}`}>{a.organisation_name}</a>
                    <br />
                    <span class="muted">
                      {groupLabel(a.regional_group, lang)} ·{" "}
                      {formatDate(lang, a.submitted_at, { dateStyle: "medium" })}
                    </span>
                  </td>
                  <td>{t(`accreditation.path.${a.path}`)}</td>
                  <td>
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
                  </td>
                  <td>{formatNumber(lang, Number(a.objections ?? 0))}</td>
                  <td>
                    {a.path === "rule17" && a.status === "submitted" && (
                      <form method="post" action={`${action}/circulate`} class="inline-form">
                        <CsrfField />
                        <button type="submit">{t("accreditation.action.circulate")}</button>
                      </form>
                    )}
                    {(decide || conference) && (
                      <form method="post" action={`${action}/decision`}>
                        <CsrfField />
                        <label for={`note-${a.id}`}>{t("accreditation.field.note")}</label>{" "}
                        <input type="text" id={`note-${a.id}`} name="note" maxLength={2000} />{" "}
                        <button type="submit" name="decision" value="admit">
                          {t(
                            conference
                              ? "accreditation.action.conferenceAdmit"
                              : "accreditation.action.admit",
                          )}
                        </button>{" "}
                        <button type="submit" name="decision" value="reject">
                          {t(
                            conference
                              ? "accreditation.action.conferenceReject"
                              : "accreditation.action.reject",
                          )}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}

// ---- the secretariat: delegates

export interface DelegateFilterValues {
  status?: string;
  organisation?: string;
  country?: string;
  region?: string;
  field?: string;
}

export function SessionDelegatesPage(props: {
  session: Session;
  items: Rows<typeof listSessionDelegates>;
  filter: DelegateFilterValues;
  paging: { page: number; pageSize: number; total: number };
  notice?: string;
  error?: string;
}) {
  const { t, lang } = usePage();
  const slug = props.session.slug;
  const countryName = new Map(countriesIn(lang).map((c) => [c.code, c.name]));
  const query = new URLSearchParams(
    Object.entries(props.filter).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  const exportUrl = (format: string) =>
    `/api/v1/sessions/${slug}/delegates?${query ? `${query}&` : ""}format=${format}`;
  return (
    <article>
      <h1>{t("accreditation.sessionDelegates.title")}</h1>
      <SessionLead session={props.session} />
      <Notice text={props.notice} error={props.error} />
      <form method="get" action={`/sessions/${slug}/delegates`} class="filters">
        <SelectField
          name="status"
          label={t("accreditation.col.status")}
          value={props.filter.status}
          emptyLabel={t("accreditation.filter.all")}
          options={(["pending", "approved", "rejected"] as const).map((s) => ({
            value: s,
            label: t(`accreditation.delegateStatus.${s}`),
          }))}
        />
        <TextField
          name="organisation"
          label={t("accreditation.filter.organisation")}
          hint={t("accreditation.filter.organisation.hint")}
          value={props.filter.organisation}
          maxLength={100}
        />
        <SelectField
          name="country"
          label={t("accreditation.col.country")}
          value={props.filter.country}
          emptyLabel={t("accreditation.filter.all")}
          options={countryOptions(lang)}
        />
        <SelectField
          name="region"
          label={t("accreditation.col.regionalGroup")}
          value={props.filter.region}
          emptyLabel={t("accreditation.filter.all")}
          options={groupOptions(lang)}
        />
        <SelectField
          name="field"
          label={t("accreditation.filter.field")}
          value={props.filter.field}
          emptyLabel={t("accreditation.filter.all")}
          options={fieldOfWorkOptions(lang)}
        />
        <button type="submit">{t("accreditation.filter.apply")}</button>
      </form>
      <ul class="nav-list">
        <li>
          <a href={exportUrl("csv")}>{t("accreditation.export.csv")}</a>
        </li>
        <li>
          <a href={exportUrl("xlsx")}>{t("accreditation.export.xlsx")}</a>
        </li>
        <li>
          <a href={`/api/v1/sessions/${slug}/badges.pdf`}>{t("accreditation.badges.sessionSheet")}</a>
        </li>
        <li>
          <a href={`/api/v1/sessions/${slug}/security-export`}>{t("accreditation.export.security")}</a>
        </li>
      </ul>
      {props.items.length === 0 ? (
        <p class="muted">{t("accreditation.delegates.empty")}</p>
      ) : (
        <form method="post" action={`/sessions/${slug}/delegates/decisions`} id="decisions-form">
          <CsrfField />
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accreditation.col.select")}</th>
                <th scope="col">{t("accreditation.col.name")}</th>
                <th scope="col">{t("accreditation.col.organisation")}</th>
                <th scope="col">{t("accreditation.field.nationality")}</th>
                <th scope="col">{t("accreditation.col.status")}</th>
                <th scope="col">{t("accreditation.col.badge")}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((d) => (
                <tr>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={d.id}
                      id={`select-${d.id}`}
                      aria-label={t("accreditation.select", { name: d.full_name })}
                    />
                  </td>
                  <td>
                    <a href={`/delegates/${d.id}`}>{d.full_name}</a>
                    {d.title && <> — {d.title}</>}
                  </td>
                  <td>
                    {d.organisation}
                    <br />
                    <span class="muted">
                      {countryName.get(d.country) ?? d.country} · {groupLabel(d.regional_group, lang)}
                    </span>
                  </td>
                  <td>{countryName.get(d.nationality) ?? d.nationality}</td>
                  <td>{t(`accreditation.delegateStatus.${d.status}`)}</td>
                  <td>
                    {d.badge_code ? (
                      <a href={`/api/v1/delegates/${d.id}/badge.pdf`}>
                        <code>{formatCode(d.badge_code)}</code>
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" name="decision" value="approve">
            {t("accreditation.action.approveSelected")}
          </button>{" "}
          <button type="submit" name="decision" value="reject">
            {t("accreditation.action.rejectSelected")}
          </button>
        </form>
      )}
      <Pagination
        {...props.paging}
        href={(page) => `/sessions/${slug}/delegates?${query ? `${query}&` : ""}page=${page}`}
      />
    </article>
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
