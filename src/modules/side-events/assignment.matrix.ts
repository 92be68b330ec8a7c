/** Expected answers of the reviewer-assignment routes for each person (see test/support/matrix.ts). */
import { buildUser } from "../../../test/support/factories.js";
import type { MatrixEntry } from "../../../test/support/matrix.js";
import { everyone, key, scenario, secretariatOnly } from "./side-events.matrix-world.js";

export const assignmentMatrix: MatrixEntry[] = [
  {
    method: "GET",
    route: "/api/v1/sessions/:slug/reviewer-assignment",
    setup: async (t, w) => {
      await buildUser(t.db, { roles: ["reviewer"] });
      const s = await scenario(t, w, { status: "submitted" });
      return { url: `/api/v1/sessions/${s.session.slug}/reviewer-assignment?perProposal=1` };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/reviewer-assignment",
    setup: async (t, w) => {
      const reviewer = await buildUser(t.db, { roles: ["reviewer"] });
      const s = await scenario(t, w, { status: "submitted" });
      return {
        url: `/api/v1/sessions/${s.session.slug}/reviewer-assignment`,
        body: { assignments: [{ proposalId: s.proposalId, reviewerId: reviewer.id }] },
        headers: key(),
      };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/api/v1/me/reviewer-expertise",
    setup: async () => ({ url: "/api/v1/me/reviewer-expertise" }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  {
    method: "PUT",
    route: "/api/v1/me/reviewer-expertise",
    setup: async () => ({ url: "/api/v1/me/reviewer-expertise", body: { themes: ["cybercrime"] } }),
    // only an account with the reviewer role declares expertise (tested in assignment.test.ts)
    expect: { ...everyone(403), anonymous: 401 },
  },
  {
    method: "GET",
    route: "/sessions/:slug/side-events/reviewer-assignment",
    html: true,
    setup: async (t, w) => ({
      url: `/sessions/${(await scenario(t, w, { status: "submitted" })).session.slug}/side-events/reviewer-assignment`,
    }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/side-events/reviewer-assignment",
    html: true,
    setup: async (t, w) => {
      const reviewer = await buildUser(t.db, { roles: ["reviewer"] });
      const s = await scenario(t, w, { status: "submitted" });
      return {
        url: `/sessions/${s.session.slug}/side-events/reviewer-assignment`,
        body: { pair: `${s.proposalId}|${reviewer.id}` },
      };
    },
    expect: secretariatOnly(303),
  },
  {
    method: "GET",
    route: "/side-events/reviews/expertise",
    html: true,
    setup: async () => ({ url: "/side-events/reviews/expertise" }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  {
    method: "POST",
    route: "/side-events/reviews/expertise",
    html: true,
    setup: async () => ({ url: "/side-events/reviews/expertise", body: { themes: "cybercrime" } }),
    expect: { ...everyone(403), anonymous: 401 },
  },
];
