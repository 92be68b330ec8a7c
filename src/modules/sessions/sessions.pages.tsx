/**
 * Public pages of the sessions module: the list and a session's page. Dates and times are shown
 * in the session's time zone, in the UI language.
 */
import type { ComponentChildren } from "preact";
import { isSecretariat } from "../../platform/context.js";
import { direction, type Lang, languageNames } from "../../platform/i18n/languages.js";
import { formatDate, formatDay, formatNumber } from "../../platform/i18n/translate.js";
import { Pagination } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { countryName } from "./sessions.forms.js";
import { PlenaryProgramme } from "./sessions.plenary.pages.js";
import {
  localized,
  localizedLang,
  rulesOf,
  type Session,
  type SessionDetail,
  type TimeSlot,
} from "./sessions.service.js";
import { addDays, daysBetween, instantToZoned } from "./sessions.time.js";

// ---- formatting in the session's time zone

export const clock = (lang: Lang, instant: Date, timeZone: string) =>
  formatDate(lang, instant, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });

export const dateTime = (lang: Lang, instant: Date, timeZone: string) =>
  formatDate(lang, instant, { dateStyle: "long", timeStyle: "short", hourCycle: "h23", timeZone });

const listFormats = new Map<Lang, Intl.ListFormat>();
function listFormat(lang: Lang): Intl.ListFormat {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: "conjunction" });
    listFormats.set(lang, format);
  }
  return format;
}

/** Names in the grammar of the UI language ("A, B and C"; "A、B和C"). */
export const listOf = (lang: Lang, items: string[]) => listFormat(lang).format(items);

/** Language names, each isolated in its own direction, joined as a list of the UI language. */
function LanguageList(props: { codes: Lang[] }) {
  const { lang } = usePage();
  const parts = listFormat(lang).formatToParts(props.codes.map((code) => languageNames[code]));
  let index = 0;
  return (
    <>
      {parts.map((part) => {
        if (part.type === "literal") return part.value;
        const code = props.codes[index++] ?? lang;
        return (
          <bdi lang={code} dir={direction(code)}>
            {part.value}
          </bdi>
        );
      })}
    </>
  );
}

function useDates() {
  const { t, lang } = usePage();
  return {
    range: (s: Pick<Session, "startsOn" | "endsOn">) =>
      s.startsOn === s.endsOn
        ? formatDay(lang, s.startsOn)
        : t("sessions.dates", { start: formatDay(lang, s.startsOn), end: formatDay(lang, s.endsOn) }),
  };
}

/** "Closes in 3 days", "closes today" or "closed", by calendar days in the session's time zone. */
function DeadlineStatus(props: { due: Date; now: Date; timeZone: string }) {
  const { t } = usePage();
  if (props.due.getTime() <= props.now.getTime())
    return <span class="badge">{t("sessions.deadline.closed")}</span>;
  const days = daysBetween(
    instantToZoned(props.now, props.timeZone).date,
    instantToZoned(props.due, props.timeZone).date,
  );
  return (
    <span class="badge verified">
      {days === 0 ? t("sessions.deadline.closesToday") : t("sessions.deadline.closesIn", { days })}
    </span>
  );
}

function Phase(props: { session: Session; now: Date }) {
  const { t } = usePage();
  const today = instantToZoned(props.now, props.session.timeZone).date;
  const phase =
    today < props.session.startsOn ? "upcoming" : today > props.session.endsOn ? "past" : "ongoing";
  return <span class="badge">{t(`sessions.phase.${phase}`)}</span>;
}

function Title(props: { session: Session; heading: "h1" | "h2"; href?: string }) {
  const { lang } = usePage();
  const Heading = props.heading;
  const name = localized(props.session.name, lang);
  return (
    <Heading lang={localizedLang(props.session.name, lang)}>
      {props.href ? <a href={props.href}>{name}</a> : name}
    </Heading>
  );
}

function Subtitle(props: { session: Session }) {
  const { t, lang } = usePage();
  const { number, body } = props.session;
  const bodyText = localized(body, lang);
  return (
    <p class="muted">
      {number !== null && t("sessions.ordinal", { number })}
      {number !== null && bodyText && " · "}
      {bodyText && <span lang={localizedLang(body, lang)}>{bodyText}</span>}
    </p>
  );
}

