/** Expected answers of the after-event and photo routes for each person (see test/support/matrix.ts). */
import type { TestContext } from "../../../test/support/harness.js";
import type { MatrixEntry, World } from "../../../test/support/matrix.js";
import { realPdf, tinyJpeg } from "./side-events.fixtures.js";
import { everyone, organisers, scenario } from "./side-events.matrix-world.js";

/** An accepted event of the world's organisation that took place (its slot moved into the past). */
async function held(t: TestContext, w: World) {
  const s = await scenario(t, w, { status: "accepted" });
  await t.db
    .updateTable("session_time_slots")
    .set({ starts_at: new Date("2001-10-13T11:15:00Z"), ends_at: new Date("2001-10-13T12:45:00Z") })
    .where("id", "=", s.session.timeSlots[0]!.id)
    .execute();
  t.services.cache.drop("sessions");
  return s;
}

async function withFiles(t: TestContext, w: World) {
  const s = await held(t, w);
  const file = await t.db
    .insertInto("side_event_files")
    .values({ content_type: "application/pdf", bytes: await realPdf() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const m = await t.db
    .insertInto("side_event_materials")
    .values({ proposal_id: s.proposalId, file_id: file.id, title: "Slides", size_bytes: 100 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const photo = await t.db
    .insertInto("side_event_files")
    .values({ content_type: "image/jpeg", bytes: await tinyJpeg() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const open = await t.db
    .insertInto("side_event_panellists")
    .values({
      proposal_id: s.proposalId,
      name: "Open Speaker",
      gender: "female",
      role: "Moderator",
      consent_to_publish: true,
      consent_at: new Date(),
      photo_file_id: photo.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ...s, materialId: m.id, openPanellistId: open.id };
}

export const afterMatrix: MatrixEntry[] = [
  {
    method: "PUT",
    route: "/api/v1/side-event-proposals/:id/report",
    setup: async (t, w) => ({
      url: `/api/v1/side-event-proposals/${(await held(t, w)).proposalId}/report`,
      body: { attendance: { total: 40, byGender: { female: 25, male: 15 } }, report: { en: "Full room" } },
    }),
    expect: organisers(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/side-events/:id/materials/:materialId",
    setup: async (t, w) => {
      const s = await withFiles(t, w);
      return {
        url: `/api/v1/sessions/${s.session.slug}/side-events/${s.proposalId}/materials/${s.materialId}`,
      };
    },
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/api/v1/side-event-panellists/:id/photo",
    setup: async (t, w) => ({
      url: `/api/v1/side-event-panellists/${(await withFiles(t, w)).openPanellistId}/photo`,
    }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/api/v1/side-event-proposals/:id/panellists/:panellistId/photo",
    setup: async (t, w) => {
      const s = await withFiles(t, w);
      return { url: `/api/v1/side-event-proposals/${s.proposalId}/panellists/${s.openPanellistId}/photo` };
    },
    expect: organisers(200),
  },
  {
    method: "GET",
    route: "/side-events/proposals/:id/after",
    html: true,
    setup: async (t, w) => ({ url: `/side-events/proposals/${(await held(t, w)).proposalId}/after` }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/report",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await held(t, w)).proposalId}/report`,
      body: { total: "40", report: "Full room" },
    }),
    expect: organisers(303),
  },
  {
    method: "GET",
    route: "/side-events/proposals/:id/photos",
    html: true,
    setup: async (t, w) => ({ url: `/side-events/proposals/${(await held(t, w)).proposalId}/photos` }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/materials",
    setup: async (t, w) => ({
      url: `/api/v1/side-event-proposals/${(await held(t, w)).proposalId}/materials?title=Slides`,
      body: await realPdf(),
      headers: { "content-type": "application/pdf" },
    }),
    expect: organisers(201),
  },
  {
    method: "PUT",
    route: "/api/v1/side-event-proposals/:id/panellists/:panellistId/photo",
    setup: async (t, w) => {
      const s = await held(t, w);
      return {
        url: `/api/v1/side-event-proposals/${s.proposalId}/panellists/${s.panellistId}/photo`,
        body: await tinyJpeg(),
        headers: { "content-type": "image/jpeg" },
      };
    },
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/materials",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await held(t, w)).proposalId}/materials`,
      body: { title: "Slides" },
    }),
    // a form without its file: access decides first, then the file is refused (after.test.ts)
    expect: organisers(415),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/panellists/:panellistId/photo",
    html: true,
    setup: async (t, w) => {
      const s = await held(t, w);
      return { url: `/side-events/proposals/${s.proposalId}/panellists/${s.panellistId}/photo`, body: {} };
    },
    expect: organisers(415),
  },
];
