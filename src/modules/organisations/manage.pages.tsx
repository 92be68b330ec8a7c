/**
 * The pages where people manage an organisation: the profile form (create and edit), members and
 * invitations, coalitions, and the page an invitation link opens. Forms keep what was typed and
 * show translated errors next to each field.
 */
import type { ComponentChildren } from "preact";
import { direction, languages } from "../../platform/i18n/languages.js";
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
import { CsrfField, ErrorSummary } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { languageName } from "./organisations.pages.js";
import type { OrganisationRow } from "./organisations.queries.js";
import { ecosocStatuses, kinds, organisationRoles } from "./organisations.schemas.js";
import { countriesIn } from "./organisations.service.js";
import { fieldOfWorkOptions } from "./taxonomy.js";

// ---- the profile form ----

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
  const missionOrder = [lang, ...languages.filter((l) => l !== lang)];
  return (
    <section>
      <h1>
        {props.mode === "create"
          ? t("org.form.createTitle")
          : t("org.form.editTitle", { name: props.name ?? "" })}
      </h1>
      {props.mode === "create" && <p class="lead">{t("org.form.createLead")}</p>}
      {props.problem && (
        <div class="error-summary" role="alert">
          <p>{props.problem}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={props.action} class="stacked" novalidate>
        <CsrfField />
        {props.mode === "edit" && <input type="hidden" name="version" value={str(values, "version")} />}
        <TextField
          name="name"
          label={t("org.form.name")}
          value={str(values, "name")}
          error={errors.name}
          required
          maxLength={200}
        />
        <TextField
          name="acronym"
          label={t("org.form.acronym")}
          hint={t("org.form.acronymHint")}
          value={str(values, "acronym")}
          error={errors.acronym}
          maxLength={30}
        />
        <ChoiceGroup
          name="kind"
          type="radio"
          label={t("org.form.kind")}
          hint={t("org.form.kindHint")}
          values={[str(values, "kind") ?? "ngo"]}
          error={errors.kind}
          options={kinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
        />
        <SelectField
          name="country"
          label={t("org.form.country")}
          hint={t("org.form.countryHint")}
          value={str(values, "country")}
          error={errors.country}
          required
          emptyLabel={t("org.form.chooseCountry")}
          options={countriesIn(lang).map((c) => ({ value: c.code, label: c.name }))}
        />
        <ChoiceGroup
          name="fieldsOfWork"
          label={t("org.form.fieldsOfWork")}
          values={list(values, "fieldsOfWork")}
          error={errors.fieldsOfWork}
          options={fieldOfWorkOptions(lang)}
        />
        <SelectField
          name="ecosocStatus"
          label={t("org.form.ecosocStatus")}
          value={str(values, "ecosocStatus") ?? "none"}
          error={errors.ecosocStatus}
          options={ecosocStatuses.map((s) => ({ value: s, label: t(`org.ecosoc.${s}`) }))}
        />
        <TextField
          name="website"
          type="url"
          label={t("org.form.website")}
          hint={t("org.form.websiteHint")}
          value={str(values, "website")}
          error={errors.website}
          maxLength={300}
        />
        <ChoiceGroup
          name="workingLanguages"
          label={t("org.form.workingLanguages")}
          values={list(values, "workingLanguages")}
          error={errors.workingLanguages}
          options={languages.map((l) => ({ value: l, label: languageName(l, lang) }))}
        />
        <fieldset id="mission" aria-describedby={errors.mission ? "mission-error" : "mission-hint"}>
          <legend>{t("org.form.mission")}</legend>
          <p class="hint" id="mission-hint">
            {t("org.form.missionHint")}
          </p>
          {errors.mission && (
            <p class="field-error" id="mission-error">
              {errors.mission}
            </p>
          )}
          {missionOrder.map((l) => (
            <TextArea
              name={`mission.${l}`}
              label={t("org.form.missionIn", { language: languageName(l, lang) })}
              value={str(values, `mission.${l}`)}
              error={errors[`mission.${l}`]}
              lang={l}
              dir={direction(l)}
              rows={l === lang ? 6 : 3}
              maxLength={5000}
            />
          ))}
        </fieldset>
        <p>
          <button type="submit">{props.mode === "create" ? t("org.form.create") : t("org.form.save")}</button>
        </p>
      </form>
    </section>
  );
}

// ---- members, invitations and coalitions ----

export interface MembersView {
  org: { slug: string; name: string; kind: "ngo" | "coalition" };
  role: "focal_point" | "member" | "secretariat";
  members: Array<{
    userId: string;
    displayName: string;
    email: string;
    role: "focal_point" | "member";
    since: Date;
  }>;
  invitations: Array<{ id: string; email: string; role: "focal_point" | "member"; expiresAt: Date }>;
  coalitions: {
    asCoalition: Array<CoalitionLinkView>;
    asMember: Array<CoalitionLinkView>;
  };
}

interface CoalitionLinkView {
  organisation: { slug: string; name: string };
  status: "invited" | "active" | "declined" | "ended";
}

function PostButton(props: {
  action: string;
  label: string;
  danger?: boolean;
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.danger ? "danger" : undefined}>
        {props.label}
      </button>
    </form>
  );
}

export function MembersPage(props: {
  view: MembersView;
  notice?: string;
  problem?: string;
  invite?: { values?: FormValues; errors?: FormErrors };
  coalitionInvite?: { values?: FormValues; errors?: FormErrors };
}) {
  const { t, lang, actor } = usePage();
  const { view } = props;
  const base = `/organisations/${view.org.slug}`;
  const manages = view.role === "focal_point" || view.role === "secretariat";
  const date = (d: Date) => formatDate(lang, d, { dateStyle: "medium" });
  const roleOptions = organisationRoles.map((r) => ({ value: r, label: t(`org.role.${r}`) }));
  return (
    <section>
      <h1>{t("org.members.title", { name: view.org.name })}</h1>
      <p class="muted">{t("org.members.private")}</p>
      <p>
        <a href={base}>{view.org.name}</a>
      </p>
      {props.notice && (
        <div class="notice success" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      {props.problem && (
        <div class="error-summary" role="alert">
          <p>{props.problem}</p>
        </div>
      )}

      <h2>{t("org.members.people")}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("org.members.name")}</th>
              <th scope="col">{t("org.members.email")}</th>
              <th scope="col">{t("org.members.role")}</th>
              <th scope="col">{t("org.members.since")}</th>
              <th scope="col">{t("org.members.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.members.map((m) => {
              const self = actor?.id === m.userId;
              return (
                <tr>
                  <td>
                    {m.displayName} {self && t("org.members.you")}
                  </td>
                  <td>{m.email}</td>
                  <td>{t(`org.role.${m.role}`)}</td>
                  <td>{date(m.since)}</td>
                  <td>
                    {manages && (
                      <form method="post" action={`${base}/members/${m.userId}/role`} class="inline-form">
                        <CsrfField />
                        <select
                          id={`role-${m.userId}`}
                          name="role"
                          aria-label={t("org.members.roleOf", { name: m.displayName })}
                        >
                          {roleOptions.map((o) => (
                            <option value={o.value} selected={o.value === m.role}>
                              {o.label}
                            </option>
                          ))}
                        </select>{" "}
                        <button type="submit">{t("org.members.changeRole")}</button>
                      </form>
                    )}{" "}
                    {(manages || self) && (
                      <PostButton
                        action={`${base}/members/${m.userId}/remove`}
                        label={self ? t("org.members.leave") : t("org.members.remove")}
                        danger
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {manages && (
        <>
          <h2 id="invitations">{t("org.invite.pending")}</h2>
          {view.invitations.length === 0 ? (
            <p>{t("org.coalition.none")}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("org.members.email")}</th>
                    <th scope="col">{t("org.members.role")}</th>
                    <th scope="col">{t("org.invite.expires")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.invitations.map((i) => (
                    <tr>
                      <td>{i.email}</td>
                      <td>{t(`org.role.${i.role}`)}</td>
                      <td>{date(i.expiresAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t("org.invite.title")}</h2>
          <p>{t("org.invite.lead")}</p>
          <ErrorSummary errors={props.invite?.errors} />
          <form method="post" action={`${base}/invitations`} class="stacked" novalidate>
            <CsrfField />
            <TextField
              name="email"
              type="email"
              label={t("org.invite.email")}
              value={str(props.invite?.values, "email")}
              error={props.invite?.errors?.email}
              required
              autocomplete="off"
            />
            <SelectField
              name="role"
              label={t("org.invite.role")}
              value={str(props.invite?.values, "role") ?? "member"}
              error={props.invite?.errors?.role}
              options={roleOptions}
            />
            <p>
              <button type="submit">{t("org.invite.submit")}</button>
            </p>
          </form>
        </>
      )}

      <h2>{t("org.coalition.title")}</h2>
      {view.org.kind === "coalition" && (
        <>
          <h3>{t("org.coalition.members")}</h3>
          <CoalitionTable
            links={view.coalitions.asCoalition}
            actions={(link) =>
              manages && (link.status === "active" || link.status === "invited") ? (
                <PostButton
                  action={`${base}/coalition-members/${link.organisation.slug}/end`}
                  label={link.status === "active" ? t("org.coalition.end") : t("org.coalition.withdraw")}
                  danger
                />
              ) : null
            }
          />
          {manages && (
            <>
              <h3>{t("org.coalition.invite")}</h3>
              <form method="post" action={`${base}/coalition-members`} class="stacked" novalidate>
                <CsrfField />
                <TextField
                  name="memberSlug"
                  label={t("org.coalition.memberSlug")}
                  hint={t("org.coalition.memberSlugHint")}
                  value={str(props.coalitionInvite?.values, "memberSlug")}
                  error={props.coalitionInvite?.errors?.memberSlug}
                  required
                  maxLength={100}
                />
                <p>
                  <button type="submit">{t("org.coalition.inviteSubmit")}</button>
                </p>
              </form>
            </>
          )}
        </>
      )}
      <h3>{t("org.coalition.memberships")}</h3>
      <CoalitionTable
        links={view.coalitions.asMember}
        actions={(link) => {
          if (!manages) return null;
          const action = `${base}/coalition-memberships/${link.organisation.slug}`;
          if (link.status === "invited") {
            return (
              <>
                <PostButton action={`${action}/accept`} label={t("org.coalition.accept")} />{" "}
                <PostButton action={`${action}/decline`} label={t("org.coalition.decline")} danger />
              </>
            );
          }
          if (link.status === "active") {
            return <PostButton action={`${action}/end`} label={t("org.coalition.leave")} danger />;
          }
          return null;
        }}
      />
    </section>
  );
}

function CoalitionTable(props: {
  links: CoalitionLinkView[];
  actions: (link: CoalitionLinkView) => ComponentChildren;
}) {
  const { t } = usePage();
  if (props.links.length === 0) return <p>{t("org.coalition.none")}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("org.coalition.organisation")}</th>
            <th scope="col">{t("org.coalition.status")}</th>
            <th scope="col">{t("org.members.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.links.map((link) => (
            <tr>
              <td>
                <a href={`/organisations/${link.organisation.slug}`}>{link.organisation.name}</a>
              </td>
              <td>{t(`org.coalition.status.${link.status}`)}</td>
              <td>{props.actions(link)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- an invitation link ----

export function InvitationPage(props: {
  token: string;
  invitation: {
    organisation: { slug: string; name: string };
    role: "focal_point" | "member";
    expiresAt: Date;
  };
}) {
  const { t, actor, lang } = usePage();
  const { invitation } = props;
  const here = `/invitations/${props.token}`;
  return (
    <section>
      <h1>{t("org.invitation.title", { name: invitation.organisation.name })}</h1>
      <p class="lead">
        {t("org.invitation.lead", { name: invitation.organisation.name, role: invitation.role })}
      </p>
      <p class="muted">
        {t("org.invite.expires")}:{" "}
        {formatDate(lang, invitation.expiresAt, { dateStyle: "long", timeStyle: "short" })}
      </p>
      {actor ? (
        <form method="post" action={`${here}/accept`}>
          <CsrfField />
          <button type="submit">{t("org.invitation.accept")}</button>
        </form>
      ) : (
        <>
          <p>{t("org.invitation.signedOut")}</p>
          <p>
            <a class="button" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              {t("org.invitation.signIn")}
            </a>{" "}
            <a class="button secondary" href={`/sign-up?next=${encodeURIComponent(here)}`}>
              {t("org.invitation.signUp")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
