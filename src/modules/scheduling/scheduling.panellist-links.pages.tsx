/**
 * Pages of panellists' private links: the organisers' page (one row per panellist: make, replace,
 * mail, revoke) and the page a link opens, which shows panellists only as the public programme
 * does (a protected panellist by pseudonym and role).
 */
import { languageNames, languages } from "../../platform/i18n/languages.js";
import { formatDate } from "../../platform/i18n/translate.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized } from "../sessions/sessions.service.js";
import { PanellistList, Text } from "../side-events/side-events.pages.js";
import type { Proposal } from "../side-events/side-events.service.js";
import type { LinkState, PanellistSchedule } from "./scheduling.panellist-links.service.js";

export function PanellistLinksPage(props: {
  proposal: Proposal;
  links: Map<string, LinkState>;
  /** the link just made, shown once */
  created?: { panellistId: string; url: string; mailed: boolean };
  errors?: Record<string, string>;
}) {
  const { t, lang } = usePage();
  const p = props.proposal;
  const date = (d: Date) => formatDate(lang, d, { dateStyle: "long" });
  const open = p.status !== "withdrawn" && p.status !== "rejected";
  return (
    <article>
      <h1>{t("scheduling.links.title")}</h1>
      <Text text={p.title} as="p" />
      <p>
        <a href={`/side-events/proposals/${p.id}`}>{t("scheduling.links.back")}</a>
      </p>
      <p>{t("scheduling.links.intro")}</p>
      {p.panellists.map((x) => {
        const link = props.links.get(x.id);
        const created = props.created?.panellistId === x.id ? props.created : undefined;
        const error = props.errors?.[x.id];
        const base = `/side-events/proposals/${p.id}/panellists/${x.id}/link`;
        return (
          <section key={x.id} id={`panellist-${x.id}`}>
            <h2>
              {x.name ?? x.pseudonym ?? t("sideEvents.panellist.unnamed")} — {x.role}
            </h2>
            {created && (
              <p role="status">
                {t("scheduling.links.shownOnce")} <code class="panellist-link">{created.url}</code>
                {created.mailed && <> {t("scheduling.links.sent")}</>}
              </p>
            )}
            {error && (
              <p class="field-error" role="alert">
                {error}
              </p>
            )}
            <p>
              {link ? (
                <>
                  {t("scheduling.links.since", { date: date(link.createdAt) })}{" "}
                  {link.mailedAt && t("scheduling.links.mailed", { date: date(link.mailedAt) })}{" "}
                  {link.addressKeptUntil &&
                    t("scheduling.links.addressKept", { date: date(link.addressKeptUntil) })}
                </>
              ) : (
                t("scheduling.links.none")
              )}
            </p>
            {open && (
              <form method="post" action={base}>
                <CsrfField />
                <p>
                  <label for={`email-${x.id}`}>{t("scheduling.links.email")}</label>
                  <br />
                  <input id={`email-${x.id}`} name="email" type="email" maxLength={254} autocomplete="off" />
                </p>
                <p>
                  <label for={`language-${x.id}`}>{t("scheduling.links.language")}</label>
                  <br />
                  <select id={`language-${x.id}`} name="language">
                    {languages.map((l) => (
                      <option value={l} selected={(link?.language ?? lang) === l}>
                        {languageNames[l]}
                      </option>
                    ))}
                  </select>
                </p>
                <p>
                  <label>
                    <input type="checkbox" name="keepAddress" value="yes" checked={link?.addressKept} />{" "}
                    {t("scheduling.links.keep")}
                  </label>
                </p>
                <button type="submit">
                  {link ? t("scheduling.links.replace") : t("scheduling.links.create")}
                </button>
                {link?.addressKept && (
                  <>
                    {" "}
                    <button type="submit" name="resend" value="yes">
                      {t("scheduling.links.resend")}
                    </button>
                  </>
                )}
              </form>
            )}
            {link && (
              <form method="post" action={`${base}/revoke`} class="inline-form">
                <CsrfField />
                <button type="submit">{t("scheduling.links.revoke")}</button>
              </form>
            )}
          </section>
        );
      })}
    </article>
  );
}

export function PanellistSchedulePage(props: PanellistSchedule & { calendarUrl: string }) {
  const { t, lang } = usePage();
  const s = props.session;
  const e = props.event;
  const tz = s.timeZone;
  const me = props.me;
  return (
    <article>
      <h1>{t("scheduling.panellist.title")}</h1>
      <Text text={props.title} as="p" />
      <p class="lead">{localized(s.name, lang)}</p>
      <p>{t("scheduling.panellist.intro")}</p>
      <p>
        {t("scheduling.panellist.youAppearAs")}:{" "}
        <strong>
          <bdi>{me.name ?? me.pseudonym ?? "—"}</bdi>
        </strong>{" "}
        — <bdi>{me.role}</bdi>
      </p>
      {!e ? (
        <p>{t("scheduling.panellist.notInProgramme")}</p>
      ) : (
        <>
          <dl>
            <dt>{t("scheduling.panellist.when")}</dt>
            <dd>
              {e.startsAt && e.endsAt ? (
                <>
                  <time datetime={e.startsAt.toISOString()}>
                    {formatDate(lang, e.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: tz })}
                  </time>
                  –
                  <time datetime={e.endsAt.toISOString()}>
                    {formatDate(lang, e.endsAt, { timeStyle: "short", timeZone: tz })}
                  </time>{" "}
                  ({tz})
                </>
              ) : (
                t("scheduling.mine.notScheduled")
              )}
            </dd>
            <dt>{t("scheduling.panellist.room")}</dt>
            <dd>{e.room ? <bdi>{e.room}</bdi> : t("scheduling.panellist.roomPending")}</dd>
            <dt>{t("scheduling.panellist.venue")}</dt>
            <dd>
              <bdi>{[s.venue.name, s.venue.city].filter(Boolean).join(", ")}</bdi>
            </dd>
            <dt>{t("scheduling.panellist.organisers")}</dt>
            <dd>
              <bdi>{e.organisers.map((o) => o.name).join(", ")}</bdi>
            </dd>
          </dl>
          {e.startsAt && (
            <p>
              {props.release
                ? t("scheduling.panellist.release", {
                    number: props.release.number,
                    date: formatDate(lang, props.release.publishedAt, {
                      dateStyle: "long",
                      timeStyle: "short",
                      timeZone: tz,
                    }),
                  })
                : t("scheduling.panellist.noRelease")}
            </p>
          )}
          <h2>{t("scheduling.panellist.panel")}</h2>
          <PanellistList panellists={e.panellists} />
          <p>
            <a href={`/sessions/${s.slug}/programme/${e.id}`}>{t("scheduling.panellist.programme")}</a>
          </p>
        </>
      )}
      <p>
        <a href={props.calendarUrl}>{t("scheduling.panellist.ics")}</a>
      </p>
    </article>
  );
}
