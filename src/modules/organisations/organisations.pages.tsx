/**
 * An organisation's public page (its profile, and what the signed-in person may do with it), and
 * what the module's pages share. The page's inner HTML does not depend on who asks, so the routes
 * cache it; what depends on the person (the manage links, the secretariat's verification button)
 * is rendered apart. The directory is in directory.pages.tsx.
 */
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import { direction, type Lang, languages } from "../../platform/i18n/languages.js";
import { formatDate, type MessageKey } from "../../platform/i18n/translate.js";
import { PostButton } from "../../platform/ui/action-buttons.js";
import { type PageContext, PageCtx, usePage } from "../../platform/ui/page-context.js";
import {
  countryName,
  type RegionalGroup,
  regionalGroupName,
  regionalGroups,
  regionName,
} from "./geography.js";
import type { OrganisationOut } from "./organisations.schemas.js";
import { fieldOfWorkLabel } from "./taxonomy.js";

/** Renders a fragment with a page context of its own (no person, no CSRF token: cacheable). */
export function renderFragment(
  ctx: Pick<PageContext, "lang" | "t" | "url">,
  node: ComponentChildren,
): string {
  return renderToString(
    <PageCtx.Provider value={{ ...ctx, actor: null, csrfToken: "" }}>{node}</PageCtx.Provider>,
  );
}

/** Pre-rendered HTML (from the cache) inside a component tree. */
export function Raw(props: { html: string }) {
  return <div class="fragment" dangerouslySetInnerHTML={{ __html: props.html }} />;
}

const displayNames = new Map<Lang, Intl.DisplayNames>();
/** A language's name in the UI language ("French", « français », «الفرنسية»). */
export function languageName(code: string, inLang: Lang): string {
  let names = displayNames.get(inLang);
  if (!names) {
    names = new Intl.DisplayNames([inLang], { type: "language" });
    displayNames.set(inLang, names);
  }
  return names.of(code) ?? code;
}

export const groupName = (group: string, lang: Lang) =>
  (regionalGroups as readonly string[]).includes(group)
    ? regionalGroupName(group as RegionalGroup, lang)
    : group;

/** The acronym, unless it is the name itself (EXIT). */
export const extraAcronym = (org: { name: string; acronym: string | null }) =>
  org.acronym && org.acronym.toLowerCase() !== org.name.toLowerCase() ? org.acronym : null;

export function VerifiedBadge() {
  const { t } = usePage();
  return <span class="badge verified">{t("org.verified")}</span>;
}

// ---- an organisation's page ----

function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

function OrgLinks(props: { items: OrganisationOut["memberOf"] }) {
  return (
    <ul>
      {props.items.map((o) => (
        <li>
          <a href={`/organisations/${o.slug}`}>{o.name}</a>
          {extraAcronym(o) && ` (${o.acronym})`} {o.verified && <VerifiedBadge />}
        </li>
      ))}
    </ul>
  );
}

/** The title and badges of an organisation's page (cached). */
export function ProfileHeader(props: { org: OrganisationOut }) {
  const { t } = usePage();
  const { org } = props;
  return (
    <header>
      <h1>
        {org.name}
        {extraAcronym(org) && ` (${org.acronym})`}
      </h1>
      <p>
        {org.verified && <VerifiedBadge />} <span class="badge">{t(`org.kind.${org.kind}`)}</span>
      </p>
    </header>
  );
}

