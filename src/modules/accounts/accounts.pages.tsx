/** Pages of the accounts module: sign-up, sign-in, verification, password reset, setup, my account. */
import { languageNames, languages } from "../../platform/i18n/languages.js";
import type { MessageKey } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, SelectField, str, TextField } from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import type { Account } from "./accounts.schemas.js";

const languageOptions = languages.map((code) => ({ value: code, label: languageNames[code] }));

export function roleLabel(role: string): MessageKey {
  return `accounts.role.${role}` as MessageKey;
}

interface FormProps {
  values?: FormValues;
  errors?: FormErrors;
}

/** A short page that says one thing, with an optional way on. */
export function MessagePage(props: {
  title: string;
  message: string;
  link?: { href: string; label: string };
}) {
  return (
    <section>
      <h1>{props.title}</h1>
      <p class="notice">{props.message}</p>
      {props.link && (
        <p>
          <a href={props.link.href}>{props.link.label}</a>
        </p>
      )}
    </section>
  );
}

function EmailField(props: FormProps) {
  const { t } = usePage();
  return (
    <TextField
      name="email"
      type="email"
      label={t("accounts.field.email")}
      value={str(props.values, "email")}
      error={props.errors?.email}
      autocomplete="email"
      maxLength={254}
      dir="ltr"
      required
    />
  );
}

function NewAccountFields(props: FormProps) {
  const { t, lang } = usePage();
  return (
    <>
      <TextField
        name="displayName"
        label={t("accounts.field.displayName")}
        value={str(props.values, "displayName")}
        error={props.errors?.displayName}
        autocomplete="name"
        maxLength={120}
        required
      />
      <EmailField {...props} />
      <TextField
        name="password"
        type="password"
        label={t("accounts.field.password")}
        hint={t("accounts.hint.password")}
        error={props.errors?.password}
        autocomplete="new-password"
        maxLength={500}
        required
      />
      <SelectField
        name="preferredLanguage"
        label={t("accounts.field.language")}
        hint={t("accounts.hint.language")}
        value={str(props.values, "preferredLanguage") ?? lang}
        error={props.errors?.preferredLanguage}
        options={languageOptions}
        required
      />
    </>
  );
}

/** A sign-in or sign-up address that keeps where the person is going. */
function withNext(path: string, next: string | undefined): string {
  return next && next !== "/" ? `${path}?next=${encodeURIComponent(next)}` : path;
}

export function SignUpPage(props: FormProps & { next?: string }) {
  const { t } = usePage();
  return (
    <section>
      <h1>{t("accounts.signUp.title")}</h1>
      <p class="lead">{t("accounts.signUp.lead")}</p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/sign-up" class="stacked">
        <CsrfField />
        {props.next && props.next !== "/" && <input type="hidden" name="next" value={props.next} />}
        <NewAccountFields {...props} />
        <p>
          <button type="submit">{t("accounts.signUp.submit")}</button>
        </p>
      </form>
      <p>
        {t("accounts.signUp.haveAccount")} <a href={withNext("/sign-in", props.next)}>{t("nav.signIn")}</a>
      </p>
    </section>
  );
}

export function SignInPage(props: FormProps & { next: string }) {
  const { t } = usePage();
  return (
    <section>
      <h1>{t("accounts.signIn.title")}</h1>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/sign-in" class="stacked">
        <CsrfField />
        <input type="hidden" name="next" value={props.next} />
        <EmailField {...props} />
        <TextField
          name="password"
          type="password"
          label={t("accounts.field.password")}
          error={props.errors?.password}
          autocomplete="current-password"
          maxLength={500}
          required
        />
        <p>
          <button type="submit">{t("accounts.signIn.submit")}</button>
        </p>
      </form>
      <p>
        <a href="/password-reset">{t("accounts.signIn.forgot")}</a>
      </p>
      <p>
        {t("accounts.signIn.noAccount")} <a href={withNext("/sign-up", props.next)}>{t("nav.signUp")}</a>
      </p>
    </section>
  );
}

export function ResetRequestPage(props: FormProps) {
  const { t } = usePage();
  return (
    <section>
      <h1>{t("accounts.reset.title")}</h1>
      <p class="lead">{t("accounts.reset.lead")}</p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/password-reset" class="stacked">
        <CsrfField />
        <EmailField {...props} />
        <p>
          <button type="submit">{t("accounts.reset.submit")}</button>
        </p>
      </form>
    </section>
  );
}

