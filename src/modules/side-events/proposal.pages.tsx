/** The organisers' pages of a proposal: the drafting form and the proposal with its co-organisers and panellists. */
import { languageNames, languages } from "../../platform/i18n/languages.js";
import { formatDate } from "../../platform/i18n/translate.js";
import {
  ChoiceGroup,
  type FormErrors,
  type FormValues,
  list,
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
  const v = props.values;
  const e = props.errors;
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
        {e.form && (
          <p class="field-error" role="alert">
            {e.form}
          </p>
        )}
        <SelectField
          name="textLanguage"
          label={t("sideEvents.field.textLanguage")}
          value={str(v, "textLanguage") ?? lang}
          options={langOptions}
        />
        <TextField
          name="title"
          label={t("sideEvents.field.title")}
          value={str(v, "title")}
          error={e.title}
          required
          maxLength={300}
        />
        <TextArea
          name="abstract"
          label={t("sideEvents.field.abstract")}
          value={str(v, "abstract")}
          error={e.abstract}
          required
          maxLength={5000}
        />
        <ChoiceGroup
          name="format"
          type="radio"
          label={t("sideEvents.field.format")}
          values={list(v, "format")}
          error={e.format}
          options={props.formats.map((f) => ({
            value: f,
            label: t(`sideEvents.format.${f}` as "sideEvents.format.panel"),
          }))}
        />
        <ChoiceGroup
          name="agendaItemIds"
          label={t("sideEvents.field.agendaItems")}
          values={list(v, "agendaItemIds")}
          error={e.agendaItemIds}
          options={s.agendaItems.map((i) => ({
            value: i.id,
            label: `${i.number}. ${localized(i.title, lang)}`,
          }))}
        />
        <ChoiceGroup
          name="themes"
          label={t("sideEvents.field.themes")}
          values={list(v, "themes")}
          error={e.themes}
          options={fieldOfWorkOptions(lang)}
        />
        <ChoiceGroup
          name="languages"
          label={t("sideEvents.field.languages")}
          values={list(v, "languages")}
          error={e.languages}
          options={langOptions}
        />
        <ChoiceGroup
          name="interpretation"
          label={t("sideEvents.field.interpretation")}
          values={list(v, "interpretation")}
          error={e.interpretation}
          options={langOptions}
        />
        <TextField
          name="expectedAudience"
          type="number"
          label={t("sideEvents.field.expectedAudience")}
          value={str(v, "expectedAudience")}
          error={e.expectedAudience}
          required
        />
        <ChoiceGroup
          name="equipment"
          label={t("sideEvents.field.equipment")}
          values={list(v, "equipment")}
          error={e.equipment}
          options={equipmentCodes.map((c) => ({
            value: c,
            label: t(`sessions.equipment.${c}` as "sessions.equipment.projector"),
          }))}
        />
        <ChoiceGroup
          name="preferredSlotIds"
          label={t("sideEvents.field.preferredSlots")}
          values={list(v, "preferredSlotIds")}
          error={e.preferredSlotIds}
          options={slotOptions}
        />
        <ChoiceGroup
          name="impossibleSlotIds"
          label={t("sideEvents.field.impossibleSlots")}
          values={list(v, "impossibleSlotIds")}
          error={e.impossibleSlotIds}
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
  const v = props.values ?? {};
  const e = props.errors ?? {};
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
      {props.error && (
        <p class="field-error" role="alert">
          {props.error}
        </p>
      )}
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
              <form
                method="post"
                action={`/side-events/proposals/${p.id}/co-organisers/${c.organisation.slug}/response`}
                class="inline-form"
              >
                <CsrfField />
                <button type="submit" name="decision" value="confirm">
                  {t("sideEvents.co.confirm")}
                </button>{" "}
                <button type="submit" name="decision" value="decline">
                  {t("sideEvents.co.decline")}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <section>
          <h3>{t("sideEvents.co.add")}</h3>
          {e.coorganiser && (
            <p class="field-error" role="alert">
              {e.coorganiser}
            </p>
          )}
          {candidates.length > 0 && (
            <form method="post" action={`/side-events/proposals/${p.id}/co-organisers`}>
              <CsrfField />
              <SelectField
                name="organisation"
                label={t("sideEvents.co.organisation")}
                value={str(v, "organisation")}
                options={candidates.map((o) => ({ value: o.slug, label: o.name }))}
              />
              <button type="submit">{t("sideEvents.co.ask")}</button>
            </form>
          )}
          <form method="post" action={`/side-events/proposals/${p.id}/co-organisers`}>
            <CsrfField />
            <fieldset>
              <legend>{t("sideEvents.co.invite")}</legend>
              <TextField
                name="inviteName"
                label={t("sideEvents.co.inviteName")}
                value={str(v, "inviteName")}
                error={e.inviteName}
                maxLength={200}
              />
              <TextField
                name="inviteEmail"
                type="email"
                label={t("sideEvents.co.inviteEmail")}
                value={str(v, "inviteEmail")}
                error={e.inviteEmail}
              />
              <SelectField
                name="inviteKind"
                label={t("sideEvents.co.inviteKind")}
                value={str(v, "inviteKind")}
                options={invitedKinds.map((k) => ({
                  value: k,
                  label: t(`sideEvents.kind.${k}` as "sideEvents.kind.ngo"),
                }))}
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
            {e.panellist && (
              <p class="field-error" role="alert">
                {e.panellist}
              </p>
            )}
            <TextField
              name="name"
              label={t("sideEvents.p.name")}
              value={str(v, "name")}
              error={e.name}
              required
              maxLength={200}
            />
            <TextField
              name="affiliation"
              label={t("sideEvents.p.affiliation")}
              value={str(v, "affiliation")}
              error={e.affiliation}
              maxLength={200}
            />
            <SelectField
              name="gender"
              label={t("sideEvents.p.gender")}
              value={str(v, "gender")}
              error={e.gender}
              options={genders.map((g) => ({
                value: g,
                label: t(`sideEvents.p.gender.${g}` as "sideEvents.p.gender.female"),
              }))}
            />
            <TextField
              name="country"
              label={t("sideEvents.p.country")}
              value={str(v, "country")}
              error={e.country}
              maxLength={2}
            />
            <TextArea
              name="bio"
              label={t("sideEvents.p.bio")}
              value={str(v, "bio")}
              error={e.bio}
              maxLength={1000}
            />
            <TextField
              name="role"
              label={t("sideEvents.p.role")}
              value={str(v, "role")}
              error={e.role}
              required
              maxLength={100}
            />
            <ChoiceGroup
              name="consentToPublish"
              label={t("sideEvents.p.consent")}
              values={list(v, "consentToPublish")}
              options={[{ value: "yes", label: t("sideEvents.p.consent") }]}
            />
            <SelectField
              name="protection"
              label={t("sideEvents.p.protection")}
              hint={t("sideEvents.p.protectionHint")}
              value={str(v, "protection")}
              error={e.protection}
              options={[
                { value: "", label: t("sideEvents.p.protection.none") },
                ...protections.map((x) => ({
                  value: x,
                  label: t(`sideEvents.p.protection.${x}` as "sideEvents.p.protection.minor"),
                })),
              ]}
            />
            <ChoiceGroup
              name="minor"
              label={t("sideEvents.p.protection.minor")}
              values={list(v, "minor")}
              options={[{ value: "yes", label: t("sideEvents.p.minor") }]}
            />
            <TextField
              name="pseudonym"
              label={t("sideEvents.p.pseudonym")}
              value={str(v, "pseudonym")}
              error={e.pseudonym}
              maxLength={100}
            />
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
