/** The secretariat's pages for accounts: the searchable list, and one account's access. */
import { formatDate } from "../../platform/i18n/translate.js";
import {
  ChoiceGroup,
  type FormErrors,
  type FormValues,
  list,
  str,
  TextField,
} from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary, Pagination } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { roleLabel } from "./accounts.pages.js";
import { type AdminUser, platformRoles } from "./accounts.schemas.js";

function usersHref(q: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

function StatusBadges(props: { user: AdminUser }) {
  const { t } = usePage();
  return (
    <>
      <span class={props.user.disabled ? "badge" : "badge verified"}>
        {t(props.user.disabled ? "accounts.users.disabled" : "accounts.users.active")}
      </span>
      {!props.user.emailVerified && (
        <>
          {" "}
          <span class="badge">{t("accounts.users.unverified")}</span>
        </>
      )}
    </>
  );
}

export function UsersPage(props: {
  data: { items: AdminUser[]; total: number; page: number; pageSize: number };
  q?: string;
}) {
  const { t, lang } = usePage();
  const { data } = props;
  return (
    <section>
      <h1>{t("accounts.users.title")}</h1>
      <form method="get" action="/admin/users" class="stacked">
        <TextField
          name="q"
          type="search"
          label={t("accounts.users.search")}
          value={props.q}
          maxLength={200}
        />
        <p>
          <button type="submit">{t("common.search")}</button>
        </p>
      </form>
      {data.items.length === 0 ? (
        <p>{t("accounts.users.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accounts.users.name")}</th>
                <th scope="col">{t("accounts.field.email")}</th>
                <th scope="col">{t("accounts.users.roles")}</th>
                <th scope="col">{t("accounts.users.status")}</th>
                <th scope="col">{t("accounts.users.created")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${user.id}`}>{user.displayName}</a>
                  </td>
                  <td dir="ltr">{user.email}</td>
                  <td>{user.roles.map((role) => t(roleLabel(role))).join(", ")}</td>
                  <td>
                    <StatusBadges user={user} />
                  </td>
                  <td>{formatDate(lang, user.createdAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        href={(page) => usersHref(props.q, page)}
      />
    </section>
  );
}

export function UserPage(props: {
  user: AdminUser;
  values?: FormValues;
  errors?: FormErrors;
  saved?: boolean;
}) {
  const { t } = usePage();
  const { user, errors } = props;
  const roles = props.values ? list(props.values, "roles") : user.roles;
  const status = (props.values && str(props.values, "status")) ?? (user.disabled ? "disabled" : "active");
  return (
    <section>
      <p>
        <a href="/admin/users">{t("accounts.user.back")}</a>
      </p>
      <h1>{t("accounts.user.title", { name: user.displayName })}</h1>
      {props.saved && (
        <p class="notice success" role="status">
          {t("accounts.user.saved")}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <p>
        <span dir="ltr">{user.email}</span> · <StatusBadges user={user} />
      </p>
      <form method="post" action={`/admin/users/${user.id}`} class="stacked">
        <CsrfField />
        <ChoiceGroup
          name="roles"
          label={t("accounts.users.roles")}
          hint={t("accounts.user.rolesHint")}
          error={errors?.roles}
          values={roles}
          options={platformRoles.map((role) => ({ value: role, label: t(roleLabel(role)) }))}
        />
        <ChoiceGroup
          name="status"
          type="radio"
          label={t("accounts.user.statusLegend")}
          hint={t("accounts.user.disableHint")}
          error={errors?.status}
          values={[status]}
          options={[
            { value: "active", label: t("accounts.users.active") },
            { value: "disabled", label: t("accounts.users.disabled") },
          ]}
        />
        <p>
          <button type="submit">{t("common.save")}</button>
        </p>
      </form>
    </section>
  );
}
