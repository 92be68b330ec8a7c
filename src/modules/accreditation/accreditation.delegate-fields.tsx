/**
 * The delegate's fields, shared by the focal point's register form, the delegate's page for the
 * focal point and the secretariat, and the person's own page. The ID number and the date of birth
 * are filled in only on the person's own page.
 */
import { type FormErrors, type FormValues, SelectField, str, TextField } from "../../platform/ui/forms.js";
import { usePage } from "../../platform/ui/page-context.js";
import { countryOptions } from "./accreditation.page-parts.js";
import type { DelegateDetail } from "./delegates.service.js";

export function DelegateFields(props: {
  values: FormValues;
  errors: FormErrors;
  /** the ID number and date of birth are shown only on the person's own page */
  showSensitive?: boolean;
  /** false once the session's personal data was purged: the date of birth and ID are not asked again */
  identityFields?: boolean;
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
      {props.identityFields !== false && (
        <>
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
        </>
      )}
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
