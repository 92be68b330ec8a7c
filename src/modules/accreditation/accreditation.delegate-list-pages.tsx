/**
 * Delegate list pages: the focal point's delegates of a session (quota, register with a photo,
 * badges) and the secretariat's delegates of a session (filters, exports, bulk approval, badge
 * codes). ID numbers and dates of birth never appear here: the register form takes them but does
 * not echo them back after an error (only the person's own page shows them).
 */
import { formatNumber } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, SelectField, TextField } from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary, Pagination } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { countriesIn } from "../organisations/organisations.service.js";
import { fieldOfWorkOptions } from "../organisations/taxonomy.js";
import { localized, type Session } from "../sessions/sessions.service.js";
import { DelegateFields } from "./accreditation.delegate-fields.js";
import {
  countryOptions,
  groupLabel,
  groupOptions,
  Notice,
  type Rows,
  SessionLead,
} from "./accreditation.page-parts.js";
import { formatCode } from "./badges.service.js";
import type { DelegateSummary } from "./delegates.service.js";
import type { listSessionDelegates } from "./participation.service.js";

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