// ---- public pages

export function SessionListPage(props: {
  data: { items: Session[]; total: number; page: number; pageSize: number };
  now: Date;
}) {
  const { t, lang, actor } = usePage();
  const dates = useDates();
  return (
    <section>
      <h1>{t("sessions.list.title")}</h1>
      <p class="lead">{t("sessions.list.lead")}</p>
      {isSecretariat(actor) && (
        <p>
          <a class="button" href="/sessions/new">
            {t("sessions.new.title")}
          </a>
        </p>
      )}
      {props.data.items.length === 0 ? (
        <p>{t("sessions.list.empty")}</p>
      ) : (
        <ul class="cards">
          {props.data.items.map((s) => (
            <li class="card">
              <Title session={s} heading="h2" href={`/sessions/${s.slug}`} />
              <Subtitle session={s} />
              <p>
                {dates.range(s)}
                <br />
                {s.venue.city}, {countryName(lang, s.venue.country)}
              </p>
              <p>
                <Phase session={s} now={props.now} />{" "}
                {s.status === "draft" && <span class="badge">{t("sessions.status.draft")}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={props.data.page}
        pageSize={props.data.pageSize}
        total={props.data.total}
        href={(p) => `/sessions?page=${p}`}
      />
    </section>
  );
}

/** Slots grouped by their local day. */
function slotsByDay(slots: TimeSlot[]): Array<[string, TimeSlot[]]> {
  const days = new Map<string, TimeSlot[]>();
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  return [...days];
}

export function SessionPage(props: { session: SessionDetail; now: Date }) {
  const { t, lang, actor } = usePage();
  const dates = useDates();
  const s = props.session;
  const tz = s.timeZone;
  const rules = rulesOf(s, s.deadlines);
  const deadlines: Array<{ label: ComponentChildren; due: Date }> = [
    ...(s.observerApplicationDeadline
      ? [{ label: t("sessions.deadline.observerApplications"), due: s.observerApplicationDeadline }]
      : []),
    ...(s.sideEventProposalDeadline
      ? [{ label: t("sessions.deadline.sideEventProposals"), due: s.sideEventProposalDeadline }]
      : []),
    ...s.deadlines.map((d) => ({
      label: <span lang={localizedLang(d.label, lang)}>{localized(d.label, lang)}</span>,
      due: d.dueAt,
    })),
  ].sort((a, b) => a.due.getTime() - b.due.getTime());

  return (
    <article class="session">
      <Title session={s} heading="h1" />
      <Subtitle session={s} />
      {s.status === "draft" && <p class="notice">{t("sessions.draftNotice")}</p>}
      {isSecretariat(actor) && (
        <p>
          <a class="button secondary" href={`/sessions/${s.slug}/manage`}>
            {t("sessions.manage.link")}
          </a>
        </p>
      )}
      <dl class="facts">
        <dt>{t("sessions.fact.dates")}</dt>
        <dd>
          {dates.range(s)} <Phase session={s} now={props.now} />
        </dd>
        <dt>{t("sessions.fact.venue")}</dt>
        <dd>
          {s.venue.name}, {s.venue.city}, {countryName(lang, s.venue.country)}
        </dd>
        <dt>{t("sessions.fact.timeZone")}</dt>
        <dd>{tz}</dd>
        <dt>{t("sessions.fact.workingLanguages")}</dt>
        <dd>
          <LanguageList codes={s.workingLanguages} />
        </dd>
      </dl>

      <h2>{t("sessions.section.deadlines")}</h2>
      <p class="muted">{t("sessions.localTimes", { zone: tz })}</p>
      {deadlines.length === 0 ? (
        <p>{t("sessions.deadlines.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("sessions.deadline.what")}</th>
                <th scope="col">{t("sessions.deadline.when")}</th>
                <th scope="col">{t("sessions.deadline.status")}</th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((d) => (
                <tr>
                  <td>{d.label}</td>
                  <td>
                    <time datetime={d.due.toISOString()}>{dateTime(lang, d.due, tz)}</time>
                  </td>
                  <td>
                    <DeadlineStatus due={d.due} now={props.now} timeZone={tz} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("sessions.section.rules")}</h2>
      <dl class="facts">
        <dt>{t("sessions.rules.circulation")}</dt>
        <dd>{formatDay(lang, rules.rule17CirculationDueOn)}</dd>
        <dt>{t("sessions.rules.objectionWindow")}</dt>
        <dd>{t("sessions.days", { days: s.objectionWindowDays })}</dd>
        <dt>{t("sessions.rules.quota")}</dt>
        <dd>{formatNumber(lang, s.delegateQuota)}</dd>
        <dt>{t("sessions.rules.retention")}</dt>
        <dd>{formatDay(lang, addDays(s.endsOn, s.retentionDays))}</dd>
      </dl>
      <p>
        <a href={`/sessions/${s.slug}/participants`}>{t("accreditation.participants.link")}</a>
        {actor && (
          <>
            {" · "}
            <a href={`/sessions/${s.slug}/accreditation`}>{t("accreditation.hub.link")}</a>
          </>
        )}
      </p>
      <p>
        <a href={`/sessions/${s.slug}/programme`}>{t("sideEvents.link.programme")}</a>
        {actor && (
          <>
            {" · "}
            <a href={`/sessions/${s.slug}/my-schedule`}>{t("scheduling.mine.title")}</a>
          </>
        )}
        {isSecretariat(actor) && (
          <>
            {" · "}
            <a href={`/sessions/${s.slug}/side-events/call`}>{t("sideEvents.link.call")}</a>
            {" · "}
            <a href={`/sessions/${s.slug}/side-events/proposals`}>{t("sideEvents.link.proposals")}</a>
            {" · "}
            <a href={`/sessions/${s.slug}/schedule`}>{t("scheduling.page.title")}</a>
          </>
        )}
        {actor?.roles.includes("reviewer") && (
          <>
            {" · "}
            <a href="/side-events/reviews">{t("sideEvents.link.reviews")}</a>
          </>
        )}
      </p>

      <h2>{t("sessions.section.agenda")}</h2>
      {s.agendaItems.length === 0 ? (
        <p>{t("sessions.agenda.empty")}</p>
      ) : (
        <ul class="agenda">
          {s.agendaItems.map((item) => (
            <li>
              <strong>
                <bdi>{item.number}</bdi>.
              </strong>{" "}
              <bdi lang={localizedLang(item.title, lang)}>{localized(item.title, lang)}</bdi>
            </li>
          ))}
        </ul>
      )}

      <PlenaryProgramme session={s} />

      <h2>{t("sessions.section.rooms")}</h2>
      {s.rooms.length === 0 ? (
        <p>{t("sessions.rooms.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("sessions.field.roomName")}</th>
                <th scope="col">{t("sessions.field.capacity")}</th>
                <th scope="col">{t("sessions.field.equipment")}</th>
              </tr>
            </thead>
            <tbody>
              {s.rooms.map((room) => (
                <tr>
                  <td>{room.name}</td>
                  <td>{formatNumber(lang, room.capacity)}</td>
                  <td>
                    {listOf(
                      lang,
                      room.equipment.map((code) => t(`sessions.equipment.${code}`)),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("sessions.section.slots")}</h2>
      {s.timeSlots.length === 0 ? (
        <p>{t("sessions.slots.empty")}</p>
      ) : (
        <>
          <p class="muted">{t("sessions.localTimes", { zone: tz })}</p>
          {slotsByDay(s.timeSlots).map(([day, slots]) => (
            <section class="slot-day">
              <h3>
                {formatDay(lang, day, { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
              </h3>
              <ul>
                {slots.map((slot) => (
                  <li>
                    <time datetime={slot.startsAt.toISOString()}>{clock(lang, slot.startsAt, tz)}</time>
                    {"–"}
                    <time datetime={slot.endsAt.toISOString()}>{clock(lang, slot.endsAt, tz)}</time>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </article>
  );
}
