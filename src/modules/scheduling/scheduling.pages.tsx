/**
 * The secretariat's scheduling page (usable without JavaScript): run the optimiser, and see the
 * proposed placement as a grid (days × rooms × slots) with the events left out and why.
 */
import type { FastifyRequest } from "fastify";
import type { App } from "../../platform/http.js";
import { CsrfField } from "../../platform/ui/layout.js";
import { usePage } from "../../platform/ui/page-context.js";
import { sendPage } from "../../platform/ui/render.js";
import { localized, type SessionDetail } from "../sessions/sessions.service.js";
import { listProgramme, type ProgrammeEvent } from "../side-events/programme.service.js";
import type { SeCtx } from "../side-events/side-events.service.js";
import { ZSessionParams } from "./scheduling.schemas.js";
import { latestProposal, optimiseSession, type StoredProposal } from "./scheduling.service.js";

export function SchedulePage(props: {
  session: SessionDetail;
  proposal: StoredProposal | null;
  events: ProgrammeEvent[];
}) {
  const { t, lang } = usePage();
  const s = props.session;
  const p = props.proposal;
  const title = (id: string) => {
    const e = props.events.find((x) => x.id === id);
    return e ? localized(e.title, lang) : id;
  };
  const days = [...new Set(s.timeSlots.map((x) => x.date))].sort();
  return (
    <article>
      <h1>{t("scheduling.page.title")}</h1>
      <p class="lead">{localized(s.name, lang)}</p>
      <form method="post" action={`/sessions/${s.slug}/schedule/optimise`}>
        <CsrfField />
        <button type="submit">{t("scheduling.page.optimise")}</button>
      </form>
      {!p ? (
        <p>{t("scheduling.page.none")}</p>
      ) : (
        <>
          <p>{t("scheduling.page.notPublished")}</p>
          <dl>
            <dt>{t("scheduling.page.objective")}</dt>
            <dd>{p.objective}</dd>
            <dt>{t("scheduling.page.bound")}</dt>
            <dd>
              {p.bound} ({t("scheduling.page.gap")} {(p.gap * 100).toFixed(2)} %)
            </dd>
            <dt>{t("scheduling.page.greedy")}</dt>
            <dd>{p.greedyObjective}</dd>
          </dl>
          {days.map((day) => {
            const slots = s.timeSlots.filter((x) => x.date === day);
            return (
              <table key={day}>
                <caption>{day}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("scheduling.page.room")}</th>
                    {slots.map((x) => (
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
                      {slots.map((x) => {
                        const cell = p.placements.find((c) => c.roomId === room.id && c.slotId === x.id);
                        return <td key={x.id}>{cell ? title(cell.eventId) : ""}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
          <h2>{t("scheduling.page.unplaced")}</h2>
          {p.unplaced.length === 0 ? (
            <p>{t("scheduling.page.allPlaced")}</p>
          ) : (
            <ul>
              {p.unplaced.map((u) => (
                <li key={u.eventId}>
                  <strong>{title(u.eventId)}</strong>: {t(`scheduling.reason.${u.reason}`)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}

export async function schedulingPageRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });
  app.get(
    "/sessions/:slug/schedule",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { session, proposal } = await latestProposal(ctx, request.params.slug);
      const { all } = await listProgramme(ctx, session.slug);
      return sendPage(
        request,
        reply,
        `${request.t("scheduling.page.title")} — ${localized(session.name, request.lang)}`,
        <SchedulePage session={session} proposal={proposal} events={all} />,
      );
    },
  );
  app.post(
    "/sessions/:slug/schedule/optimise",
    { config: { access: "secretariat" }, schema: { params: ZSessionParams } },
    async (request, reply) => {
      await optimiseSession(ctxOf(request), request.params.slug, { timeLimitSeconds: 30 });
      return reply.redirect(`/sessions/${request.params.slug}/schedule`, 303);
    },
  );
}
