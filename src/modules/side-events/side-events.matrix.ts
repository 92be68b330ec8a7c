/** Expected answers of every side-events route for each person (see test/support/matrix.ts). */
import { buildUser } from "../../../test/support/factories.js";
import type { MatrixEntry } from "../../../test/support/matrix.js";
import { afterMatrix } from "./after.matrix.js";
import { assignmentMatrix } from "./assignment.matrix.js";
import { mergeMatrix } from "./merge.matrix.js";
import { selectionMatrix } from "./selection.matrix.js";
import {
  everyone,
  key,
  organisers,
  proposalUrl,
  scenario,
  secretariatOnly,
} from "./side-events.matrix-world.js";

export const sideEventMatrix: MatrixEntry[] = [
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/side-event-call",
    setup: async (t, w) => ({
      url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/side-event-call`,
    }),
    expect: everyone(200),
  },
  {
    method: "PUT",
    route: "/api/v1/sessions/:slug/side-event-call",
    setup: async (t, w) => ({
      url: `/api/v1/sessions/${(await scenario(t, w)).session.slug}/side-event-call`,
      body: {
        deadline: "2099-09-01T00:00:00Z",
        formats: ["panel"],
        slotMinutes: 90,
        maxProposalsPerOrganisation: 2,
        criteria: [{ code: "relevance", label: { en: "Relevance" }, weight: 1 }],
      },
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/organisations/:org/sessions/:slug/side-event-proposals",
    setup: async (t, w) => ({
      url: `/api/v1/organisations/${w.org.slug}/sessions/${(await scenario(t, w)).session.slug}/side-event-proposals`,
      body: {
        title: { en: "T" },
        abstract: { en: "A" },
        format: "panel",
        languages: ["en"],
        expectedAudience: 10,
      },
    }),
    expect: organisers(201),
  },
  {
    method: "GET",
    route: "/api/v1/organisations/:org/side-event-proposals",
    setup: async (_t, w) => ({ url: `/api/v1/organisations/${w.org.slug}/side-event-proposals` }),
    expect: organisers(200),
  },
  {
    method: "GET",
    route: "/api/v1/side-event-proposals/:id",
    setup: async (t, w) => ({ url: proposalUrl(await scenario(t, w, { status: "draft" })) }),
    expect: organisers(200),
  },
  {
    method: "PATCH",
    route: "/api/v1/side-event-proposals/:id",
    setup: async (t, w) => ({
      url: proposalUrl(await scenario(t, w, { status: "draft" })),
      body: { expectedAudience: 50 },
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/co-organisers",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "draft" }))}/co-organisers`,
      body: { organisation: w.otherOrg.slug },
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/co-organisers/:org/response",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "draft", coorganiser: true }))}/co-organisers/${w.org.slug}/response`,
      body: { decision: "confirm" },
    }),
    expect: { ...organisers(200), member: 403 },
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/panellists",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "draft" }))}/panellists`,
      body: { name: "N", gender: "female", role: "Speaker", consentToPublish: true },
    }),
    expect: organisers(200),
  },
  {
    method: "GET",
    route: "/api/v1/side-event-proposals/:id/panellists/:panellistId/identity",
    setup: async (t, w) => {
      const s = await scenario(t, w, { status: "draft" });
      return { url: `${proposalUrl(s)}/panellists/${s.panellistId}/identity` };
    },
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/submit",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "draft" }))}/submit`,
      headers: key(),
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/withdraw",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "submitted" }))}/withdraw`,
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/reviewers",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "submitted" }))}/reviewers`,
      body: { userId: (await buildUser(t.db, { roles: ["reviewer"] })).id },
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "PUT",
    route: "/api/v1/side-event-proposals/:id/review",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "submitted" }))}/review`,
      body: { scores: { relevance: 3 } },
    }),
    // only an assigned reviewer scores (tested in side-events.test.ts)
    expect: { ...organisers(403) },
  },
  {
    method: "GET",
    route: "/api/v1/side-event-proposals/:id/reviews",
    setup: async (t, w) => ({ url: `${proposalUrl(await scenario(t, w, { status: "submitted" }))}/reviews` }),
    expect: { ...organisers(403), secretariat: 200 },
  },
  {
    method: "GET",
    route: "/api/v1/side-event-proposals/:id/criteria",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "submitted" }))}/criteria`,
    }),
    expect: organisers(200),
  },
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/side-event-ranking",
    setup: async (t, w) => ({
      url: `/api/v1/sessions/${(await scenario(t, w, { status: "submitted" })).session.slug}/side-event-ranking`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/decision",
    setup: async (t, w) => ({
      url: `${proposalUrl(await scenario(t, w, { status: "submitted" }))}/decision`,
      body: { decision: "accept" },
    }),
    expect: secretariatOnly(200),
  },
  ...(
    [
      ["/api/v1/sessions/:slug/side-events", ""],
      ["/api/v1/sessions/:slug/side-events/:id", "/ID"],
      ["/api/v1/sessions/:slug/side-events.ics", ".ics"],
      ["/api/v1/sessions/:slug/side-events/:id/event.ics", "/ID/event.ics"],
    ] as const
  ).map(
    ([route, tail]): MatrixEntry => ({
      method: "GET",
      route,
      setup: async (t, w) => {
        const s = await scenario(t, w, { status: "accepted" });
        return { url: `/api/v1/sessions/${s.session.slug}/side-events${tail.replace("ID", s.proposalId)}` };
      },
      expect: everyone(200),
    }),
  ),
  {
    method: "GET",
    route: "/sessions/:slug/programme",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scenario(t, w, { status: "accepted" })).session.slug}/programme`,
    }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/programme/:id",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { status: "accepted" });
      return { url: `/sessions/${s.session.slug}/programme/${s.proposalId}` };
    },
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/organisations/:org/sessions/:slug/side-events/new",
    html: true,
    setup: async (t, w) => ({
      url: `/organisations/${w.org.slug}/sessions/${(await scenario(t, w)).session.slug}/side-events/new`,
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/organisations/:org/sessions/:slug/side-events/new",
    html: true,
    setup: async (t, w) => ({
      url: `/organisations/${w.org.slug}/sessions/${(await scenario(t, w)).session.slug}/side-events/new`,
      body: {
        textLanguage: "en",
        title: "T",
        abstract: "A",
        format: "panel",
        languages: "en",
        expectedAudience: "10",
      },
    }),
    expect: organisers(303),
  },
  {
    method: "GET",
    route: "/side-events/proposals/:id",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "draft" })).proposalId}`,
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/submit",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "draft" })).proposalId}/submit`,
    }),
    expect: organisers(303),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/co-organisers/:org/response",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "draft", coorganiser: true })).proposalId}/co-organisers/${w.org.slug}/response`,
      body: { decision: "confirm" },
    }),
    expect: { ...organisers(303), member: 403 },
  },
  {
    method: "GET",
    route: "/sessions/:slug/side-events/call",
    html: true,
    setup: async (t, w) => ({ url: `/sessions/${(await scenario(t, w)).session.slug}/side-events/call` }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/side-events/call",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scenario(t, w)).session.slug}/side-events/call`,
      body: {
        deadline: "2099-09-01T12:00",
        formats: "panel",
        slotMinutes: "90",
        maxProposalsPerOrganisation: "2",
        code0: "relevance",
        label0: "Relevance",
        weight0: "2",
      },
    }),
    expect: secretariatOnly(303),
  },
  {
    method: "GET",
    route: "/sessions/:slug/side-events/proposals",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scenario(t, w, { status: "submitted" })).session.slug}/side-events/proposals`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/reviewers",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "submitted" })).proposalId}/reviewers`,
      body: { userId: (await buildUser(t.db, { roles: ["reviewer"] })).id },
    }),
    expect: secretariatOnly(303),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/decision",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "submitted" })).proposalId}/decision`,
      body: { decision: "accept" },
    }),
    expect: secretariatOnly(303),
  },
  {
    method: "GET",
    route: "/side-events/reviews",
    html: true,
    setup: async () => ({ url: "/side-events/reviews" }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/review",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "submitted" })).proposalId}/review`,
      body: { "score.relevance": "3" },
    }),
    // only an assigned reviewer scores (tested in side-events.browser.test.ts)
    expect: organisers(403),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/co-organisers",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "draft" })).proposalId}/co-organisers`,
      body: { organisation: w.otherOrg.slug },
    }),
    expect: organisers(303),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/panellists",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await scenario(t, w, { status: "draft" })).proposalId}/panellists`,
      body: { name: "N", gender: "female", role: "Speaker", consentToPublish: "yes" },
    }),
    expect: organisers(303),
  },
  {
    method: "GET",
    route: "/organisations/:org/side-events",
    html: true,
    setup: async (_t, w) => ({ url: `/organisations/${w.org.slug}/side-events` }),
    expect: organisers(200),
  },
  ...assignmentMatrix,
  ...selectionMatrix,
  ...mergeMatrix,
  ...afterMatrix,
];
