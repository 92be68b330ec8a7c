/**
 * Delegate list pages: the focal point's delegates of a session (quota, register with a photo,
 * badges) and the secretariat's delegates of a session (filters, exports, bulk approval, badge
 * codes). ID numbers and dates of birth never appear here: the register form takes them but does
 * not echo them back after an error (only the person's own page shows them).
 */
import { formatNumber } from "../../platform/i18n/translate.js";
import { ChoiceButtons } from "../../platform/ui/action-buttons.js";
import { FilterForm } from "../../platform/ui/filter-form.js";
import { FileField, type FormErrors, type FormValues, optionsOf } from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary, Pagination } from "../../platform/ui/layout.js";
import { ListTable } from "../../platform/ui/list-table.js";
import { usePage } from "../../platform/ui/page-context.js";
import { countriesIn } from "../organisations/organisations.service.js";
import { fieldOfWorkOptions } from "../organisations/taxonomy.js";
import { localized, type Session } from "../sessions/sessions.service.js";
import { DelegateFields, PHOTO_TYPES } from "./accreditation.delegate-fields.js";
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
  const yesNo = (yes: boolean) => t(yes ? "accreditation.consent.yes" : "accreditation.consent.no");
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
      <ListTable
        rows={props.items}
        empty={t("accreditation.delegates.empty")}
        columns={[
          {
            header: t("accreditation.col.name"),
            cell: (d) => (
              <>
                {d.fullName}
                {d.title && <> — {d.title}</>}
              </>
            ),
          },
          { header: t("accreditation.field.email"), cell: (d) => d.email },
          {
            header: t("accreditation.col.status"),
            cell: (d) => t(`accreditation.delegateStatus.${d.status}`),
          },
          { header: t("accreditation.col.confirmed"), cell: (d) => yesNo(d.confirmed) },
          { header: t("accreditation.field.photo"), cell: (d) => yesNo(d.hasPhoto) },
          {
            header: t("accreditation.col.badge"),
            cell: (d) =>
              d.status === "approved" ? (
                <a href={`/api/v1/delegates/${d.id}/badge.pdf`} class="badge-link">
                  {t("accreditation.delegates.badgeOf", { name: d.fullName })}
                </a>
              ) : (
                "—"
              ),
          },
        ]}
      />
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
          <FileField
            name="photo"
            label={t("accreditation.field.photo")}
            hint={t("accreditation.field.photo.hint")}
            error={props.errors.photo}
            accept={PHOTO_TYPES}
          />
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

const delegateStatuses = ["pending", "approved", "rejected"] as const;

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
      <FilterForm
        action={`/sessions/${slug}/delegates`}
        values={{ ...props.filter }}
        anyLabel={t("accreditation.filter.all")}
        submitLabel={t("accreditation.filter.apply")}
        filters={[
          {
            name: "status",
            label: t("accreditation.col.status"),
            options: optionsOf(delegateStatuses, (s) => t(`accreditation.delegateStatus.${s}`)),
          },
          {
            name: "organisation",
            label: t("accreditation.filter.organisation"),
            hint: t("accreditation.filter.organisation.hint"),
            maxLength: 100,
          },
          { name: "country", label: t("accreditation.col.country"), options: countryOptions(lang) },
          { name: "region", label: t("accreditation.col.regionalGroup"), options: groupOptions(lang) },
          { name: "field", label: t("accreditation.filter.field"), options: fieldOfWorkOptions(lang) },
        ]}
      />
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
          <ListTable
            rows={props.items}
            columns={[
              {
                header: t("accreditation.col.select"),
                cell: (d) => (
                  <input
                    type="checkbox"
                    name="ids"
                    value={d.id}
                    id={`select-${d.id}`}
                    aria-label={t("accreditation.select", { name: d.full_name })}
                  />
                ),
              },
              {
                header: t("accreditation.col.name"),
                cell: (d) => (
                  <>
                    <a href={`/delegates/${d.id}`}>{d.full_name}</a>
                    {d.title && <> — {d.title}</>}
                  </>
                ),
              },
              {
                header: t("accreditation.col.organisation"),
                cell: (d) => (
                  <>
                    {d.organisation}
                    <br />
                    <span class="muted">
                      {countryName.get(d.country) ?? d.country} · {groupLabel(d.regional_group, lang)}
                    </span>
                  </>
                ),
              },
              {
                header: t("accreditation.field.nationality"),
                cell: (d) => countryName.get(d.nationality) ?? d.nationality,
              },
              {
                header: t("accreditation.col.status"),
                cell: (d) => t(`accreditation.delegateStatus.${d.status}`),
              },
              {
                header: t("accreditation.col.badge"),
                cell: (d) =>
                  d.badge_code ? (
                    <a href={`/api/v1/delegates/${d.id}/badge.pdf`}>
                      <code>{formatCode(d.badge_code)}</code>
                    </a>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
          <ChoiceButtons
            name="decision"
            choices={[
              { value: "approve", label: t("accreditation.action.approveSelected") },
              { value: "reject", label: t("accreditation.action.rejectSelected") },
            ]}
          />
        </form>
      )}
      <Pagination
        {...props.paging}
        href={(page) => `/sessions/${slug}/delegates?${query ? `${query}&` : ""}page=${page}`}
      />
    </article>
  );
}
