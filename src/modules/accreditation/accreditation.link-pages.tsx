/**
 * The delegate's own page, reached by the link mailed to them (no account): their registration
 * and the public-list choice, their photo, and their badge. Every form posts to the same link,
 * which is then replaced (delegate-link.service.ts).
 */
import { formatDate } from "../../platform/i18n/translate.js";
import {
  FileField,
  type FormErrors,
  type FormValues,
  filledFields,
  str,
  TextField,
} from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { DelegateFields, delegateValues, PHOTO_TYPES } from "./accreditation.delegate-fields.js";
import { formatCode } from "./badges.service.js";
import type { getDelegateLinkPage } from "./delegate-link.service.js";

export type DelegateLinkData = Awaited<ReturnType<typeof getDelegateLinkPage>>;

export function DelegateLinkPage(props: {
  data: DelegateLinkData;
  token: string;
  values?: FormValues;
  errors?: FormErrors;
  notice?: string;
}) {
  const { t, lang } = usePage();
  const { delegate: d, badge } = props.data;
  const errors = props.errors ?? {};
  const values = props.values ?? delegateValues(d);
  const consent = props.values ? str(props.values, "consentPublic") === "yes" : d.consentPublic;
  const pending = d.status === "pending";
  const base = `/delegate/${props.token}`;
  return (
    <article>
      <h1>{t("accreditation.delegate.title")}</h1>
      <p class="lead">{d.fullName}</p>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <p>
        {t("accreditation.status")}: <strong>{t(`accreditation.delegateStatus.${d.status}`)}</strong>
      </p>

      <section id="badge">
        <h2>{t("accreditation.delegate.badge")}</h2>
        {badge && d.status === "approved" ? (
          <>
            <p>
              {t("accreditation.delegate.badgeValid", {
                code: formatCode(badge.code),
                date: formatDate(lang, badge.issuedAt, { dateStyle: "long" }),
              })}
            </p>
            <p>
              <a class="button" href={`${base}/badge.pdf`}>
                {t("accreditation.badge.download")}
              </a>
            </p>
          </>
        ) : props.data.badgeWithdrawn ? (
          <p class="notice error">{t("accreditation.delegate.badgeWithdrawn")}</p>
        ) : (
          <p class="muted">
            {t(pending ? "accreditation.delegate.badgePending" : "accreditation.delegatePage.badgeNone")}
          </p>
        )}
      </section>

      <form method="post" action={base} id="delegate-form">
        <CsrfField />
        {pending ? (
          <>
            <p class="hint">{t("accreditation.delegate.intro")}</p>
            <DelegateFields
              values={values}
              errors={errors}
              showSensitive
              identityFields={!d.personalDataPurged}
            />
          </>
        ) : (
          <p class="muted">{t("accreditation.delegate.locked")}</p>
        )}
        <fieldset>
          <legend>{t("accreditation.field.consent")}</legend>
          <label>
            <input type="radio" name="consentPublic" value="yes" checked={consent} />{" "}
            {t("accreditation.consent.yes")}
          </label>
          <label>
            <input type="radio" name="consentPublic" value="no" checked={!consent} />{" "}
            {t("accreditation.consent.no")}
          </label>
        </fieldset>
        <button type="submit">
          {t(d.confirmed ? "accreditation.delegate.save" : "accreditation.delegate.confirm")}
        </button>
      </form>

      <section id="photo-section">
        <h2>{t("accreditation.delegate.photo")}</h2>
        {d.hasPhoto ? (
          <img src={`${base}/photo`} alt={t("accreditation.delegate.photoAlt")} width={120} />
        ) : (
          <p class="muted">{t("accreditation.delegatePage.photoNone")}</p>
        )}
        {d.personalDataPurged ? (
          <p class="muted">{t("accreditation.delegate.photoPurged")}</p>
        ) : pending ? (
          // multipart: parsed by the module before the platform's CSRF check (platform/multipart.ts)
          <form method="post" action={`${base}/photo`} enctype="multipart/form-data" id="photo-form">
            <CsrfField />
            <FileField
              name="photo"
              label={t("accreditation.delegate.photoNew")}
              hint={t("accreditation.field.photo.hint")}
              error={errors.photo}
              accept={PHOTO_TYPES}
              required
            />
            <button type="submit">{t("accreditation.delegate.photoNew")}</button>
          </form>
        ) : (
          <p class="muted">{t("accreditation.delegate.photoLocked")}</p>
        )}
      </section>
    </article>
  );
}

/** Asking for a new link by e-mail address; also what an old or unknown link shows (404). */
export function NewLinkPage(props: {
  expired?: boolean;
  notice?: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const { t } = usePage();
  return (
    <article>
      <h1>{t("accreditation.newLink.title")}</h1>
      {props.expired && <p class="notice error">{t("accreditation.newLink.expired")}</p>}
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <form method="post" action="/delegate-link" id="new-link-form">
        <CsrfField />
        <ErrorSummary errors={props.errors} />
        <p class="hint">{t("accreditation.newLink.intro")}</p>
        <TextField
          {...filledFields(props.values, props.errors).field("email")}
          type="email"
          label={t("accreditation.field.email")}
          required
          maxLength={254}
          autocomplete="email"
        />
        <button type="submit">{t("accreditation.newLink.submit")}</button>
      </form>
    </article>
  );
}
