/** A registered delegate's page for their focal point and the secretariat: data, photo, badge. */
import { isSecretariat } from "../../platform/context.js";
import { formatDate } from "../../platform/i18n/translate.js";
import { FileField, type FormErrors, type FormValues, TextField } from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized } from "../sessions/sessions.service.js";
import { DelegateFields, PHOTO_TYPES } from "./accreditation.delegate-fields.js";
import { formatCode } from "./badges.service.js";
import type { getDelegatePage } from "./delegates.service.js";

export type DelegatePageData = Awaited<ReturnType<typeof getDelegatePage>>;

export function DelegatePage(props: {
  data: DelegatePageData;
  values: FormValues;
  errors: FormErrors;
  notice?: string;
}) {
  const { t, lang, actor } = usePage();
  const { delegate: d, organisation, session, validBadge } = props.data;
  const secretariat = isSecretariat(actor);
  const editable = secretariat || d.status === "pending";
  const base = `/delegates/${d.id}`;
  const date = (at: Date) => formatDate(lang, at, { dateStyle: "long" });
  return (
    <article>
      <h1>{t("accreditation.delegatePage.title", { name: d.fullName })}</h1>
      <p class="lead">
        <a href={`/organisations/${organisation.slug}`}>{organisation.name}</a> ·{" "}
        <a href={`/sessions/${session.slug}`}>{localized(session.name, lang)}</a> ·{" "}
        {t(`accreditation.delegateStatus.${d.status}`)}
      </p>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}

      <h2>{t("accreditation.delegatePage.data")}</h2>
      {editable ? (
        <form method="post" action={base} id="delegate-form">
          <CsrfField />
          <ErrorSummary errors={props.errors} />
          <p class="hint">{t("accreditation.delegatePage.sensitiveHint")}</p>
          <DelegateFields values={props.values} errors={props.errors} />
          <button type="submit">{t("accreditation.delegate.save")}</button>
        </form>
      ) : (
        <p class="muted">{t("accreditation.delegatePage.locked")}</p>
      )}

      <h2>{t("accreditation.field.photo")}</h2>
      {d.hasPhoto ? (
        <img
          src={`/api/v1/delegates/${d.id}/photo`}
          alt={t("accreditation.delegatePage.photoCurrent", { name: d.fullName })}
          width={120}
        />
      ) : (
        <p class="muted">{t("accreditation.delegatePage.photoNone")}</p>
      )}
      {d.personalDataPurged && <p class="muted">{t("accreditation.delegate.photoPurged")}</p>}
      {editable && !d.personalDataPurged && (
        // multipart: parsed by the module before the platform's CSRF check (accreditation.page-route-parts.ts)
        <form method="post" action={`${base}/photo`} enctype="multipart/form-data" id="photo-form">
          <CsrfField />
          <FileField
            name="photo"
            label={t("accreditation.delegatePage.photoReplace")}
            hint={t("accreditation.field.photo.hint")}
            error={props.errors.photo}
            accept={PHOTO_TYPES}
            required
          />
          <button type="submit">{t("accreditation.delegatePage.photoReplace")}</button>
        </form>
      )}

      <h2>{t("accreditation.delegatePage.badge")}</h2>
      {validBadge ? (
        <p>
          <a href={`/api/v1/delegates/${d.id}/badge.pdf`}>
            {t("accreditation.delegatePage.badgeValid", {
              code: formatCode(validBadge.code),
              date: date(validBadge.issued_at),
            })}
          </a>
        </p>
      ) : (
        <p class="muted">{t("accreditation.delegatePage.badgeNone")}</p>
      )}
      {props.data.revokedBadges.length > 0 && (
        <ul>
          {props.data.revokedBadges.map((b) => (
            <li>
              {t("accreditation.delegatePage.badgeRevoked", {
                code: formatCode(b.code),
                date: date(b.revoked_at!),
                reason: b.revoked_reason ?? "",
              })}
            </li>
          ))}
        </ul>
      )}
      {secretariat && validBadge && (
        <form method="post" action={`${base}/badge/revoke`} id="revoke-form">
          <CsrfField />
          <TextField
            name="reason"
            label={t("accreditation.delegatePage.revokeReason")}
            value={undefined}
            error={props.errors.reason}
            required
            maxLength={500}
          />
          <button type="submit">{t("accreditation.delegatePage.revoke")}</button>
        </form>
      )}
      {secretariat && d.status === "approved" && (
        <form method="post" action={`${base}/badge/reissue`} id="reissue-form">
          <CsrfField />
          <button type="submit">{t("accreditation.delegatePage.reissue")}</button>
        </form>
      )}
    </article>
  );
}
