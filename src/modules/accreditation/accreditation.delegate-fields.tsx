/**
 * The delegate's fields, shared by the focal point's register form, the delegate's page for the
 * focal point and the secretariat, and the person's own page. The ID number and the date of birth
 * are filled in only on the person's own page.
 */
import { languages } from "../../platform/i18n/languages.js";
import {
  type FormErrors,
  type FormValues,
  filledFields,
  optionsOf,
  SelectField,
  TextField,
} from "../../platform/ui/forms.js";
import { usePage } from "../../platform/ui/page-context.js";
import { countryOptions } from "./accreditation.page-parts.js";
import type { DelegateDetail } from "./delegates.service.js";

/** The photo formats a badge accepts (the upload's bytes are checked in accreditation.files.ts). */
export const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

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
  const { field } = filledFields(props.values, props.errors);
  /** the ID number and date of birth are never echoed back except on the person's own page */
  const sensitive = (name: string) => ({
    ...field(name),
    value: props.showSensitive ? field(name).value : undefined,
  });
  const choose = t("accreditation.choose");
  return (
    <>
      <TextField
        {...field("fullName")}
        label={t("accreditation.field.fullName")}
        required
        maxLength={200}
        autocomplete="off"
      />
      <TextField {...field("title")} label={t("accreditation.field.title")} maxLength={200} />
      <TextField
        {...field("email")}
        type="email"
        label={t("accreditation.field.email")}
        required
        maxLength={254}
        autocomplete="off"
      />
      <SelectField
        {...field("nationality")}
        label={t("accreditation.field.nationality")}
        options={countryOptions(lang)}
        emptyLabel={choose}
        required
      />
      <SelectField
        {...field("gender")}
        label={t("accreditation.field.gender")}
        options={optionsOf(genders, (g) => t(`accreditation.gender.${g}`))}
        emptyLabel={choose}
        required
      />
      {props.identityFields !== false && (
        <>
          <TextField {...sensitive("dateOfBirth")} type="date" label={t("accreditation.field.dateOfBirth")} />
          <SelectField
            {...field("idDocumentType")}
            label={t("accreditation.field.idDocumentType")}
            options={optionsOf(idTypes, (k) => t(`accreditation.idType.${k}`))}
            emptyLabel={choose}
          />
          <TextField
            {...sensitive("idDocumentNumber")}
            label={t("accreditation.field.idDocumentNumber")}
            maxLength={50}
            autocomplete="off"
          />
          <TextField
            {...field("idDocumentExpiry")}
            type="date"
            label={t("accreditation.field.idDocumentExpiry")}
          />
        </>
      )}
      {props.withLanguage && (
        <SelectField
          {...field("language")}
          value={field("language").value ?? lang}
          label={t("accreditation.field.language")}
          options={optionsOf(languages, (l) => t(`accreditation.language.${l}`))}
        />
      )}
    </>
  );
}

const genders = ["female", "male", "other", "undisclosed"] as const;
const idTypes = ["passport", "national_id", "other"] as const;

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