export function ResetConfirmPage(props: FormProps & { token: string }) {
  const { t } = usePage();
  return (
    <section>
      <h1>{t("accounts.resetConfirm.title")}</h1>
      <p class="lead">{t("accounts.resetConfirm.lead")}</p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/password-reset/confirm" class="stacked">
        <CsrfField />
        <input type="hidden" name="token" value={props.token} />
        <TextField
          name="password"
          type="password"
          label={t("accounts.field.newPassword")}
          hint={t("accounts.hint.password")}
          error={props.errors?.password}
          autocomplete="new-password"
          maxLength={500}
          required
        />
        <p>
          <button type="submit">{t("accounts.resetConfirm.submit")}</button>
        </p>
      </form>
    </section>
  );
}

export function SetupPage(props: FormProps & { token: string }) {
  const { t } = usePage();
  return (
    <section>
      <h1>{t("accounts.setup.title")}</h1>
      <p class="lead">{t("accounts.setup.lead")}</p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/setup" class="stacked">
        <CsrfField />
        <input type="hidden" name="token" value={props.token} />
        <NewAccountFields {...props} />
        <p>
          <button type="submit">{t("accounts.setup.submit")}</button>
        </p>
      </form>
    </section>
  );
}

export type AccountNotice = "profile" | "password" | "verification";

export function AccountPage(props: {
  account: Account;
  done?: AccountNotice;
  continueTo?: string;
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { t } = usePage();
  const { account, errors } = props;
  const values = props.values ?? {
    displayName: account.displayName,
    preferredLanguage: account.preferredLanguage,
  };
  return (
    <section>
      <h1>{t("accounts.account.title")}</h1>
      {props.done && (
        <p class="notice success" role="status">
          {t(`accounts.account.done.${props.done}`)}
        </p>
      )}
      <ErrorSummary errors={errors} />
      {account.emailVerified ? (
        <p>
          <span dir="ltr">{account.email}</span> · {t("accounts.account.verified")}
        </p>
      ) : (
        <div class="notice">
          <p>
            <strong dir="ltr">{account.email}</strong>
          </p>
          <p>{t("accounts.account.unverified")}</p>
          <form method="post" action="/resend-verification" class="inline-form">
            <CsrfField />
            {props.continueTo && <input type="hidden" name="next" value={props.continueTo} />}
            <button type="submit">{t("accounts.account.resend")}</button>
          </form>
        </div>
      )}
      {props.continueTo && (
        <p>
          <a class="button secondary" href={props.continueTo}>
            {t("accounts.account.continue")}
          </a>
        </p>
      )}
      {account.roles.length > 0 && (
        <>
          <h2>{t("accounts.account.roles")}</h2>
          <ul>
            {account.roles.map((role) => (
              <li>{t(roleLabel(role))}</li>
            ))}
          </ul>
          {account.roles.includes("secretariat") && (
            <p>
              <a href="/admin/users">{t("accounts.account.manageUsers")}</a>
            </p>
          )}
        </>
      )}

      <h2>{t("accounts.account.profile")}</h2>
      <form method="post" action="/account" class="stacked">
        <CsrfField />
        <TextField
          name="displayName"
          label={t("accounts.field.displayName")}
          value={str(values, "displayName")}
          error={errors?.displayName}
          autocomplete="name"
          maxLength={120}
          required
        />
        <SelectField
          name="preferredLanguage"
          label={t("accounts.field.language")}
          hint={t("accounts.hint.language")}
          value={str(values, "preferredLanguage")}
          error={errors?.preferredLanguage}
          options={languageOptions}
          required
        />
        <p>
          <button type="submit">{t("common.save")}</button>
        </p>
      </form>

      <h2>{t("accounts.account.password")}</h2>
      <p>{t("accounts.account.passwordLead")}</p>
      <form method="post" action="/account/password" class="stacked">
        <CsrfField />
        <TextField
          name="currentPassword"
          type="password"
          label={t("accounts.field.currentPassword")}
          error={errors?.currentPassword}
          autocomplete="current-password"
          maxLength={500}
          required
        />
        <TextField
          name="newPassword"
          type="password"
          label={t("accounts.field.newPassword")}
          hint={t("accounts.hint.password")}
          error={errors?.newPassword}
          autocomplete="new-password"
          maxLength={500}
          required
        />
        <p>
          <button type="submit">{t("accounts.account.password")}</button>
        </p>
      </form>
    </section>
  );
}
