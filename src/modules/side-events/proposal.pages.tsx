/** The organisers' pages of a proposal: the drafting form and the proposal with its co-organisers and panellists. */
import { languageNames, languages } from "../../platform/i18n/languages.js";
import { formatDate } from "../../platform/i18n/translate.js";
import { AnswerButtons } from "../../platform/ui/action-buttons.js";
import {
  ChoiceGroup,
  type FormErrors,
  FormProblem,
  type FormValues,
  filledFields,
  optionsOf,
  SelectField,
  str,
  TextArea,
  TextField,
} from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { fieldOfWorkOptions } from "../organisations/taxonomy.js";
import { localized, type SessionDetail } from "../sessions/sessions.service.js";
import { equipmentCodes } from "../sessions/sessions.tables.js";
import { PanellistList, Text } from "./side-events.pages.js";
import type { Proposal } from "./side-events.service.js";
import { genders, invitedKinds, protections } from "./side-events.tables.js";

export function ProposalFormPage(props: {
  org: { slug: string; name: string };
  session: SessionDetail;
  formats: string[];
  values: FormValues;
  errors: FormErrors;
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const { field, choices } = filledFields(props.values, props.errors);
  const slotOptions = s.timeSlots.map((slot) => ({
    value: slot.id,
    label: `${formatDate(lang, slot.startsAt, { dateStyle: "medium", timeZone: s.timeZone })} ${slot.start}–${slot.end}`,
  }));
  const langOptions = languages.map((l) => ({ value: l, label: languageNames[l] }));
  return (
    <article>
      <h1>{t("sideEvents.propose.title")}</h1>
      <p class="lead">
        {props.org.name} — {localized(s.name, lang)}
      </p>
      <form method="post" action={`/organisations/${props.org.slug}/sessions/${s.slug}/side-events/new`}>
        <CsrfField />
        <FormProblem text={props.errors.form} />
        <SelectField
          name="textLanguage"
          label={t("sideEvents.field.textLanguage")}
          value={str(props.values, "textLanguage") ?? lang}
          options={langOptions}
        />
        <TextField {...field("title")} label={t("sideEvents.field.title")} required maxLength={300} />
        <TextArea {...field("abstract")} label={t("sideEvents.field.abstract")} required maxLength={5000} />
        <ChoiceGroup
          {...choices("format")}
          type="radio"
          label={t("sideEvents.field.format")}
          options={optionsOf(props.formats, (f) => t(`sideEvents.format.${f}` as "sideEvents.format.panel"))}
        />
        <ChoiceGroup
          {...choices("agendaItemIds")}
          label={t("sideEvents.field.agendaItems")}
          options={s.agendaItems.map((i) => ({
            value: i.id,
            label: `${i.number}. ${localized(i.title, lang)}`,
          }))}
        />
        <ChoiceGroup
          {...choices("themes")}
          label={t("sideEvents.field.themes")}
          options={fieldOfWorkOptions(lang)}
        />
        <ChoiceGroup
          {...choices("languages")}
          label={t("sideEvents.field.languages")}
          options={langOptions}
        />
        <ChoiceGroup
          {...choices("interpretation")}
          label={t("sideEvents.field.interpretation")}
          options={langOptions}
        />
        <TextField
          {...field("expectedAudience")}
          type="number"
          label={t("sideEvents.field.expectedAudience")}
          required
        />
        <ChoiceGroup
          {...choices("equipment")}
          label={t("sideEvents.field.equipment")}
          options={optionsOf(equipmentCodes, (c) => t(`sessions.equipment.${c}`))}
        />
        <ChoiceGroup
          {...choices("preferredSlotIds")}
          label={t("sideEvents.field.preferredSlots")}
          options={slotOptions}
        />
        <ChoiceGroup
          {...choices("impossibleSlotIds")}
          label={t("sideEvents.field.impossibleSlots")}
          options={slotOptions}
        />
        <button type="submit">{t("sideEvents.propose.submit")}</button>
      </form>
    </article>
  );
}

export function ProposalPage(props: {
  proposal: Proposal;
  canRespond: string[];
  error?: string;
  admitted?: Array<{ slug: string; name: string }>;
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { t } = usePage();
  const p = props.proposal;
  const e = props.errors ?? {};
  const { field, choices } = filledFields(props.values, e);
  const editable = (p.viewer === "lead" || p.viewer === "secretariat") && p.status === "draft";
  const taken = new Set([p.lead.slug, ...p.coorganisers.flatMap((c) => c.organisation?.slug ?? [])]);
  const candidates = (props.admitted ?? []).filter((o) => !taken.has(o.slug));
  return (
    <article>
      <Text text={p.title} as="h1" />
      <p>
        {t("sideEvents.status")}:{" "}
        <strong>{t(`sideEvents.status.${p.status}` as "sideEvents.status.draft")}</strong>
      </p>
      {p.viewer !== "reviewer" && (
        <p>
          {(p.viewer === "lead" || p.viewer === "secretariat") && (
            <>
              <a href={`/side-events/proposals/${p.id}/photos`}>{t("sideEvents.link.photos")}</a> ·{" "}
              <a href={`/side-events/proposals/${p.id}/panellist-links`}>{t("scheduling.links.title")}</a>
              {p.status === "accepted" && " · "}
            </>
          )}
          {p.status === "accepted" && (
            <a href={`/side-events/proposals/${p.id}/after`}>{t("sideEvents.link.after")}</a>
          )}
        </p>
      )}
      <FormProblem text={props.error} />
      <Text text={p.abstract} />
      <h2>{t("sideEvents.organisers")}</h2>
      <ul>
        <li>
          {p.lead.name} ({t("sideEvents.lead")})
        </li>
        {p.coorganisers.map((c) => (
          <li>
            {c.organisation?.name ?? c.invitedName} —{" "}
            {t(`sideEvents.coStatus.${c.status}` as "sideEvents.coStatus.pending")}
            {c.organisation && props.canRespond.includes(c.organisation.slug) && c.status === "pending" && (
              <AnswerButtons
                action={`/side-events/proposals/${p.id}/co-organisers/${c.organisation.slug}/response`}
                name="decision"
                choices={[
                  { value: "confirm", label: t("sideEvents.co.confirm") },
                  { value: "decline", label: t("sideEvents.co.decline") },
                ]}
              />
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <section>
          <h3>{t("sideEvents.co.add")}</h3>
          <FormProblem text={e.coorganiser} />
          {candidates.length > 0 && (
            <form method="post" action={`/side-events/proposals/${p.id}/co-organisers`}>
              <CsrfField />
              <SelectField
                {...field("organisation")}
                error={undefined}
                label={t("sideEvents.co.organisation")}
                options={candidates.map((o) => ({ value: o.slug, label: o.name }))}
              />
              <button type="submit">{t("sideEvents.co.ask")}</button>
            </form>
          )}
          <form method="post" action={`/side-events/proposals/${p.id}/co-organisers`}>
            <CsrfField />
            <fieldset>
              <legend>{t("sideEvents.co.invite")}</legend>
              <TextField {...field("inviteName")} label={t("sideEvents.co.inviteName")} maxLength={200} />
              <TextField {...field("inviteEmail")} type="email" label={t("sideEvents.co.inviteEmail")} />
              <SelectField
                {...field("inviteKind")}
                error={undefined}
                label={t("sideEvents.co.inviteKind")}
                options={optionsOf(invitedKinds, (k) => t(`sideEvents.kind.${k}` as "sideEvents.kind.ngo"))}
              />
            </fieldset>
            <button type="submit">{t("sideEvents.co.inviteSubmit")}</button>
          </form>
        </section>
      )}
      <h2>{t("sideEvents.panellists")}</h2>
      <PanellistList panellists={p.panellists} />
      {(p.viewer === "lead" || p.viewer === "secretariat") &&
        !["withdrawn", "rejected"].includes(p.status) && (
          <form method="post" action={`/side-events/proposals/${p.id}/panellists`}>
            <CsrfField />
            <h3>{t("sideEvents.p.add")}</h3>
            <FormProblem text={e.panellist} />
            <TextField {...field("name")} label={t("sideEvents.p.name")} required maxLength={200} />
            <TextField {...field("affiliation")} label={t("sideEvents.p.affiliation")} maxLength={200} />
            <SelectField
              {...field("gender")}
              label={t("sideEvents.p.gender")}
              options={optionsOf(genders, (g) =>
                t(`sideEvents.p.gender.${g}` as "sideEvents.p.gender.female"),
              )}
            />
            <TextField {...field("country")} label={t("sideEvents.p.country")} maxLength={2} />
            <TextArea {...field("bio")} label={t("sideEvents.p.bio")} maxLength={1000} />
            <TextField {...field("role")} label={t("sideEvents.p.role")} required maxLength={100} />
            <ChoiceGroup
              {...choices("consentToPublish")}
              error={undefined}
              label={t("sideEvents.p.consent")}
              options={[{ value: "yes", label: t("sideEvents.p.consent") }]}
            />
            <SelectField
              {...field("protection")}
              label={t("sideEvents.p.protection")}
              hint={t("sideEvents.p.protectionHint")}
              options={[
                { value: "", label: t("sideEvents.p.protection.none") },
                ...optionsOf(protections, (x) =>
                  t(`sideEvents.p.protection.${x}` as "sideEvents.p.protection.minor"),
                ),
              ]}
            />
            <ChoiceGroup
              {...choices("minor")}
              error={undefined}
              label={t("sideEvents.p.protection.minor")}
              options={[{ value: "yes", label: t("sideEvents.p.minor") }]}
            />
            <TextField {...field("pseudonym")} label={t("sideEvents.p.pseudonym")} maxLength={100} />
            <button type="submit">{t("sideEvents.p.submit")}</button>
          </form>
        )}
      {p.status === "draft" && (p.viewer === "lead" || p.viewer === "secretariat") && (
        <form method="post" action={`/side-events/proposals/${p.id}/submit`}>
          <CsrfField />
          <button type="submit">{t("sideEvents.submit")}</button>
        </form>
      )}
    </article>
  );
}
