/**
 * Public and personal schedule pages: the releases of a session's programme with what each
 * changed, in the reader's language and the session's time zone; a person's own side events
 * with their times and rooms, and their private calendar feed (create, replace, revoke).
 */
import { formatDate } from "../../platform/i18n/translate.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized, type SessionDetail } from "../sessions/sessions.service.js";
import type { ProgrammeEvent } from "../side-events/programme.service.js";
import { describeChange, type Release } from "./scheduling.releases.service.js";

export function ReleasesPage(props: { session: SessionDetail; releases: Release[] }) {
  const { t, lang } = usePage();
  const s = props.session;
  return (
    <article>
      <h1>{t("scheduling.releases.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>
        <a href={`/sessions/${s.slug}/programme`}>{t("scheduling.releases.programme")}</a> ·{" "}
        <a href={`/sessions/${s.slug}/programme.ics?lang=${lang}`}>{t("scheduling.releases.ics")}</a>
      </p>
      {props.releases.length === 0 ? (
        <p>{t("scheduling.releases.none")}</p>
      ) : (
        props.releases.map((r) => (
          <section key={r.id} id={`release-${r.number}`}>
            <h2>
              {t("scheduling.releases.release", { number: r.number })}{" "}
              <small>
                {formatDate(lang, r.publishedAt, {
                  dateStyle: "long",
                  timeStyle: "short",
                  timeZone: s.timeZone,
                })}
              </small>
            </h2>
            {r.changes.length === 0 ? (
              <p>{t("scheduling.releases.noChange")}</p>
            ) : (
              <ul>
                {r.changes.map((c) => (
                  <li key={c.eventId}>
                    <a href={`/sessions/${s.slug}/programme/${c.eventId}`}>{localized(c.title, lang)}</a>:{" "}
                    {describeChange(lang, s.timeZone, c)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </article>
  );
}

export function MySchedulePage(props: {
  session: SessionDetail;
  events: ProgrammeEvent[];
  feedSince: Date | null;
  /** the feed address just made: shown once */
  newFeedUrl?: string;
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const when = (e: ProgrammeEvent) =>
    e.startsAt && e.endsAt
      ? `${formatDate(lang, e.startsAt, { dateStyle: "full", timeStyle: "short", timeZone: s.timeZone })} – ${formatDate(lang, e.endsAt, { timeStyle: "short", timeZone: s.timeZone })}`
      : t("scheduling.mine.notScheduled");
  return (
    <article>
      <h1>{t("scheduling.mine.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>{t("scheduling.mine.intro")}</p>
      {props.events.length === 0 ? (
        <p>{t("scheduling.mine.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("scheduling.mine.event")}</th>
              <th scope="col">{t("scheduling.mine.when")}</th>
              <th scope="col">{t("scheduling.page.room")}</th>
              <th scope="col">{t("scheduling.mine.panel")}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <a href={`/sessions/${s.slug}/programme/${e.id}`}>{localized(e.title, lang)}</a>
                </th>
                <td>{when(e)}</td>
                <td>{e.room ?? "—"}</td>
                <td>
                  {e.panellists
                    .map((p) => (p.protected || !p.name ? (p.pseudonym ?? "") : p.name))
                    .filter(Boolean)
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section id="calendar-feed">
        <h2>{t("scheduling.feed.title")}</h2>
        <p>{t("scheduling.feed.intro")}</p>
        {props.newFeedUrl ? (
          <p role="status">
            {t("scheduling.feed.shownOnce")} <code id="feed-url">{props.newFeedUrl}</code>
          </p>
        ) : props.feedSince ? (
          <p>
            {t("scheduling.feed.exists", {
              date: formatDate(lang, props.feedSince, { dateStyle: "long", timeZone: s.timeZone }),
            })}
          </p>
        ) : (
          <p>{t("scheduling.feed.noFeed")}</p>
        )}
        <form method="post" action={`/sessions/${s.slug}/my-schedule/feed`} class="inline-form">
          <CsrfField />
          <button type="submit">
            {props.feedSince || props.newFeedUrl ? t("scheduling.feed.replace") : t("scheduling.feed.create")}
          </button>
        </form>{" "}
        {(props.feedSince || props.newFeedUrl) && (
          <form method="post" action={`/sessions/${s.slug}/my-schedule/feed/revoke`} class="inline-form">
            <CsrfField />
            <button type="submit">{t("scheduling.feed.revoke")}</button>
          </form>
        )}
      </section>
    </article>
  );
}
