/**
 * The schedule editor (secretariat): the working schedule as a grid (days × rooms × slots), each
 * event a card that can be dragged to another cell or moved with the keyboard (static/
 * schedule-editor.js), and the same actions as plain forms below the grid, so it works without
 * JavaScript. Cells breaking a hard rule are marked, and each event says which rules it breaks.
 */
import type { ComponentChildren } from "preact";
import { formatDate } from "../../platform/i18n/translate.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { localized } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import type { Draft, DraftEvent } from "./scheduling.draft.service.js";
import type { RunView } from "./scheduling.runs.js";
import type { StoredProposal } from "./scheduling.service.js";
import { conflictText } from "./scheduling.text.js";

const phases = { greedy: 1, model: 1, solve: 1, rooms: 1, waitlist: 1, done: 1 } as const;

export interface EditorProps {
  draft: Draft;
  run: RunView | null;
  proposal: StoredProposal | null;
  /** titles of the wait-listed events a proposal places */
  otherTitles?: Map<string, Localized>;
  /** the event just moved or changed, to say at once what it breaks */
  focus?: string;
  /** the event the move form starts with */
  select?: string;
  error?: string;
}

function Action(props: { action: string; version: number; children: ComponentChildren; class?: string }) {
  return (
    <form method="post" action={props.action} class={props.class ?? "inline-form"}>
      <CsrfField />
      <input type="hidden" name="version" value={String(props.version)} />
      {props.children}
    </form>
  );
}

