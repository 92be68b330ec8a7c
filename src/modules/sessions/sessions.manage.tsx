/** The secretariat's pages: a new session, the management page, and the forms of its items. */
import type { ComponentChildren } from "preact";
import { formatDay, formatNumber } from "../../platform/i18n/translate.js";
import type { FormErrors, FormValues } from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { SessionForm } from "./sessions.forms.js";
import { AgendaItemForm, DeadlineForm, RoomForm, TimeSlotForm } from "./sessions.items.forms.js";
import type { ItemKind } from "./sessions.items.service.js";
import { clock, dateTime, listOf } from "./sessions.pages.js";
import { meetingNumbers, PlenaryMeetingForm } from "./sessions.plenary.pages.js";
import { localized, localizedLang, type SessionDetail } from "./sessions.service.js";

export function NewSessionPage(props: { values: FormValues; errors: FormErrors }) {
  const { t } = usePage();
  return (
    <section>
      <h1>{t("sessions.new.title")}</h1>
      <SessionForm
        action="/sessions/new"
        values={props.values}
        errors={props.errors}
        submitLabel={t("sessions.create")}
      />
    </section>
  );
}

function DeleteButton(props: { action: string; label: string }) {
  const { t } = usePage();
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField />
      <button type="submit" class="link-button" aria-label={`${t("sessions.delete")}: ${props.label}`}>
        {t("sessions.delete")}
      </button>
    </form>
  );
}

function ItemTable(props: {
  slug: string;
  kind: ItemKind;
  rows: Array<{ id: string; cells: ComponentChildren[]; label: string }>;
  headers: string[];
  empty: string;
}) {
  const { t } = usePage();
  const base = `/sessions/${props.slug}/manage/${props.kind}`;
  return (
    <>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                {props.headers.map((h) => (
                  <th scope="col">{h}</th>
                ))}
                <th scope="col">{t("sessions.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  {row.cells.map((cell) => (
                    <td>{cell}</td>
                  ))}
                  <td>
                    <a href={`${base}/${row.id}`} aria-label={`${t("sessions.edit")}: ${row.label}`}>
                      {t("sessions.edit")}
                    </a>{" "}
                    · <DeleteButton action={`${base}/${row.id}/delete`} label={row.label} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a class="button secondary" href={`${base}/new`}>
          {t(`sessions.add.${props.kind}`)}
        </a>
      </p>
    </>
  );
}

export type Notice = "created" | "saved" | "deleted";

