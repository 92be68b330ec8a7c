/**
 * The pages where people run an organisation together: its members and their roles, invitations
 * by e-mail, coalitions (as a coalition and as a member of one), and the page an invitation link
 * opens. Forms keep what was typed and show translated errors next to each field.
 */
import type { ComponentChildren } from "preact";
import { formatDate } from "../../platform/i18n/translate.js";
import { PostButton } from "../../platform/ui/action-buttons.js";
import {
  type FormErrors,
  type FormValues,
  filledFields,
  optionsOf,
  PostForm,
  SelectField,
  TextField,
} from "../../platform/ui/forms.js";
import { CsrfField, Outcome } from "../../platform/ui/layout.js";
import { ListTable } from "../../platform/ui/list-table.js";
import { usePage } from "../../platform/ui/page-context.js";
import { organisationRoles } from "./organisations.schemas.js";

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
  const roleOptions = optionsOf(organisationRoles, (r) => t(`org.role.${r}`));
  const invite = filledFields(props.invite?.values, props.invite?.errors);
  const coalitionInvite = filledFields(props.coalitionInvite?.values, props.coalitionInvite?.errors);
  return (
    <section>
      <h1>{t("org.members.title", { name: view.org.name })}</h1>
      <p class="muted">{t("org.members.private")}</p>
      <p>
        <a href={base}>{view.org.name}</a>
      </p>
      <Outcome notice={props.notice} problem={props.problem} />

      <h2>{t("org.members.people")}</h2>
      <ListTable
        rows={view.members}
        columns={[
          {
            header: t("org.members.name"),
            cell: (m) => (
              <>
                {m.displayName} {actor?.id === m.userId && t("org.members.you")}
              </>
            ),
          },
          { header: t("org.members.email"), cell: (m) => m.email },
          { header: t("org.members.role"), cell: (m) => t(`org.role.${m.role}`) },
          { header: t("org.members.since"), cell: (m) => date(m.since) },
          {
            header: t("org.members.actions"),
            cell: (m) => <MemberActions base={base} member={m} manages={manages} roleOptions={roleOptions} />,
          },
        ]}
      />

      {manages && (
        <>
          <h2 id="invitations">{t("org.invite.pending")}</h2>
          <ListTable
            rows={view.invitations}
            empty={t("org.coalition.none")}
            columns={[
              { header: t("org.members.email"), cell: (i) => i.email },
              { header: t("org.members.role"), cell: (i) => t(`org.role.${i.role}`) },
              { header: t("org.invite.expires"), cell: (i) => date(i.expiresAt) },
            ]}
          />
          <h2>{t("org.invite.title")}</h2>
          <p>{t("org.invite.lead")}</p>
          <PostForm
            action={`${base}/invitations`}
            errors={props.invite?.errors}
            submitLabel={t("org.invite.submit")}
          >
            <TextField
              {...invite.field("email")}
              type="email"
              label={t("org.invite.email")}
              required
              autocomplete="off"
            />
            <SelectField
              {...invite.field("role")}
              value={invite.field("role").value ?? "member"}
              label={t("org.invite.role")}
              options={roleOptions}
            />
          </PostForm>
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
              <PostForm action={`${base}/coalition-members`} submitLabel={t("org.coalition.inviteSubmit")}>
                <TextField
                  {...coalitionInvite.field("memberSlug")}
                  label={t("org.coalition.memberSlug")}
                  hint={t("org.coalition.memberSlugHint")}
                  required
                  maxLength={100}
                />
              </PostForm>
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
  return (
    <ListTable
      rows={props.links}
      empty={t("org.coalition.none")}
      columns={[
        {
          header: t("org.coalition.organisation"),
          cell: (link) => <a href={`/organisations/${link.organisation.slug}`}>{link.organisation.name}</a>,
        },
        { header: t("org.coalition.status"), cell: (link) => t(`org.coalition.status.${link.status}`) },
        { header: t("org.members.actions"), cell: props.actions },
      ]}
    />
  );
}

/** Change a member's role (focal points), remove them, or leave (oneself). */
function MemberActions(props: {
  base: string;
  member: MembersView["members"][number];
  manages: boolean;
  roleOptions: Array<{ value: string; label: string }>;
}) {
  const { t, actor } = usePage();
  const m = props.member;
  const self = actor?.id === m.userId;
  return (
    <>
      {props.manages && (
        <form method="post" action={`${props.base}/members/${m.userId}/role`} class="inline-form">
          <CsrfField />
          <select
            id={`role-${m.userId}`}
            name="role"
            aria-label={t("org.members.roleOf", { name: m.displayName })}
          >
            {props.roleOptions.map((o) => (
              <option value={o.value} selected={o.value === m.role}>
                {o.label}
              </option>
            ))}
          </select>{" "}
          <button type="submit">{t("org.members.changeRole")}</button>
        </form>
      )}{" "}
      {(props.manages || self) && (
        <PostButton
          action={`${props.base}/members/${m.userId}/remove`}
          label={self ? t("org.members.leave") : t("org.members.remove")}
          danger
        />
      )}
    </>
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