export function EditorPage(props: EditorProps) {
  const { t, lang } = usePage();
  const { draft } = props;
  const s = draft.session;
  const base = `/sessions/${s.slug}/schedule`;
  const titles = new Map(draft.events.map((e) => [e.id, e.title]));
  const title = (id: string) => localized(titles.get(id), lang);
  const items = new Map(s.agendaItems.map((a) => [a.id, a.number]));
  const rooms = new Map(s.rooms.map((r) => [r.id, r]));
  const slots = new Map(s.timeSlots.map((x) => [x.id, x]));
  const placeText = (e: Pick<DraftEvent, "roomId" | "slotId">) => {
    const room = e.roomId ? rooms.get(e.roomId) : undefined;
    const slot = e.slotId ? slots.get(e.slotId) : undefined;
    if (!room || !slot) return t("scheduling.editor.notPlaced");
    return `${room.name}, ${formatDate(lang, slot.startsAt, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: s.timeZone })}`;
  };
  const days = [...new Set(s.timeSlots.map((x) => x.date))].sort();
  const focused = props.focus ? draft.events.find((e) => e.id === props.focus) : undefined;
  const selected = draft.events.find((e) => e.id === (props.select ?? props.focus));
  const accepted = new Set(draft.events.map((e) => e.id));
  const waitlistedPlaced = (props.proposal?.placements ?? []).filter((p) => !accepted.has(p.eventId));
  const unplacedAccepted = (props.proposal?.unplaced ?? []).filter((u) => accepted.has(u.eventId));
  const hardCount = draft.events.filter((e) => e.conflicts.some((c) => c.hard)).length;
  const running = props.run?.status === "running";
  const statusUrl = props.run ? `/api/v1/sessions/${s.slug}/schedule/runs/${props.run.id}` : "";

  const Card = (e: DraftEvent) => {
    const hard = e.conflicts.some((c) => c.hard);
    return (
      <div
        class={`schedule-event${hard ? " conflict" : ""}${e.pinned ? " pinned" : ""}`}
        draggable
        tabindex={0}
        id={`card-${e.id}`}
        data-event={e.id}
        aria-describedby={`about-${e.id}`}
      >
        <span class="schedule-event-title">{title(e.id)}</span>
        {e.pinned && <span class="badge">{t("scheduling.editor.pinned")}</span>}
        {hard && <span class="badge badge-conflict">{t("scheduling.editor.conflict")}</span>}
      </div>
    );
  };

  return (
    <article
      id="schedule-editor"
      data-api={`/api/v1/sessions/${s.slug}/schedule`}
      data-page={base}
      data-version={String(draft.version)}
      data-etag={`"schedule-draft-${s.slug}-v${draft.version}"`}
      data-picked={t("scheduling.editor.picked")}
      data-target={t("scheduling.editor.target")}
      data-cancelled={t("scheduling.editor.cancelled")}
      data-failed={t("scheduling.editor.failed")}
    >
      <link rel="stylesheet" href="/static/schedule-editor.css" />
      <h1>{t("scheduling.page.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <p>
        {draft.release
          ? t("scheduling.editor.released", {
              number: draft.release.number,
              date: formatDate(lang, draft.release.publishedAt, {
                dateStyle: "long",
                timeStyle: "short",
                timeZone: s.timeZone,
              }),
            })
          : t("scheduling.editor.neverReleased")}{" "}
        {draft.unpublished && <strong>{t("scheduling.editor.unpublished")}</strong>}{" "}
        <a href={`${base}/releases`}>{t("scheduling.releases.title")}</a>
      </p>
      {props.error && (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      )}
      <div id="schedule-status" role="status" aria-live="polite">
        {focused && (
          <div class={focused.conflicts.some((c) => c.hard) ? "notice notice-conflict" : "notice"}>
            <p>{t("scheduling.editor.nowAt", { title: title(focused.id), place: placeText(focused) })}</p>
            {focused.conflicts.length === 0 ? (
              <p>{t("scheduling.editor.noConflict")}</p>
            ) : (
              <ul>
                {focused.conflicts.map((c) => (
                  <li class={c.hard ? "rule-hard" : "rule-soft"}>
                    {c.hard ? t("scheduling.editor.breaks") : t("scheduling.editor.costs")}{" "}
                    {conflictText(lang, c, titles, items)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p>{t("scheduling.editor.conflicts", { count: hardCount })}</p>
      </div>

      <div class="toolbar">
        <Action action={`${base}/undo`} version={draft.version}>
          <button type="submit" disabled={draft.undoable === 0}>
            {t("scheduling.editor.undo")}
          </button>
        </Action>
        <form method="post" action={`${base}/runs`} class="inline-form">
          <CsrfField />
          <button type="submit" disabled={running}>
            {t("scheduling.editor.reoptimise")}
          </button>{" "}
          <label>
            <input type="checkbox" name="waitlisted" value="true" /> {t("scheduling.editor.withWaitlisted")}
          </label>
        </form>
        <Action action={`${base}/publish`} version={draft.version}>
          <button type="submit">{t("scheduling.editor.publish")}</button>
        </Action>
      </div>

      <section id="schedule-run" data-status-url={statusUrl} data-running={running ? "true" : undefined}>
        {props.run && running && (
          <p>
            {t("scheduling.editor.running")}{" "}
            {props.run.progress.phase && props.run.progress.phase in phases
              ? t(`scheduling.phase.${props.run.progress.phase as keyof typeof phases}`)
              : ""}{" "}
            <progress
              aria-label={t("scheduling.editor.running")}
              max={props.run.timeLimitSeconds}
              value={Math.min(props.run.progress.elapsedSeconds ?? 0, props.run.timeLimitSeconds)}
            />{" "}
            <span class="run-detail">
              {t("scheduling.editor.runDetail", {
                elapsed: Math.round(props.run.progress.elapsedSeconds ?? 0),
                limit: props.run.timeLimitSeconds,
                objective: props.run.progress.objective ?? "—",
                bound: props.run.progress.bound ?? "—",
              })}
            </span>
          </p>
        )}
        {props.run?.status === "failed" && <p role="alert">{t("scheduling.editor.runFailed")}</p>}
        {props.proposal && !running && (
          <div class="proposal">
            <h2>{t("scheduling.editor.proposal")}</h2>
            <dl>
              <dt>{t("scheduling.page.objective")}</dt>
              <dd>{props.proposal.objective}</dd>
              <dt>{t("scheduling.page.bound")}</dt>
              <dd>
                {props.proposal.bound} ({t("scheduling.page.gap")} {(props.proposal.gap * 100).toFixed(2)} %)
              </dd>
              <dt>{t("scheduling.page.greedy")}</dt>
              <dd>{props.proposal.greedyObjective}</dd>
            </dl>
            {waitlistedPlaced.length > 0 && (
              <>
                <h3>{t("scheduling.editor.waitlistedPlaced")}</h3>
                <ul>
                  {waitlistedPlaced.map((p) => (
                    <li>
                      <strong>{localized(props.otherTitles?.get(p.eventId), lang)}</strong>: {placeText(p)}
                    </li>
                  ))}
                </ul>
                <p class="hint">{t("scheduling.editor.waitlistedNote")}</p>
              </>
            )}
            {unplacedAccepted.length > 0 && (
              <>
                <h3>{t("scheduling.page.unplaced")}</h3>
                <ul>
                  {unplacedAccepted.map((u) => (
                    <li>
                      <strong>{title(u.eventId)}</strong>: {u.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Action action={`${base}/apply`} version={draft.version}>
              <input type="hidden" name="proposalId" value={props.proposal.id} />
              <button type="submit">{t("scheduling.editor.apply")}</button>
            </Action>
          </div>
        )}
      </section>

      <p class="hint" id="schedule-help">
        {t("scheduling.editor.help")}
      </p>
      {days.map((day) => {
        const daySlots = s.timeSlots.filter((x) => x.date === day);
        return (
          <table class="schedule-grid" key={day} data-day={day}>
            <caption>{formatDate(lang, `${day}T12:00:00Z`, { dateStyle: "full", timeZone: "UTC" })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("scheduling.page.room")}</th>
                {daySlots.map((x) => (
                  <th scope="col" key={x.id}>
                    {x.start}–{x.end}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.rooms.map((room) => (
                <tr key={room.id}>
                  <th scope="row">
                    {room.name} ({room.capacity})
                  </th>
                  {daySlots.map((x) => {
                    const here = draft.events.filter((e) => e.roomId === room.id && e.slotId === x.id);
                    const bad = here.some((e) => e.conflicts.some((c) => c.hard));
                    return (
                      <td
                        key={x.id}
                        data-room={room.id}
                        data-slot={x.id}
                        class={bad ? "cell-conflict" : undefined}
                        aria-label={`${room.name}, ${x.start}`}
                      >
                        {here.map(Card)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <h2>{t("scheduling.editor.notInSchedule")}</h2>
      <div class="schedule-unplaced" data-unplaced>
        {draft.events.filter((e) => !e.roomId).map(Card)}
        {draft.events.every((e) => e.roomId) && <p>{t("scheduling.page.allPlaced")}</p>}
      </div>

      <h2 id="move-form">{t("scheduling.editor.moveTitle")}</h2>
      <Action action={`${base}/move`} version={draft.version} class="move-form">
        <label>
          {t("scheduling.editor.event")}{" "}
          <select name="eventId">
            {draft.events.map((e) => (
              <option value={e.id} selected={e.id === (props.select ?? props.focus)}>
                {title(e.id)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("scheduling.page.room")}{" "}
          <select name="roomId">
            {s.rooms.map((r) => (
              <option value={r.id} selected={r.id === selected?.roomId}>
                {r.name} ({r.capacity})
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("scheduling.editor.slot")}{" "}
          <select name="slotId">
            {s.timeSlots.map((x) => (
              <option value={x.id} selected={x.id === selected?.slotId}>
                {formatDate(lang, x.startsAt, {
                  weekday: "short",
                  day: "numeric",
                  month: "short",
                  timeZone: s.timeZone,
                })}{" "}
                {x.start}–{x.end}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">{t("scheduling.editor.move")}</button>
      </Action>

      <h2>{t("scheduling.editor.events")}</h2>
      <ul class="schedule-list">
        {draft.events.map((e) => (
          <li id={`event-${e.id}`} key={e.id}>
            <strong>{title(e.id)}</strong> — {e.organisation}
            <div id={`about-${e.id}`}>
              {placeText(e)}
              {e.pinned ? ` · ${t("scheduling.editor.pinned")}` : ""}
              {e.conflicts.length > 0 && (
                <ul>
                  {e.conflicts.map((c) => (
                    <li class={c.hard ? "rule-hard" : "rule-soft"}>
                      {c.hard ? t("scheduling.editor.breaks") : t("scheduling.editor.costs")}{" "}
                      {conflictText(lang, c, titles, items)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <a href={`${base}?select=${e.id}#move-form`}>{t("scheduling.editor.moveTo")}…</a>{" "}
            <Action action={`${base}/pin`} version={draft.version}>
              <input type="hidden" name="eventId" value={e.id} />
              <input type="hidden" name="pinned" value={e.pinned ? "false" : "true"} />
              <button type="submit" disabled={!e.pinned && !e.roomId}>
                {e.pinned ? t("scheduling.editor.unpin") : t("scheduling.editor.pin")}
              </button>
            </Action>{" "}
            {e.roomId && (
              <Action action={`${base}/unplace`} version={draft.version}>
                <input type="hidden" name="eventId" value={e.id} />
                <button type="submit">{t("scheduling.editor.unplace")}</button>
              </Action>
            )}
          </li>
        ))}
      </ul>
      <script src="/static/schedule-editor.js" defer />
    </article>
  );
}
