/** Expected answers of the panellist-link routes for each person (see test/support/matrix.ts). */
import { createHash, randomBytes } from "node:crypto";
import type { TestContext } from "../../../test/support/harness.js";
import type { MatrixEntry, World } from "../../../test/support/matrix.js";
import { everyone } from "../../../test/support/matrix.js";
import { key, organisers, scenario } from "../side-events/side-events.matrix-world.js";

/** An accepted proposal of the world's organisation with a protected panellist. */
const accepted = (t: TestContext, w: World) => scenario(t, w, { status: "accepted" });

/** …whose panellist has a link; returns its token. */
async function withLink(t: TestContext, w: World) {
  const s = await accepted(t, w);
  const token = randomBytes(24).toString("base64url");
  await t.db
    .insertInto("side_event_panellist_links")
    .values({
      panellist_id: s.panellistId,
      session_id: s.session.id,
      token_hash: createHash("sha256").update(token).digest("hex"),
    })
    .execute();
  return { ...s, token };
}

const one = (s: { proposalId: string; panellistId: string }) =>
  `/api/v1/side-event-proposals/${s.proposalId}/panellists/${s.panellistId}/link`;
const form = (s: { proposalId: string; panellistId: string }) =>
  `/side-events/proposals/${s.proposalId}/panellists/${s.panellistId}/link`;

export const panellistLinkMatrix: MatrixEntry[] = [
  {
    method: "GET",
    route: "/api/v1/side-event-proposals/:id/panellist-links",
    setup: async (t, w) => ({
      url: `/api/v1/side-event-proposals/${(await accepted(t, w)).proposalId}/panellist-links`,
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-proposals/:id/panellists/:panellistId/link",
    setup: async (t, w) => ({ url: one(await accepted(t, w)), body: { language: "fr" }, headers: key() }),
    expect: organisers(201),
  },
  {
    method: "DELETE",
    route: "/api/v1/side-event-proposals/:id/panellists/:panellistId/link",
    setup: async (t, w) => ({ url: one(await withLink(t, w)) }),
    expect: organisers(204),
  },
  {
    method: "GET",
    route: "/side-events/proposals/:id/panellist-links",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/proposals/${(await accepted(t, w)).proposalId}/panellist-links`,
    }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/panellists/:panellistId/link",
    html: true,
    setup: async (t, w) => ({ url: form(await accepted(t, w)), body: { language: "es" } }),
    expect: organisers(200),
  },
  {
    method: "POST",
    route: "/side-events/proposals/:id/panellists/:panellistId/link/revoke",
    html: true,
    setup: async (t, w) => ({ url: `${form(await withLink(t, w))}/revoke`, body: {} }),
    expect: organisers(303),
  },
  {
    method: "GET",
    route: "/panellists/:token",
    html: true,
    setup: async (t, w) => ({ url: `/panellists/${(await withLink(t, w)).token}` }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/api/v1/panellists/:token",
    setup: async (t, w) => ({ url: `/api/v1/panellists/${(await withLink(t, w)).token}` }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/panellists/:token/calendar.ics",
    setup: async (t, w) => ({ url: `/panellists/${(await withLink(t, w)).token}/calendar.ics` }),
    expect: everyone(200),
  },
];