/** The public facts, mission and coalitions of an organisation (cached). */
export function ProfileBody(props: { org: OrganisationOut }) {
  const { t, lang } = usePage();
  const { org } = props;
  const missionLanguages = [lang, ...languages.filter((l) => l !== lang)].filter((l) => org.mission[l]);
  return (
    <>
      <h2>{t("org.page.facts")}</h2>
      <dl class="facts">
        <dt>{t("org.page.kind")}</dt>
        <dd>{t(`org.kind.${org.kind}`)}</dd>
        <dt>{t("org.page.country")}</dt>
        <dd>{countryName(org.country, lang)}</dd>
        <dt>{t("org.page.regionalGroup")}</dt>
        <dd>{groupName(org.regionalGroup, lang)}</dd>
        <dt>{t("org.page.region")}</dt>
        <dd>
          {regionName(org.m49Region, lang)}
          {org.m49Subregion && ` — ${regionName(org.m49Subregion, lang)}`}
        </dd>
        <dt>{t("org.page.ecosocStatus")}</dt>
        <dd>{t(`org.ecosoc.${org.ecosocStatus}`)}</dd>
        {org.fieldsOfWork.length > 0 && (
          <>
            <dt>{t("org.page.fieldsOfWork")}</dt>
            <dd>{org.fieldsOfWork.map((code) => fieldOfWorkLabel(code, lang)).join(", ")}</dd>
          </>
        )}
        {org.workingLanguages.length > 0 && (
          <>
            <dt>{t("org.page.workingLanguages")}</dt>
            <dd>{org.workingLanguages.map((code) => languageName(code, lang)).join(", ")}</dd>
          </>
        )}
        {org.website && (
          <>
            <dt>{t("org.page.website")}</dt>
            <dd>
              <a href={org.website} rel="nofollow noopener noreferrer ugc">
                {org.website}
              </a>
            </dd>
          </>
        )}
        <dt>{t("org.verified")}</dt>
        <dd>
          {org.verifiedAt
            ? t("org.verifiedSince", { date: formatDate(lang, org.verifiedAt, { dateStyle: "long" }) })
            : t("org.notVerified")}
        </dd>
      </dl>
      {missionLanguages.length > 0 && (
        <section aria-labelledby="mission-title">
          <h2 id="mission-title">{t("org.page.mission")}</h2>
          {missionLanguages.map((l) => (
            <section lang={l} dir={direction(l)}>
              {missionLanguages.length > 1 && <h3>{languageName(l, l)}</h3>}
              <Paragraphs text={org.mission[l] ?? ""} />
            </section>
          ))}
        </section>
      )}
      {org.kind === "coalition" && (
        <section aria-labelledby="coalition-members-title">
          <h2 id="coalition-members-title">{t("org.page.coalitionMembers")}</h2>
          {org.coalitionMembers.length > 0 ? (
            <OrgLinks items={org.coalitionMembers} />
          ) : (
            <p>{t("org.page.noCoalitionMembers")}</p>
          )}
        </section>
      )}
      {org.memberOf.length > 0 && (
        <section aria-labelledby="member-of-title">
          <h2 id="member-of-title">{t("org.page.memberOf")}</h2>
          <OrgLinks items={org.memberOf} />
        </section>
      )}
    </>
  );
}

/** What the signed-in person may do with this organisation: exactly what the server allows. */
export function ProfileActions(props: {
  org: OrganisationOut;
  role: "focal_point" | "member" | "secretariat" | null;
}) {
  const { t } = usePage();
  const { org, role } = props;
  if (!role) return null;
  const canEdit = role === "focal_point" || role === "secretariat";
  return (
    <nav class="notice" aria-label={t("org.page.manage")}>
      <ul class="nav-list">
        {canEdit && (
          <li>
            <a href={`/organisations/${org.slug}/edit`}>{t("org.page.edit")}</a>
          </li>
        )}
        <li>
          <a href={`/organisations/${org.slug}/members`}>{t("org.page.members")}</a>
        </li>
        <li>
          <a href={`/organisations/${org.slug}/side-events`}>{t("org.page.sideEvents")}</a>
        </li>
        {role === "secretariat" && (
          <li>
            <PostButton
              action={`/organisations/${org.slug}/verification`}
              fields={{ verified: org.verified ? "false" : "true" }}
              label={t(org.verified ? "org.page.unverify" : "org.page.verify")}
            />
          </li>
        )}
      </ul>
    </nav>
  );
}

export function ProfilePageView(props: { header: string; body: string; actions?: ComponentChildren }) {
  return (
    <article>
      <Raw html={props.header} />
      {props.actions}
      <Raw html={props.body} />
    </article>
  );
}

/** A message key for a custom validation message of our schemas (see `invalid` in the schemas). */
export function customMessage(
  t: (key: MessageKey) => string,
  errors: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      message.startsWith("org.invalid.") ? t(message as MessageKey) : message,
    ]),
  );
}
