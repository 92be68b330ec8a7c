/** The page shell: language and direction, navigation, language switcher, main landmark. */
import type { ComponentChildren } from "preact";
import { isSecretariat } from "../context.js";
import { direction, languageNames, languages } from "../i18n/languages.js";
import { usePage } from "./page-context.js";

export function withLang(url: string, lang: string): string {
  const [path = "/", query = ""] = url.split("?");
  const params = new URLSearchParams(query);
  params.set("lang", lang);
  return `${path}?${params.toString()}`;
}

/**
 * Sign-in and sign-up come back to the page they were opened from, except from the account pages
 * themselves: a link that carries a single-use token must not be opened again after signing in.
 */
export function returnTo(path: string, url: string): string {
  if (/^\/(sign-in|sign-up|sign-out|verify-email|password-reset|setup)(?=[/?#]|$)/.test(url) || url === "/") {
    return path;
  }
  return `${path}?next=${encodeURIComponent(url)}`;
}

export function Layout(props: { title: string; children: ComponentChildren }) {
  const { lang, t, actor, csrfToken, url } = usePage();
  return (
    <html lang={lang} dir={direction(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t("app.name")}
            <span class="tagline">{t("app.tagline")}</span>
          </a>
          <nav aria-label={t("nav.main")}>
            <ul class="nav-list">
              <li>
                <a href="/organisations">{t("nav.organisations")}</a>
              </li>
              <li>
                <a href="/sessions">{t("nav.sessions")}</a>
              </li>
              {isSecretariat(actor) && (
                <>
                  <li>
                    <a href="/admin/users">{t("nav.users")}</a>
                  </li>
                  <li>
                    <a href="/admin/audit">{t("nav.audit")}</a>
                  </li>
                  <li>
                    <a href="/admin/outbox">{t("nav.outbox")}</a>
                  </li>
                </>
              )}
              {actor ? (
                <>
                  <li>
                    <a href="/account">{t("nav.account")}</a>
                  </li>
                  <li>
                    <form method="post" action="/sign-out" class="inline-form">
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button type="submit" class="link-button">
                        {t("nav.signOut")}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href={returnTo("/sign-in", url)}>{t("nav.signIn")}</a>
                  </li>
                  <li>
                    <a href={returnTo("/sign-up", url)}>{t("nav.signUp")}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <nav aria-label={t("nav.language")} class="languages">
            <ul class="nav-list">
              {languages.map((code) => (
                <li>
                  <a
                    href={withLang(url, code)}
                    lang={code}
                    hreflang={code}
                    aria-current={code === lang ? "true" : undefined}
                  >
                    {languageNames[code]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <p>{t("footer.text")}</p>
        </footer>
      </body>
    </html>
  );
}

/** The hidden CSRF field every form that changes something carries. */
export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken} />;
}

export function Pagination(props: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const { t } = usePage();
  const { page, pageSize, total } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav class="pagination" aria-label={t("pagination.label")}>
      <p>{t("pagination.summary", { from, to, total })}</p>
      <ul class="nav-list">
        {page > 1 && (
          <li>
            <a href={props.href(page - 1)} rel="prev">
              {t("pagination.previous")}
            </a>
          </li>
        )}
        {page < pages && (
          <li>
            <a href={props.href(page + 1)} rel="next">
              {t("pagination.next")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** What the last action came to: a success (announced politely) or a problem (announced at once). */
export function Outcome(props: { notice?: string; problem?: string }) {
  return (
    <>
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
    </>
  );
}

/** Form error summary: lists each invalid field with a link to it (WCAG 3.3.1). */
export function ErrorSummary(props: { errors: Record<string, string> | undefined }) {
  const { t } = usePage();
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>{t("form.hasErrors")}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
