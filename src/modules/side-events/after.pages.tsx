/**
 * The organisers' page after the event (attendance, report, materials) and the lead organiser's
 * page of panellists' photos. Multipart forms work without JavaScript; the file's name is ignored.
 */
import { formatNumber } from "../../platform/i18n/translate.js";
import {
  type FormErrors,
  FormProblem,
  type FormValues,
  str,
  TextArea,
  TextField,
} from "../../platform/ui/forms.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized } from "../sessions/sessions.service.js";
import type { AfterEvent } from "./after.service.js";
import type { Proposal } from "./side-events.service.js";
import { genders } from "./side-events.tables.js";

/** Attendance, report and materials, as the event page shows them once the event has taken place. */
export function AfterEventSection(props: { after: AfterEvent }) {
  const { t, lang } = usePage();
  const a = props.after;
  if (!a.attendance && !a.report && a.materials.length === 0) return null;
  return (
    <section>
      <h2>{t("sideEvents.after.title")}</h2>
      {a.attendance && (
        <p>
          {t("sideEvents.after.attendance")}: <strong>{formatNumber(lang, a.attendance.total)}</strong>
          {a.attendance.byGender &&
            ` (${genders
              .filter((g) => a.attendance?.byGender?.[g] !== undefined)
              .map(
                (g) =>
                  `${t(`sideEvents.p.gender.${g}` as "sideEvents.p.gender.female")} ${formatNumber(lang, a.attendance?.byGender?.[g] ?? 0)}`,
              )
              .join(", ")})`}
        </p>
      )}
      {a.report && <p>{localized(a.report, lang)}</p>}
      {a.materials.length > 0 && (
        <ul>
          {a.materials.map((m) => (
            <li>
              <a href={m.url} type="application/pdf">
                {m.title}
              </a>{" "}
              (PDF, {formatNumber(lang, Math.max(1, Math.round(m.sizeBytes / 1024)))} KB)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AfterPage(props: {
  proposal: Proposal;
  held: boolean;
  after: AfterEvent;
  values: FormValues;
  errors: FormErrors;
}) {
  const { t, lang } = usePage();
  const p = props.proposal;
  const v = props.values;
  const e = props.errors;
  const base = `/side-events/proposals/${p.id}`;
  return (
    <article>
      <h1>{t("sideEvents.after.title")}</h1>
      <p class="lead">
        <a href={base}>{localized(p.title, lang)}</a>
      </p>
      {!props.held ? (
        <p>{t("error.SIDE_EVENT_NOT_HELD_YET")}</p>
      ) : (
        <>
          <form method="post" action={`${base}/report`}>
            <CsrfField />
            <FormProblem text={e.report} />
            <TextField
              name="total"
              type="number"
              label={t("sideEvents.after.attendance")}
              value={str(v, "total") ?? String(props.after.attendance?.total ?? "")}
              required
            />
            <fieldset>
              <legend>{t("sideEvents.after.byGender")}</legend>
              {genders.map((g) => (
                <TextField
                  name={`gender.${g}`}
                  type="number"
                  label={t(`sideEvents.p.gender.${g}` as "sideEvents.p.gender.female")}
                  value={str(v, `gender.${g}`) ?? String(props.after.attendance?.byGender?.[g] ?? "")}
                />
              ))}
            </fieldset>
            <TextArea
              name="report"
              label={t("sideEvents.after.report")}
              value={str(v, "report") ?? (props.after.report ? localized(props.after.report, lang) : "")}
              maxLength={5000}
            />
            <button type="submit">{t("sideEvents.after.save")}</button>
          </form>
          <h2>{t("sideEvents.after.materials")}</h2>
          <AfterEventSection after={{ ...props.after, attendance: null, report: null }} />
          <form method="post" action={`${base}/materials`} enctype="multipart/form-data">
            <CsrfField />
            <FormProblem text={e.material} />
            <TextField
              name="title"
              label={t("sideEvents.after.materialTitle")}
              value={str(v, "title")}
              required
            />
            <div class="field">
              <label for="file">{t("sideEvents.after.file")}</label>
              <input id="file" name="file" type="file" accept="application/pdf" required />
            </div>
            <button type="submit">{t("sideEvents.after.upload")}</button>
          </form>
        </>
      )}
    </article>
  );
}

export function PhotosPage(props: { proposal: Proposal; errors: Record<string, string> }) {
  const { t, lang } = usePage();
  const p = props.proposal;
  return (
    <article>
      <h1>{t("sideEvents.photos.title")}</h1>
      <p class="lead">
        <a href={`/side-events/proposals/${p.id}`}>{localized(p.title, lang)}</a>
      </p>
      <p>{t("sideEvents.photos.intro")}</p>
      <ul class="cards">
        {p.panellists.map((x) => (
          <li id={`panellist-${x.id}`}>
            <h2>
              {x.name ?? x.pseudonym} — {x.role}
            </h2>
            {x.protected ? (
              <p>{t("sideEvents.photos.protected")}</p>
            ) : x.photoUrl ? (
              <img src={x.photoUrl} alt={x.name ?? ""} width={120} />
            ) : (
              <p>{t("sideEvents.photos.none")}</p>
            )}
            <FormProblem text={props.errors[x.id]} />
            <form
              method="post"
              action={`/side-events/proposals/${p.id}/panellists/${x.id}/photo`}
              enctype="multipart/form-data"
            >
              <CsrfField />
              <label for={`file-${x.id}`}>{t("sideEvents.photos.file")}</label>{" "}
              <input
                id={`file-${x.id}`}
                name="file"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                required
              />{" "}
              <button type="submit">{t("sideEvents.photos.upload")}</button>
            </form>
          </li>
        ))}
      </ul>
    </article>
  );
}
