/** Server-rendered public pages of the side-events module: the programme and an event. */
import { direction, type Lang, languageNames, languages } from "../../platform/i18n/languages.js";
import { formatDate } from "../../platform/i18n/translate.js";
import { FilterForm } from "../../platform/ui/filter-form.js";
import { optionsOf } from "../../platform/ui/forms.js";
import { usePage } from "../../platform/ui/page-context.js";
import { fieldOfWorkLabel, fieldOfWorkOptions } from "../organisations/taxonomy.js";
import { localized, localizedLang, type SessionDetail } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import { instantToZoned } from "../sessions/sessions.time.js";
import { AfterEventSection } from "./after.pages.js";
import type { AfterEvent } from "./after.service.js";
import { ProgrammePager } from "./programme.pages.js";
import type { ProgrammeEvent } from "./programme.service.js";
import type { Panellist } from "./side-events.service.js";

export function Text(props: { text: Localized; as?: "h1" | "h2" | "p" }) {
  const { lang } = usePage();
  const l = localizedLang(props.text, lang);
  const Tag = props.as ?? "p";
  return (
    <Tag lang={l} dir={direction(l)}>
      {localized(props.text, lang)}
    </Tag>
  );
}

function When(props: { event: ProgrammeEvent; timeZone: string }) {
  const { t, lang } = usePage();
  const e = props.event;
  if (!e.startsAt || !e.endsAt) return <p>{t("sideEvents.notScheduled")}</p>;
  const options = { dateStyle: "full", timeStyle: "short", timeZone: props.timeZone } as const;
  return (
    <p>
      <time datetime={e.startsAt.toISOString()}>{formatDate(lang, e.startsAt, options)}</time>–
      <time datetime={e.endsAt.toISOString()}>
        {formatDate(lang, e.endsAt, { timeStyle: "short", timeZone: props.timeZone })}
      </time>
      {e.room && <> · {e.room}</>}
    </p>
  );
}

export function PanellistList(props: { panellists: Panellist[] }) {
  const { t } = usePage();
  return (
    <ul>
      {props.panellists.map((p) => (
        <li>
          {p.photoUrl && p.name && <img src={p.photoUrl} alt={p.name} width={96} class="panellist-photo" />}{" "}
          {p.name ? (
            <>
              {p.name}
              {p.affiliation && <>, {p.affiliation}</>} — {p.role}
            </>
          ) : (
            <>
              {p.pseudonym ?? t("sideEvents.panellist.unnamed")} — {p.role}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ProgrammePage(props: {
  session: SessionDetail;
  items: ProgrammeEvent[];
  all: ProgrammeEvent[];
  filter: Record<string, string | undefined>;
  page: number;
  pages: number;
  total: number;
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const days = [
    ...new Set(props.all.flatMap((e) => (e.startsAt ? [instantToZoned(e.startsAt, s.timeZone).date] : []))),
  ].sort();
  const organisers = [
    ...new Map(props.all.flatMap((e) => e.organisers).map((o) => [o.slug ?? o.name, o])).values(),
  ];
  return (
    <article>
      <h1>{t("sideEvents.programme.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>
        <a href={`/sessions/${s.slug}/programme.ics?lang=${lang}`}>{t("sideEvents.ics")}</a>
        {" · "}
        <a href={`/sessions/${s.slug}/schedule/releases`}>{t("scheduling.releases.title")}</a>
      </p>
      <FilterForm
        action={`/sessions/${s.slug}/programme`}
        values={props.filter}
        anyLabel={t("sideEvents.filter.any")}
        submitLabel={t("sideEvents.filter.apply")}
        filters={[
          {
            name: "day",
            label: t("sideEvents.filter.day"),
            options: optionsOf(days, (d) =>
              formatDate(lang, `${d}T12:00:00Z`, { dateStyle: "full", timeZone: "UTC" }),
            ),
          },
          { name: "theme", label: t("sideEvents.filter.theme"), options: fieldOfWorkOptions(lang) },
          {
            name: "organiser",
            label: t("sideEvents.filter.organiser"),
            options: organisers.flatMap((o) => (o.slug ? [{ value: o.slug, label: o.name }] : [])),
          },
          {
            name: "language",
            label: t("sideEvents.filter.language"),
            options: optionsOf(languages, (l) => languageNames[l]),
          },
        ]}
      />
      {props.items.length === 0 ? (
        <p>{t("sideEvents.programme.empty")}</p>
      ) : (
        <ol class="cards">
          {props.items.map((e) => (
            <li>
              <h2>
                <a href={`/sessions/${s.slug}/programme/${e.id}`} lang={localizedLang(e.title, lang)}>
                  {localized(e.title, lang)}
                </a>
              </h2>
              <When event={e} timeZone={s.timeZone} />
              <p>{e.organisers.map((o) => o.name).join(", ")}</p>
            </li>
          ))}
        </ol>
      )}
      <ProgrammePager
        slug={s.slug}
        filter={props.filter}
        page={props.page}
        pages={props.pages}
        total={props.total}
      />
    </article>
  );
}

export function EventPage(props: {
  session: SessionDetail;
  event: ProgrammeEvent;
  after?: AfterEvent | null;
}) {
  const { t, lang } = usePage();
  const e = props.event;
  return (
    <article>
      <Text text={e.title} as="h1" />
      <p class="lead">{localized(props.session.name, lang)}</p>
      <When event={e} timeZone={props.session.timeZone} />
      <p>
        {t(`sideEvents.format.${e.format}` as "sideEvents.format.panel")} ·{" "}
        {e.languages.map((l) => languageNames[l as Lang] ?? l).join(", ")}
      </p>
      <Text text={e.abstract} />
      <h2>{t("sideEvents.organisers")}</h2>
      <ul>
        {e.organisers.map((o) => (
          <li>{o.slug ? <a href={`/organisations/${o.slug}`}>{o.name}</a> : o.name}</li>
        ))}
      </ul>
      {e.panellists.length > 0 && (
        <>
          <h2>{t("sideEvents.panellists")}</h2>
          <PanellistList panellists={e.panellists} />
        </>
      )}
      {e.themes.length > 0 && <p>{e.themes.map((c) => fieldOfWorkLabel(c, lang)).join(" · ")}</p>}
      {props.after && <AfterEventSection after={props.after} />}
      <p>
        <a href={`/sessions/${props.session.slug}/programme/${e.id}.ics?lang=${lang}`}>
          {t("sideEvents.icsEvent")}
        </a>
      </p>
    </article>
  );
}
