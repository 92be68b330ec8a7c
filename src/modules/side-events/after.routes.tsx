/**
 * Routes of the after-event record (attendance, report, PDF materials) and of panellists' photos:
 * the API, the organisers' pages, and the public files. Uploads parse only here (encapsulated).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.js";
import type { App } from "../../platform/http.js";
import { type FormErrors, type FormValues, str } from "../../platform/ui/forms.js";
import { sendPage } from "../../platform/ui/render.js";
import { getSessionDetail } from "../sessions/sessions.service.js";
import { AfterPage, PhotosPage } from "./after.pages.js";
import { addMaterial, getPublicMaterial, publicAfterEvent, saveReport } from "./after.service.js";
import { getPanellistPhoto, getPublicPanellistPhoto, setPanellistPhoto } from "./photos.service.js";
import { errorText } from "./side-events.page-routes.js";
import {
  ZAfterEvent,
  ZIdParams,
  ZMaterial,
  ZMaterialParams,
  ZMaterialQuery,
  ZOk,
  ZPanellistParams,
  ZPanellistPhotoParams,
  ZReportInput,
} from "./side-events.schemas.js";
import { getProposal, type SeCtx } from "./side-events.service.js";
import { UPLOAD_LIMIT, uploadParsers } from "./side-events.uploads.js";

const tags = ["side-events"];
const asBuffer = (body: unknown) => {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError("SIDE_EVENT_FILE_INVALID");
  return body;
};
const sendFile = (reply: FastifyReply, type: string, bytes: Buffer, cache: string, name?: string) => {
  reply
    .header("content-type", type)
    .header("cache-control", cache)
    .header("x-content-type-options", "nosniff");
  if (name) reply.header("content-disposition", `attachment; filename="${name}"`);
  return reply.send(bytes);
};

export async function afterRoutes(app: App): Promise<void> {
  const ctxOf = (request: FastifyRequest): SeCtx => ({ ...request.ctx(), cache: app.services.cache });
  const one = "/api/v1/side-event-proposals/:id";

  app.put(
    `${one}/report`,
    {
      config: { access: "signed-in" },
      schema: { tags, params: ZIdParams, body: ZReportInput, response: { 200: ZAfterEvent } },
    },
    async (request) => saveReport(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/v1/sessions/:slug/side-events/:id/materials/:materialId",
    { config: { access: "public" }, schema: { tags, params: ZMaterialParams } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const session = await getSessionDetail(ctx, request.params.slug);
      const m = await getPublicMaterial(ctx, session, request.params.id, request.params.materialId);
      return sendFile(
        reply,
        "application/pdf",
        m.bytes,
        "public, max-age=3600",
        `${request.params.materialId}.pdf`,
      );
    },
  );
  app.get(
    "/api/v1/side-event-panellists/:id/photo",
    { config: { access: "public" }, schema: { tags, params: ZPanellistPhotoParams } },
    async (request, reply) =>
      sendFile(
        reply,
        "image/jpeg",
        await getPublicPanellistPhoto(ctxOf(request), request.params.id),
        "public, max-age=300",
      ),
  );
  app.get(
    `${one}/panellists/:panellistId/photo`,
    { config: { access: "signed-in" }, schema: { tags, params: ZPanellistParams } },
    async (request, reply) =>
      sendFile(
        reply,
        "image/jpeg",
        await getPanellistPhoto(ctxOf(request), request.params.id, request.params.panellistId),
        "private, no-store",
      ),
  );

  // ---- the organisers' pages
  const afterPage = async (request: FastifyRequest, id: string, values: FormValues, errors: FormErrors) => {
    const ctx = ctxOf(request);
    const proposal = await getProposal(ctx, id);
    if (proposal.viewer === "reviewer") throw new AppError("FORBIDDEN");
    const session = await getSessionDetail(ctx, proposal.session);
    const row = await ctx.db
      .selectFrom("side_event_proposals")
      .select("time_slot_id")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const end = session.timeSlots.find((s) => s.id === row.time_slot_id)?.endsAt ?? null;
    const held = proposal.status === "accepted" && end !== null && end <= ctx.clock.now();
    const after = (await publicAfterEvent(ctx, session, { id, endsAt: held ? end : null })) ?? {
      attendance: null,
      report: null,
      materials: [],
    };
    return <AfterPage proposal={proposal} held={held} after={after} values={values} errors={errors} />;
  };
  app.get(
    "/side-events/proposals/:id/after",
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        request.t("sideEvents.after.title"),
        await afterPage(request, request.params.id, {}, {}),
      ),
  );
  app.post(
    "/side-events/proposals/:id/report",
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) => {
      const v = (request.body ?? {}) as FormValues;
      const byGender = Object.fromEntries(
        ["female", "male", "other", "undisclosed"].flatMap((g) => {
          const n = str(v, `gender.${g}`);
          return n ? [[g, Number(n)]] : [];
        }),
      );
      const parsed = ZReportInput.safeParse({
        attendance: {
          total: Number(str(v, "total") ?? Number.NaN),
          ...(Object.keys(byGender).length ? { byGender } : {}),
        },
        ...(str(v, "report") ? { report: { [request.lang]: str(v, "report") } } : {}),
      });
      try {
        if (!parsed.success) throw new AppError("VALIDATION_FAILED");
        await saveReport(ctxOf(request), request.params.id, parsed.data);
        return reply.redirect(`/side-events/proposals/${request.params.id}/after`, 303);
      } catch (error) {
        return sendPage(
          request,
          reply,
          request.t("sideEvents.after.title"),
          await afterPage(request, request.params.id, v, { report: errorText(request, error) }),
          (error as AppError).status ?? 400,
        );
      }
    },
  );
  app.get(
    "/side-events/proposals/:id/photos",
    { config: { access: "signed-in" }, schema: { params: ZIdParams } },
    async (request, reply) => {
      const proposal = await getProposal(ctxOf(request), request.params.id);
      if (proposal.viewer !== "lead" && proposal.viewer !== "secretariat") throw new AppError("FORBIDDEN");
      return sendPage(
        request,
        reply,
        request.t("sideEvents.photos.title"),
        <PhotosPage proposal={proposal} errors={{}} />,
      );
    },
  );

  // ---- uploads: their own content-type parsers, in this encapsulated context only
  await app.register(async (uploads: App) => {
    uploadParsers(uploads);
    uploads.post(
      `${one}/materials`,
      {
        config: { access: "signed-in", idempotency: "optional" },
        bodyLimit: UPLOAD_LIMIT,
        schema: { tags, params: ZIdParams, querystring: ZMaterialQuery, response: { 201: ZMaterial } },
      },
      async (request, reply) =>
        reply.code(201).send(
          await addMaterial(ctxOf(request), request.params.id, {
            title: request.query.title,
            bytes: asBuffer(request.body),
          }),
        ),
    );
    uploads.put(
      `${one}/panellists/:panellistId/photo`,
      {
        config: { access: "signed-in" },
        bodyLimit: UPLOAD_LIMIT,
        schema: { tags, params: ZPanellistParams, response: { 200: ZOk } },
      },
      async (request) =>
        setPanellistPhoto(
          ctxOf(request),
          request.params.id,
          request.params.panellistId,
          asBuffer(request.body),
        ),
    );
    uploads.post(
      "/side-events/proposals/:id/materials",
      { config: { access: "signed-in" }, bodyLimit: UPLOAD_LIMIT + 100_000, schema: { params: ZIdParams } },
      async (request, reply) => {
        const v = (request.body ?? {}) as FormValues & { file?: Buffer | string };
        try {
          const title = ZMaterialQuery.shape.title.safeParse(str(v, "title") ?? "");
          if (!title.success) throw new AppError("VALIDATION_FAILED");
          await addMaterial(ctxOf(request), request.params.id, {
            title: title.data,
            bytes: asBuffer(v.file),
          });
          return reply.redirect(`/side-events/proposals/${request.params.id}/after`, 303);
        } catch (error) {
          return sendPage(
            request,
            reply,
            request.t("sideEvents.after.title"),
            await afterPage(
              request,
              request.params.id,
              { title: str(v, "title") },
              { material: errorText(request, error) },
            ),
            (error as AppError).status ?? 400,
          );
        }
      },
    );
    uploads.post(
      "/side-events/proposals/:id/panellists/:panellistId/photo",
      {
        config: { access: "signed-in" },
        bodyLimit: UPLOAD_LIMIT + 100_000,
        schema: { params: ZPanellistParams },
      },
      async (request, reply) => {
        const v = (request.body ?? {}) as { file?: Buffer | string };
        const { id, panellistId } = request.params;
        try {
          if (v.file === "too-large") throw new AppError("PHOTO_INVALID");
          await setPanellistPhoto(ctxOf(request), id, panellistId, asBuffer(v.file));
          return reply.redirect(`/side-events/proposals/${id}/photos#panellist-${panellistId}`, 303);
        } catch (error) {
          const proposal = await getProposal(ctxOf(request), id);
          return sendPage(
            request,
            reply,
            request.t("sideEvents.photos.title"),
            <PhotosPage proposal={proposal} errors={{ [panellistId]: errorText(request, error) }} />,
            (error as AppError).status ?? 400,
          );
        }
      },
    );
  });
}
