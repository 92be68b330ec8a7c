/**
 * The form where people create or edit an organisation's profile. It keeps what was typed and shows
 * translated errors next to each field. Members, invitations and coalitions are in members.pages.tsx.
 */
import { direction, languages } from "../../platform/i18n/languages.js";
import {
  ChoiceGroup,
  FieldGroup,
  type FormErrors,
  type FormValues,
  filledFields,
  list,
  optionsOf,
  PostForm,
  SelectField,
  str,
  TextArea,
  TextField,
} from "../../platform/ui/forms.js";
import { Outcome } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { languageName } from "./organisations.pages.js";
import type { OrganisationRow } from "./organisations.queries.js";
import { ecosocStatuses, kinds } from "./organisations.schemas.js";
import { countriesIn } from "./organisations.service.js";
import { fieldOfWorkOptions } from "./taxonomy.js";

/** The form's fields as the API's input (the same zod schema parses both). */
export function profileFormInput(body: FormValues) {
  const mission: Record<string, string> = {};
  for (const l of languages) {
    const text = str(body, `mission.${l}`);
    if (text !== undefined) mission[l] = text;
  }
  return {
    name: str(body, "name") ?? "",
    acronym: str(body, "acronym") ?? "",
    kind: str(body, "kind") ?? "ngo",
    country: str(body, "country") ?? "",
    fieldsOfWork: list(body, "fieldsOfWork"),
    ecosocStatus: str(body, "ecosocStatus") ?? "none",
    website: str(body, "website") ?? "",
    workingLanguages: list(body, "workingLanguages"),
    mission,
  };
}

/** An organisation's current profile as form values. */
export function profileFormValues(org: OrganisationRow): FormValues {
  const values: FormValues = {
    name: org.name,
    acronym: org.acronym ?? "",
    kind: org.kind,
    country: org.country,
    fieldsOfWork: org.fields_of_work,
    ecosocStatus: org.ecosoc_status,
    website: org.website ?? "",
    workingLanguages: org.working_languages,
    version: String(org.version),
  };
  for (const [l, text] of Object.entries(org.mission)) values[`mission.${l}`] = text;
  return values;
}

export function ProfileForm(props: {
  mode: "create" | "edit";
  action: string;
  values?: FormValues;
  errors?: FormErrors;
  /** a message above the form (a conflict, a refused change) */
  problem?: string;
  name?: string;
}) {
  const { t, lang } = usePage();
  const { values, errors = {} } = props;
  const { field, choices } = filledFields(values, errors);
  const missionOrder = [lang, ...languages.filter((l) => l !== lang)];
  return (
    <section>
      <h1>
        {props.mode === "create"
          ? t("org.form.createTitle")
          : t("org.form.editTitle", { name: props.name ?? "" })}
      </h1>
      {props.mode === "create" && <p class="lead">{t("org.form.createLead")}</p>}
      <Outcome problem={props.problem} />
      <PostForm
        action={props.action}
        errors={errors}
        submitLabel={props.mode === "create" ? t("org.form.create") : t("org.form.save")}
      >
        {props.mode === "edit" && <input type="hidden" name="version" value={str(values, "version")} />}
        <TextField {...field("name")} label={t("org.form.name")} required maxLength={200} />
        <TextField
          {...field("acronym")}
          label={t("org.form.acronym")}
          hint={t("org.form.acronymHint")}
          maxLength={30}
        />
        <ChoiceGroup
          {...choices("kind")}
          values={[str(values, "kind") ?? "ngo"]}
          type="radio"
          label={t("org.form.kind")}
          hint={t("org.form.kindHint")}
          options={optionsOf(kinds, (k) => t(`org.kind.${k}`))}
        />
        <SelectField
          {...field("country")}
          label={t("org.form.country")}
          hint={t("org.form.countryHint")}
          required
          emptyLabel={t("org.form.chooseCountry")}
          options={countriesIn(lang).map((c) => ({ value: c.code, label: c.name }))}
        />
        <ChoiceGroup
          {...choices("fieldsOfWork")}
          label={t("org.form.fieldsOfWork")}
          options={fieldOfWorkOptions(lang)}
        />
        <SelectField
          {...field("ecosocStatus")}
          value={str(values, "ecosocStatus") ?? "none"}
          label={t("org.form.ecosocStatus")}
          options={optionsOf(ecosocStatuses, (s) => t(`org.ecosoc.${s}`))}
        />
        <TextField
          {...field("website")}
          type="url"
          label={t("org.form.website")}
          hint={t("org.form.websiteHint")}
          maxLength={300}
        />
        <ChoiceGroup
          {...choices("workingLanguages")}
          label={t("org.form.workingLanguages")}
          options={optionsOf(languages, (l) => languageName(l, lang))}
        />
        <FieldGroup
          name="mission"
          label={t("org.form.mission")}
          hint={t("org.form.missionHint")}
          error={errors.mission}
        >
          {missionOrder.map((l) => (
            <TextArea
              {...field(`mission.${l}`)}
              label={t("org.form.missionIn", { language: languageName(l, lang) })}
              lang={l}
              dir={direction(l)}
              rows={l === lang ? 6 : 3}
              maxLength={5000}
            />
          ))}
        </FieldGroup>
      </PostForm>
    </section>
  );
}
