import sharp from "sharp";
import type { MatrixEntry } from "../../../test/support/matrix.js";
import { everyone, secretariatOnly } from "../../../test/support/matrix.js";
import { delegateLinkMatrix } from "./accreditation.link.matrix.js";
import {
  delegateBody,
  focalPointOnly,
  members,
  orgSession,
  scenario,
} from "./accreditation.matrix-scenario.js";

export const accreditationMatrix: MatrixEntry[] = [
  ...delegateLinkMatrix,
  {
    method: "POST",
    route: "/api/v1/organisations/:org/sessions/:slug/application",
    setup: async (t, w) => ({
      url: `/api/v1${orgSession(await scenario(t, w))}/application`,
      body: { relevance: "We help victims." },
    }),
    expect: focalPointOnly(201),
  },
  {
    method: "GET",
    route: "/api/v1/organisations/:org/sessions/:slug/application",
    setup: async (t, w) => ({
      url: `/api/v1${orgSession(await scenario(t, w, { application: { status: "submitted" } }))}/application`,
    }),
    expect: members(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/applications",
    setup: async (t, w) => ({ url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/applications` }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/applications/:id/circulate",
    setup: async (t, w) => ({
      url: `/api/v1/applications/${(await scenario(t, w, { application: { status: "submitted" } })).applicationId}/circulate`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/applications/:id/decision",
    setup: async (t, w) => ({
      url: `/api/v1/applications/${(await scenario(t, w, { application: { status: "submitted", path: "ecosoc" } })).applicationId}/decision`,
      body: { decision: "admit" },
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/circulated-list",
    setup: async (t, w) => ({
      url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/circulated-list`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/applications/:id/objections",
    setup: async (t, w) => ({
      url: `/api/v1/applications/${(await scenario(t, w, { application: { status: "circulated" } })).applicationId}/objections`,
      body: { reason: "Not relevant" },
    }),
    expect: secretariatOnly(204),
  },
  {
    method: "GET",
    route: "/api/v1/organisations/:org/sessions/:slug/delegates",
    setup: async (t, w) => ({
      url: `/api/v1${orgSession(await scenario(t, w, { application: { status: "admitted" } }))}/delegates`,
    }),
    expect: focalPointOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/organisations/:org/sessions/:slug/delegates",
    setup: async (t, w) => ({
      url: `/api/v1${orgSession(await scenario(t, w, { application: { status: "admitted" } }))}/delegates`,
      body: delegateBody(),
    }),
    expect: focalPointOnly(201),
  },
  ...(["GET", "PATCH"] as const).map(
    (method): MatrixEntry => ({
      method,
      route: "/api/v1/delegates/:id",
      setup: async (t, w) => ({
        url: `/api/v1/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" })).delegateId}`,
        body: { title: "Director" },
      }),
      expect: focalPointOnly(200),
    }),
  ),
  {
    method: "PUT",
    route: "/api/v1/delegates/:id/photo",
    setup: async (t, w) => ({
      url: `/api/v1/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" })).delegateId}/photo`,
      body: await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } })
        .jpeg()
        .toBuffer(),
      headers: { "content-type": "image/jpeg" },
    }),
    expect: focalPointOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/delegates/:id/photo",
    setup: async (t, w) => ({
      url: `/api/v1/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "pending", photo: true })).delegateId}/photo`,
    }),
    expect: focalPointOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/delegates/:id/decision",
    setup: async (t, w) => ({
      url: `/api/v1/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" })).delegateId}/decision`,
      body: { decision: "approve" },
    }),
    expect: { ...secretariatOnly(200), otherMember: 403 },
  },
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/delegates/decisions",
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" });
      return {
        url: `/api/v1/sessions/${s.session.slug}/delegates/decisions`,
        body: { ids: [s.delegateId], decision: "approve" },
      };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/delegates",
    setup: async (t, w) => ({ url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/delegates` }),
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/security-export",
    setup: async (t, w) => ({
      url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/security-export`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/delegates/:id/badge.pdf",
    setup: async (t, w) => ({
      url: `/api/v1/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).delegateId}/badge.pdf`,
    }),
    expect: focalPointOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/organisations/:org/sessions/:slug/badges.pdf",
    setup: async (t, w) => ({
      url: `/api/v1${orgSession(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" }))}/badges.pdf`,
    }),
    expect: focalPointOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/badges.pdf",
    setup: async (t, w) => ({ url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/badges.pdf` }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/badges/:id/revoke",
    setup: async (t, w) => ({
      url: `/api/v1/badges/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).badgeId}/revoke`,
      body: { reason: "lost" },
    }),
    expect: secretariatOnly(204),
  },
  {
    method: "POST",
    route: "/api/v1/delegates/:id/badge",
    setup: async (t, w) => ({
      url: `/api/v1/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).delegateId}/badge`,
    }),
    expect: secretariatOnly(201),
  },
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/checkins",
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" });
      return { url: `/api/v1/sessions/${s.session.slug}/checkins`, body: { code: s.token } };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/checkins",
    setup: async (t, w) => ({ url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/checkins` }),
    expect: secretariatOnly(200),
  },
  ...(["participation", "participants"] as const).map(
    (what): MatrixEntry => ({
      method: "GET",
      route: `/api/v1/sessions/:slug/${what}`,
      setup: async (t, w) => ({ url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/${what}` }),
      expect: everyone(200),
    }),
  ),
  // ---- pages
  {
    method: "GET",
    route: "/organisations/:org/sessions/:slug/application",
    html: true,
    setup: async (t, w) => ({ url: `${orgSession(await scenario(t, w))}/application` }),
    expect: members(200),
  },
  {
    method: "POST",
    route: "/organisations/:org/sessions/:slug/application",
    html: true,
    setup: async (t, w) => ({
      url: `${orgSession(await scenario(t, w))}/application`,
      body: { relevance: "We help victims." },
    }),
    expect: focalPointOnly(303),
  },
  {
    method: "GET",
    route: "/sessions/:slug/checkin",
    html: true,
    setup: async (t, w) => ({ url: `/sessions/${(await scenario(t, w)).session.slug}/checkin` }),
    expect: { ...secretariatOnly(200), anonymous: 303 },
  },
  {
    method: "POST",
    route: "/sessions/:slug/checkin",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" });
      return { url: `/sessions/${s.session.slug}/checkin`, body: { code: s.code } };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/participants",
    html: true,
    setup: async (t, w) => ({ url: `/sessions/${(await scenario(t, w)).session.slug}/participants` }),
    expect: everyone(200),
  },
  // ---- pages of the steps people do (accreditation.admission-routes.tsx, delegate-list-routes.tsx, delegate-routes.tsx)
  {
    method: "GET",
    route: "/sessions/:slug/accreditation",
    html: true,
    setup: async (t, w) => ({ url: `/sessions/${(await scenario(t, w)).session.slug}/accreditation` }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  {
    method: "GET",
    route: "/organisations/:org/sessions/:slug/delegates",
    html: true,
    setup: async (t, w) => ({
      url: `${orgSession(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" }))}/delegates`,
    }),
    expect: focalPointOnly(200),
  },
  {
    method: "POST",
    route: "/organisations/:org/sessions/:slug/delegates",
    html: true,
    setup: async (t, w) => ({
      url: `${orgSession(await scenario(t, w, { application: { status: "admitted" } }))}/delegates`,
      body: delegateBody(),
    }),
    expect: focalPointOnly(303),
  },
  {
    method: "GET",
    route: "/sessions/:slug/applications",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scenario(t, w, { application: { status: "circulated" } })).session.slug}/applications`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/applications/:id/circulate",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "submitted" } });
      return { url: `/sessions/${s.session.slug}/applications/${s.applicationId}/circulate`, body: {} };
    },
    expect: secretariatOnly(303),
  },
  {
    method: "POST",
    route: "/sessions/:slug/applications/:id/decision",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "submitted", path: "ecosoc" } });
      return {
        url: `/sessions/${s.session.slug}/applications/${s.applicationId}/decision`,
        body: { decision: "admit", note: "For the Bureau" },
      };
    },
    expect: secretariatOnly(303),
  },
  {
    method: "GET",
    route: "/sessions/:slug/delegates",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).session.slug}/delegates`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/delegates/decisions",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" });
      return {
        url: `/sessions/${s.session.slug}/delegates/decisions`,
        body: { ids: [s.delegateId], decision: "approve" },
      };
    },
    expect: secretariatOnly(303),
  },
  // ---- a delegate's page (accreditation.delegate-routes.tsx)
  {
    method: "GET",
    route: "/delegates/:id",
    html: true,
    setup: async (t, w) => ({
      url: `/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).delegateId}`,
    }),
    expect: focalPointOnly(200),
  },
  {
    method: "POST",
    route: "/delegates/:id",
    html: true,
    setup: async (t, w) => ({
      url: `/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" })).delegateId}`,
      body: { title: "Director" },
    }),
    expect: focalPointOnly(303),
  },
  {
    method: "POST",
    route: "/delegates/:id/photo",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" });
      const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } })
        .jpeg()
        .toBuffer();
      const boundary = "matrixboundary";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        jpeg,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return {
        url: `/delegates/${s.delegateId}/photo`,
        body,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      };
    },
    expect: focalPointOnly(303),
  },
  {
    method: "POST",
    route: "/delegates/:id/badge/revoke",
    html: true,
    setup: async (t, w) => ({
      url: `/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).delegateId}/badge/revoke`,
      body: { reason: "Reported lost" },
    }),
    expect: secretariatOnly(303),
  },
  {
    method: "POST",
    route: "/delegates/:id/badge/reissue",
    html: true,
    setup: async (t, w) => ({
      url: `/delegates/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).delegateId}/badge/reissue`,
    }),
    expect: secretariatOnly(303),
  },
  {
    method: "GET",
    route: "/sessions/:slug/circulated-list",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scenario(t, w, { application: { status: "circulated" } })).session.slug}/circulated-list`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/circulated-list/:id/objection",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { application: { status: "circulated" } });
      return {
        url: `/sessions/${s.session.slug}/circulated-list/${s.applicationId}/objection`,
        body: { reason: "Not relevant to the Convention" },
      };
    },
    expect: secretariatOnly(303),
  },
];
