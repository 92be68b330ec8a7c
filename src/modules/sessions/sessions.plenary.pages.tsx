/**
 * The plenary programme on the pages: the secretariat's form of a meeting (agenda items chosen by
 * checkboxes) and the programme on the session's public page, day by day. Agenda numbers and
 * titles are isolated (<bdi>) so that "2(b)" or an English fallback title reads right in Arabic.
 */
import { type Lang, languages } from "../../platform/i18n/languages.js";
import { formatDate, formatDay } from "../../platform/i18n/translate.js";
import { type FormErrors, type FormValues, list, str } from "../../platform/ui/forms.js";
import { usePage } from "../../platform/ui/page-context.js";
import { DayAndTimesFields, FormFrame, type FormProps, LocalizedFields } from "./sessions.forms.js";
import { meetingsByDay, type PlenaryMeeting } from "./sessions.plenary.js";
import { type AgendaItem, localized, localizedLang, type SessionDetail } from "./sessions.service.js";

const clock = (lang: Lang, instant: Date, timeZone: string) =>
  formatDate(lang, instant, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });

// ---- form values to API-shaped input, and back

const text = (v: FormValues, name: string) => {
  const value = str(v, name)?.trim();
  return value ? value : undefined;
};

export function plenaryFormInput(v: FormValues) {
  return {
    date: text(v, "date"),
    start: text(v, "start"),
    end: text(v, "end"),
    title: Object.fromEntries(
      languages.flatMap((l) => (text(v, `title.${l}`) ? [[l, text(v, `title.${l}`)]] : [])),
    ),
    agendaItemIds: list(v, "agendaItemIds"),
  };
}

export function plenaryFormValues(m: PlenaryMeeting): FormValues {
  return {
    date: m.date,
    start: m.start,
    end: m.end,
    ...Object.fromEntries(languages.map((l) => [`title.${l}`, m.title[l] ?? ""])),
    agendaItemIds: m.agendaItemIds,
  };
}

// ---- pieces

/** "2(b). Trafficking in persons", each part isolated in its own direction and language. */
function AgendaItemLabel(props: { item: AgendaItem; lang: Lang }) {
  const { item, lang } = props;
  return (
    <>
      <bdi class="agenda-number">{item.number}</bdi>.{" "}
      <bdi lang={localizedLang(item.title, lang)}>{localized(item.title, lang)}</bdi>
    </>
  );
}

/** The session's agenda items as checkboxes, in agenda order. */
function AgendaItemChoices(props: { items: AgendaItem[]; values: FormValues; errors: FormErrors }) {
  const { t, lang } = usePage();
  const name = "agendaItemIds";
  const selected = new Set(list(props.values, name));
  const error = props.errors[name];
  return (
    <fieldset id={name} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{t("sessions.field.meetingItems")}</legend>
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {props.items.length === 0 ? (
        <p>{t("sessions.plenary.noAgenda")}</p>
      ) : (
        <div class="choices">
          {props.items.map((item) => (
            <label>
              <input type="checkbox" name={name} value={item.id} checked={selected.has(item.id)} />{" "}
              <AgendaItemLabel item={item} lang={lang} />
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function PlenaryMeetingForm(props: FormProps & { session: SessionDetail }) {
  const { t } = usePage();
  const { values, errors } = props;
  return (
    <FormFrame {...props}>
      <DayAndTimesFields values={values} errors={errors} timeZone={props.session.timeZone} />
      <AgendaItemChoices items={props.session.agendaItems} values={values} errors={errors} />
      <LocalizedFields
        name="title"
        legend={t("sessions.field.meetingTitle")}
        hint={t("sessions.field.meetingTitle.hint")}
        values={values}
        errors={errors}
        maxLength={300}
      />
    </FormFrame>
  );
}

/** The agenda items of a meeting, numbers only (for tables of the secretariat). */
export function meetingNumbers(session: SessionDetail, meeting: PlenaryMeeting): string {
  const byId = new Map(session.agendaItems.map((a) => [a.id, a.number]));
  return meeting.agendaItemIds.map((id) => byId.get(id) ?? "?").join(", ");
}

// ---- the public programme

export function PlenaryProgramme(props: { session: SessionDetail }) {
  const { t, lang } = usePage();
  const s = props.session;
  const tz = s.timeZone;
  const items = new Map(s.agendaItems.map((a) => [a.id, a]));
  return (
    <>
      <h2 id="plenary">{t("sessions.section.plenary")}</h2>
      {s.plenaryMeetings.length === 0 ? (
        <p>{t("sessions.plenary.empty")}</p>
      ) : (
        <>
          <p class="muted">
            {t("sessions.plenary.lead")} {t("sessions.localTimes", { zone: tz })}
          </p>
          {meetingsByDay(s.plenaryMeetings).map(([day, meetings]) => (
            <section class="plenary-day">
              <h3>
                {formatDay(lang, day, { weekday: "long", day: "numeric", month: "long", year: "numeric" })}
              </h3>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("sessions.plenary.time")}</th>
                      <th scope="col">{t("sessions.plenary.items")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {meetings.map((m) => (
                      <tr>
                        <td>
                          <time datetime={m.startsAt.toISOString()}>{clock(lang, m.startsAt, tz)}</time>
                          {"–"}
                          <time datetime={m.endsAt.toISOString()}>{clock(lang, m.endsAt, tz)}</time>
                        </td>
                        <td>
                          {localized(m.title, lang) && (
                            <p>
                              <strong>
                                <bdi lang={localizedLang(m.title, lang)}>{localized(m.title, lang)}</bdi>
                              </strong>
                            </p>
                          )}
                          <ul class="plenary-items">
                            {m.agendaItemIds.flatMap((id) => {
                              const item = items.get(id);
                              return item
                                ? [
                                    <li>
                                      <AgendaItemLabel item={item} lang={lang} />
                                    </li>,
                                  ]
                                : [];
                            })}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}
    </>
  );
}
