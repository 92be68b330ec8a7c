/** Server-rendered pages of the accreditation module: the application, check-in, participants. */
import { formatDate, formatNumber } from "../../platform/i18n/translate.js";
import {
  ChoiceGroup,
  type FormErrors,
  type FormValues,
  filledFields,
  TextArea,
  TextField,
} from "../../platform/ui/forms.js";
import { CsrfField, ErrorSummary } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized, type Session, type SessionDetail } from "../sessions/sessions.service.js";
import type { Application } from "./accreditation.service.js";
import type { CheckinResult } from "./badges.service.js";
import type { participationFigures, publicParticipants } from "./participation.service.js";

const Csrf = CsrfField;

function Timeline(props: { application: Application }) {
  const { t, lang } = usePage();
  return (
    <ol class="timeline">
      {props.application.timeline.map((e) => (
        <li>
          <time datetime={e.at.toISOString()}>
            {formatDate(lang, e.at, { dateStyle: "long", timeStyle: "short" })}
          </time>{" "}
          {t(`accreditation.event.${e.kind}` as "accreditation.event.submitted")}
          {e.note && <> — {e.note}</>}
        </li>
      ))}
    </ol>
  );
}

export function ApplicationPage(props: {
  org: { name: string; slug: string };
  session: Session & Partial<Pick<SessionDetail, "agendaItems">>;
  application: Application | null;
  values: FormValues;
  errors: FormErrors;
}) {
  const { t, lang } = usePage();
  const a = props.application;
  const { field, choices } = filledFields(props.values, props.errors);
  return (
    <article>
      <h1>{t("accreditation.apply.title")}</h1>
      <p class="lead">
        {props.org.name} — {localized(props.session.name, lang)}
      </p>
      {a ? (
        <>
          <p>
            {t("accreditation.status")}: <strong>{t(`accreditation.status.${a.status}`)}</strong>
          </p>
          <h2>{t("accreditation.timeline")}</h2>
          <Timeline application={a} />
          {a.status === "admitted" && (
            <p>
              <a
                class="button"
                href={`/organisations/${props.org.slug}/sessions/${props.session.slug}/delegates`}
              >
                {t("accreditation.delegates.title")}
              </a>
            </p>
          )}
        </>
      ) : (
        <form
          method="post"
          action={`/organisations/${props.org.slug}/sessions/${props.session.slug}/application`}
        >
          <Csrf />
          <ErrorSummary errors={props.errors} />
          <TextArea
            {...field("relevance")}
            label={t("accreditation.field.relevance")}
            hint={t("accreditation.field.relevance.hint")}
            required
            maxLength={5000}
          />
          {props.session.agendaItems && props.session.agendaItems.length > 0 && (
            <ChoiceGroup
              {...choices("agendaItemIds")}
              label={t("accreditation.field.agendaItems")}
              options={props.session.agendaItems.map((i) => ({
                value: i.id,
                label: `${i.number}. ${localized(i.title, lang)}`,
              }))}
            />
          )}
          <button type="submit">{t("accreditation.apply.submit")}</button>
        </form>
      )}
    </article>
  );
}

export function CheckinPage(props: {
  session: Session;
  days: Array<{ day: string; count: number }>;
  result?: CheckinResult | null;
  error?: string;
}) {
  const { t, lang } = usePage();
  const r = props.result;
  return (
    <article>
      <h1>{t("accreditation.checkin.title")}</h1>
      <p class="lead">{localized(props.session.name, lang)}</p>
      {/* static/checkin.js swaps this part only, when it records a scan without leaving the page */}
      <div id="checkin-outcome" aria-live="polite">
        {props.error && (
          <p class="notice error" role="alert">
            {props.error}
          </p>
        )}
        {r && (
          <section class="checkin-result">
            {r.delegate.hasPhoto && (
              <img src={`/api/v1/delegates/${r.delegate.id}/photo`} alt="" width={150} />
            )}
            <p>
              <strong>{r.delegate.fullName}</strong> — {r.delegate.organisation}
            </p>
            <p role="status">
              {r.result === "checked_in"
                ? t("accreditation.checkin.accepted")
                : t("accreditation.checkin.already", {
                    at: formatDate(lang, r.firstCheckedInAt, {
                      timeStyle: "short",
                      timeZone: props.session.timeZone,
                    }),
                  })}
            </p>
          </section>
        )}
      </div>
      <form
        method="post"
        action={`/sessions/${props.session.slug}/checkin`}
        id="checkin-form"
        data-not-sent={t("accreditation.checkin.notSent")}
      >
        <Csrf />
        <TextField
          name="code"
          label={t("accreditation.checkin.code")}
          hint={t("accreditation.checkin.code.hint")}
          required
          autocomplete="off"
        />
        <button type="submit">{t("accreditation.checkin.submit")}</button>{" "}
        {/* Shown by static/checkin.js where the browser can use a camera. */}
        <button
          type="button"
          id="scan-start"
          class="button secondary"
          hidden
          data-stop={t("accreditation.checkin.scanStop")}
          data-unavailable={t("accreditation.checkin.cameraUnavailable")}
        >
          {t("accreditation.checkin.scan")}
        </button>
        <p id="scan-status" role="status" class="muted" />
      </form>
      <video
        id="scan-video"
        hidden
        muted
        playsInline
        width={320}
        aria-label={t("accreditation.checkin.camera")}
      />
      <h2>{t("accreditation.checkin.perDay")}</h2>
      <ul id="checkin-counts" data-url={`/api/v1/sessions/${props.session.slug}/checkins`} aria-live="polite">
        {props.days.map((d) => (
          <li data-day={d.day}>
            {formatDate(lang, new Date(`${d.day}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" })}:{" "}
            <span class="count">{formatNumber(lang, d.count)}</span>
          </li>
        ))}
      </ul>
      <p class="hint">{t("accreditation.checkin.live")}</p>
      <script src="/static/checkin.js" defer />
    </article>
  );
}

export function ParticipantsPage(props: {
  session: Session;
  organisations: Awaited<ReturnType<typeof publicParticipants>>["organisations"];
  figures: Awaited<ReturnType<typeof participationFigures>>["figures"];
}) {
  const { t, lang } = usePage();
  const f = props.figures;
  return (
    <article>
      <h1>{t("accreditation.participants.title")}</h1>
      <p class="lead">{localized(props.session.name, lang)}</p>
      <h2>{t("accreditation.figures.title")}</h2>
      <dl class="facts">
        <dt>{t("accreditation.figures.admitted")}</dt>
        <dd>{formatNumber(lang, f.organisationsAdmitted)}</dd>
        <dt>{t("accreditation.figures.attending")}</dt>
        <dd>{formatNumber(lang, f.organisationsAttending)}</dd>
        <dt>{t("accreditation.figures.countries")}</dt>
        <dd>{formatNumber(lang, f.countries)}</dd>
        <dt>{t("accreditation.figures.regionalGroups")}</dt>
        <dd>{formatNumber(lang, f.regionalGroups.length)}</dd>
        <dt>{t("accreditation.figures.delegates")}</dt>
        <dd>{formatNumber(lang, f.delegatesApproved)}</dd>
      </dl>
      <h2>{t("accreditation.participants.organisations")}</h2>
      {props.organisations.length === 0 ? (
        <p class="muted">{t("accreditation.participants.empty")}</p>
      ) : (
        <ul>
          {props.organisations.map((o) => (
            <li>
              <a href={`/organisations/${o.slug}`}>{o.name}</a>
              {o.delegates.length > 0 && <> — {o.delegates.join(", ")}</>}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
