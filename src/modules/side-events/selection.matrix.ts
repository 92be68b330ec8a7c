/** Expected answers of the bulk selection routes for each person (see test/support/matrix.ts). */
import type { MatrixEntry } from "../../../test/support/matrix.js";
import { key, scenario, secretariatOnly } from "./side-events.matrix-world.js";

export const selectionMatrix: MatrixEntry[] = [
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/side-event-decisions",
    setup: async (t, w) => {
      const s = await scenario(t, w, { status: "submitted" });
      return {
        url: `/api/v1/sessions/${s.session.slug}/side-event-decisions`,
        body: { proposalIds: [s.proposalId], decision: "waitlist" },
        headers: key(),
      };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/side-events/decisions",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, { status: "submitted" });
      return {
        url: `/sessions/${s.session.slug}/side-events/decisions`,
        body: { proposalId: s.proposalId, decision: "reject" },
      };
    },
    expect: secretariatOnly(303),
  },
];