export function ManageSessionPage(props: {
  session: SessionDetail;
  values: FormValues;
  errors: FormErrors;
  notice?: Notice;
  stale?: boolean;
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const tz = s.timeZone;
  const name = localized(s.name, lang);
  return (
    <section>
      <h1>{t("sessions.manage.title", { name })}</h1>
      {props.notice && (
        <p class="notice success" role="status">
          {t(`sessions.notice.${props.notice}`)}
        </p>
      )}
      <p>
        <a href={`/sessions/${s.slug}`}>{t("sessions.manage.public")}</a>
      </p>
      {props.stale && (
        <p class="notice">
          <a href={`/sessions/${s.slug}/manage`}>{t("sessions.manage.reload")}</a>
        </p>
      )}
      <nav aria-label={t("sessions.manage.sections")}>
        <ul class="nav-list">
          <li>
            <a href="#details">{t("sessions.section.details")}</a>
          </li>
          <li>
            <a href="#agenda">{t("sessions.section.agenda")}</a>
          </li>
          <li>
            <a href="#rooms">{t("sessions.section.rooms")}</a>
          </li>
          <li>
            <a href="#slots">{t("sessions.section.slots")}</a>
          </li>
          <li>
            <a href="#plenary">{t("sessions.section.plenary")}</a>
          </li>
          <li>
            <a href="#deadlines">{t("sessions.section.otherDeadlines")}</a>
          </li>
        </ul>
      </nav>

      <h2 id="details">{t("sessions.section.details")}</h2>
      <SessionForm
        action={`/sessions/${s.slug}/manage`}
        values={props.values}
        errors={props.errors}
        submitLabel={t("common.save")}
        editing
      />

      <h2 id="agenda">{t("sessions.section.agenda")}</h2>
      <ItemTable
        slug={s.slug}
        kind="agenda-items"
        headers={[t("sessions.field.agendaNumber"), t("sessions.field.agendaTitle")]}
        empty={t("sessions.agenda.empty")}
        rows={s.agendaItems.map((a) => ({
          id: a.id,
          label: a.number,
          cells: [a.number, <span lang={localizedLang(a.title, lang)}>{localized(a.title, lang)}</span>],
        }))}
      />

      <h2 id="rooms">{t("sessions.section.rooms")}</h2>
      <ItemTable
        slug={s.slug}
        kind="rooms"
        headers={[t("sessions.field.roomName"), t("sessions.field.capacity"), t("sessions.field.equipment")]}
        empty={t("sessions.rooms.empty")}
        rows={s.rooms.map((r) => ({
          id: r.id,
          label: r.name,
          cells: [
            r.name,
            formatNumber(lang, r.capacity),
            listOf(
              lang,
              r.equipment.map((code) => t(`sessions.equipment.${code}`)),
            ),
          ],
        }))}
      />

      <h2 id="slots">{t("sessions.section.slots")}</h2>
      <p class="muted">{t("sessions.localTimes", { zone: tz })}</p>
      <ItemTable
        slug={s.slug}
        kind="time-slots"
        headers={[t("sessions.field.slotDate"), t("sessions.field.slotStart"), t("sessions.field.slotEnd")]}
        empty={t("sessions.slots.empty")}
        rows={s.timeSlots.map((slot) => {
          const [day, start, end] = [
            formatDay(lang, slot.date),
            clock(lang, slot.startsAt, tz),
            clock(lang, slot.endsAt, tz),
          ];
          return { id: slot.id, label: `${day} ${start}–${end}`, cells: [day, start, end] };
        })}
      />

      <h2 id="plenary">{t("sessions.section.plenary")}</h2>
      <p class="muted">{t("sessions.localTimes", { zone: tz })}</p>
      <ItemTable
        slug={s.slug}
        kind="plenary-meetings"
        headers={[
          t("sessions.field.slotDate"),
          t("sessions.field.slotStart"),
          t("sessions.field.slotEnd"),
          t("sessions.plenary.items"),
          t("sessions.field.meetingTitle"),
        ]}
        empty={t("sessions.plenary.empty")}
        rows={s.plenaryMeetings.map((m) => {
          const [day, start, end] = [
            formatDay(lang, m.date),
            clock(lang, m.startsAt, tz),
            clock(lang, m.endsAt, tz),
          ];
          return {
            id: m.id,
            label: `${day} ${start}–${end}`,
            cells: [
              day,
              start,
              end,
              <bdi>{meetingNumbers(s, m)}</bdi>,
              <span lang={localizedLang(m.title, lang)}>{localized(m.title, lang)}</span>,
            ],
          };
        })}
      />

      <h2 id="deadlines">{t("sessions.section.otherDeadlines")}</h2>
      <ItemTable
        slug={s.slug}
        kind="deadlines"
        headers={[t("sessions.field.deadlineLabel"), t("sessions.field.dueAt")]}
        empty={t("sessions.deadlines.empty")}
        rows={s.deadlines.map((d) => ({
          id: d.id,
          label: localized(d.label, lang),
          cells: [
            <span lang={localizedLang(d.label, lang)}>{localized(d.label, lang)}</span>,
            dateTime(lang, d.dueAt, tz),
          ],
        }))}
      />
    </section>
  );
}

/** The page of one item's form: add or edit an agenda item, room, time slot, deadline or plenary meeting. */
export function ItemFormPage(props: {
  session: SessionDetail;
  kind: ItemKind;
  itemId?: string;
  values: FormValues;
  errors: FormErrors;
}) {
  const { t, lang } = usePage();
  const { session, kind } = props;
  const base = `/sessions/${session.slug}/manage/${kind}`;
  const form = {
    action: props.itemId ? `${base}/${props.itemId}` : base,
    values: props.values,
    errors: props.errors,
    submitLabel: props.itemId ? t("common.save") : t("sessions.addButton"),
  };
  return (
    <section>
      <h1>{t(props.itemId ? `sessions.edit.${kind}` : `sessions.add.${kind}`)}</h1>
      <p class="muted">
        <a href={`/sessions/${session.slug}/manage`}>{localized(session.name, lang)}</a>
      </p>
      {kind === "agenda-items" && <AgendaItemForm {...form} />}
      {kind === "rooms" && <RoomForm {...form} />}
      {kind === "time-slots" && <TimeSlotForm {...form} timeZone={session.timeZone} />}
      {kind === "deadlines" && <DeadlineForm {...form} timeZone={session.timeZone} />}
      {kind === "plenary-meetings" && <PlenaryMeetingForm {...form} session={session} />}
    </section>
  );
}
