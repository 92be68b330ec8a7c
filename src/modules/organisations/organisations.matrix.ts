/** Expected answers of every organisations route for each person (see test/support/matrix.ts). */
import { buildOrganisation, buildUser, unique } from "../../../test/support/factories.js";
import type { TestContext } from "../../../test/support/harness.js";
import type { MatrixEntry, MatrixRequest, World } from "../../../test/support/matrix.js";
import { everyone, secretariatOnly, signedIn } from "../../../test/support/matrix.js";
import { hashToken, randomToken } from "../../platform/auth.js";

type Expect = MatrixEntry["expect"];
/** Any member and the secretariat; another organisation's member gets 404 (as for an unknown id). */
const members = (status: number): Expect => ({ ...signedIn(status), otherMember: 404 });
/** Focal point and secretariat; a member is refused (403); another organisation's member gets 404. */
const focalPoints = (status: number): Expect => ({ ...members(status), member: 403 });

const profileBody = () => ({
  name: unique("Matrix organisation"),
  country: "KE",
  kind: "ngo",
  ecosocStatus: "none",
  mission: { en: "Helping victims of crime." },
});
const profileForm = () => ({
  name: unique("Matrix organisation"),
  country: "KE",
  kind: "ngo",
  ecosocStatus: "none",
  "mission.en": "Helping victims of crime.",
});

async function makeCoalition(t: TestContext, world: World) {
  await t.db.updateTable("organisations").set({ kind: "coalition" }).where("id", "=", world.org.id).execute();
}

async function freshOrganisation(t: TestContext, kind: "ngo" | "coalition" = "ngo") {
  const focal = await buildUser(t.db);
  return buildOrganisation(t.db, { focalPointId: focal.id, kind });
}

async function membership(
  t: TestContext,
  coalitionId: string,
  memberId: string,
  status: "invited" | "active",
) {
  await t.db
    .insertInto("coalition_memberships")
    .values({ coalition_id: coalitionId, member_id: memberId, status, invited_at: new Date() })
    .execute();
}

/** An invitation to an organisation none of the five people belongs to, so anyone may accept it. */
async function invitationToken(t: TestContext, email = `${unique("invitee")}@example.org`): Promise<string> {
  const org = await freshOrganisation(t);
  const token = randomToken();
  await t.db
    .insertInto("organisation_invitations")
    .values({
      organisation_id: org.id,
      email,
      role: "member",
      token_hash: hashToken(token),
      expires_at: new Date(t.clock.now().getTime() + 86_400_000),
    })
    .execute();
  return token;
}

async function freshMember(t: TestContext, world: World): Promise<string> {
  const user = await buildUser(t.db);
  await t.db
    .insertInto("organisation_members")
    .values({ organisation_id: world.org.id, user_id: user.id, role: "member" })
    .execute();
  return user.id;
}

const api = "/api/v1/organisations";
const page = "/organisations";
const entry = (
  method: MatrixEntry["method"],
  route: string,
  expect: Expect,
  setup: (t: TestContext, world: World) => Promise<MatrixRequest>,
  html?: boolean,
): MatrixEntry => ({ method, route, expect, setup, ...(html ? { html } : {}) });

export const organisationMatrix: MatrixEntry[] = [
  // ---- API: directory and profile ----
  entry("GET", api, everyone(200), async () => ({ url: `${api}?q=organisation&pageSize=5` })),
  entry("GET", `${api}/:slug`, everyone(200), async (_t, w) => ({ url: `${api}/${w.org.slug}` })),
  entry("POST", api, signedIn(201), async () => ({ url: api, body: profileBody() })),
  entry("PATCH", `${api}/:slug`, focalPoints(200), async (_t, w) => ({
    url: `${api}/${w.org.slug}`,
    body: { name: unique("Renamed") },
    headers: { "if-match": `"organisation-${w.org.id}-v1"` },
  })),
  entry("POST", `${api}/:slug/verification`, secretariatOnly(200), async (_t, w) => ({
    url: `${api}/${w.org.slug}/verification`,
  })),
  entry("DELETE", `${api}/:slug/verification`, secretariatOnly(200), async (_t, w) => ({
    url: `${api}/${w.org.slug}/verification`,
  })),

  // ---- API: members and invitations ----
  entry("GET", `${api}/:slug/members`, members(200), async (_t, w) => ({
    url: `${api}/${w.org.slug}/members`,
  })),
  entry("POST", `${api}/:slug/members`, focalPoints(201), async (_t, w) => ({
    url: `${api}/${w.org.slug}/members`,
    body: { email: `${unique("new")}@example.org` },
  })),
  entry("GET", `${api}/:slug/invitations`, focalPoints(200), async (_t, w) => ({
    url: `${api}/${w.org.slug}/invitations`,
  })),
  entry("POST", `${api}/:slug/invitations`, focalPoints(201), async (_t, w) => ({
    url: `${api}/${w.org.slug}/invitations`,
    body: { email: `${unique("new")}@example.org`, role: "member" },
  })),
  entry("PATCH", `${api}/:slug/members/:userId`, focalPoints(204), async (_t, w) => ({
    url: `${api}/${w.org.slug}/members/${w.member.id}`,
    body: { role: "focal_point" },
  })),
  entry("DELETE", `${api}/:slug/members/:userId`, focalPoints(204), async (t, w) => ({
    url: `${api}/${w.org.slug}/members/${await freshMember(t, w)}`,
  })),
  entry("GET", "/api/v1/invitations/:token", everyone(200), async (t) => ({
    url: `/api/v1/invitations/${await invitationToken(t)}`,
  })),
  // Sent to the member's address: only that account may accept it.
  entry("POST", "/api/v1/invitations/:token/accept", { ...signedIn(403), member: 200 }, async (t, w) => ({
    url: `/api/v1/invitations/${await invitationToken(t, w.member.email)}/accept`,
  })),

  // ---- API: coalitions ----
  entry("GET", `${api}/:slug/coalition-memberships`, members(200), async (_t, w) => ({
    url: `${api}/${w.org.slug}/coalition-memberships`,
  })),
  entry("POST", `${api}/:slug/coalition-members`, focalPoints(201), async (t, w) => {
    await makeCoalition(t, w);
    return {
      url: `${api}/${w.org.slug}/coalition-members`,
      body: { memberSlug: (await freshOrganisation(t)).slug },
    };
  }),
  entry("DELETE", `${api}/:slug/coalition-members/:memberSlug`, focalPoints(204), async (t, w) => {
    await makeCoalition(t, w);
    const member = await freshOrganisation(t);
    await membership(t, w.org.id, member.id, "active");
    return { url: `${api}/${w.org.slug}/coalition-members/${member.slug}` };
  }),
  ...(["accept", "decline"] as const).map((answer) =>
    entry(
      "POST",
      `${api}/:slug/coalition-memberships/:coalitionSlug/${answer}`,
      focalPoints(200),
      async (t, w) => {
        const coalition = await freshOrganisation(t, "coalition");
        await membership(t, coalition.id, w.org.id, "invited");
        return { url: `${api}/${w.org.slug}/coalition-memberships/${coalition.slug}/${answer}` };
      },
    ),
  ),
  entry("DELETE", `${api}/:slug/coalition-memberships/:coalitionSlug`, focalPoints(204), async (t, w) => {
    const coalition = await freshOrganisation(t, "coalition");
    await membership(t, coalition.id, w.org.id, "active");
    return { url: `${api}/${w.org.slug}/coalition-memberships/${coalition.slug}` };
  }),

  // ---- API: reference data ----
  entry("GET", "/api/v1/reference/fields-of-work", everyone(200), async () => ({
    url: "/api/v1/reference/fields-of-work?lang=fr",
  })),
  entry("GET", "/api/v1/reference/countries", everyone(200), async () => ({
    url: "/api/v1/reference/countries",
  })),

  // ---- pages ----
  entry("GET", page, everyone(200), async () => ({ url: `${page}?q=organisation` }), true),
  entry("GET", `${page}/new`, signedIn(200), async () => ({ url: `${page}/new` }), true),
  entry("POST", page, signedIn(303), async () => ({ url: page, body: profileForm() }), true),
  entry("GET", `${page}/:slug`, everyone(200), async (_t, w) => ({ url: `${page}/${w.org.slug}` }), true),
  entry(
    "GET",
    `${page}/:slug/edit`,
    focalPoints(200),
    async (_t, w) => ({ url: `${page}/${w.org.slug}/edit` }),
    true,
  ),
  entry(
    "POST",
    `${page}/:slug/edit`,
    focalPoints(303),
    async (_t, w) => ({ url: `${page}/${w.org.slug}/edit`, body: { ...profileForm(), version: "1" } }),
    true,
  ),
  entry(
    "POST",
    `${page}/:slug/verification`,
    secretariatOnly(303),
    async (_t, w) => ({ url: `${page}/${w.org.slug}/verification`, body: { verified: "true" } }),
    true,
  ),
  entry(
    "GET",
    `${page}/:slug/members`,
    members(200),
    async (_t, w) => ({ url: `${page}/${w.org.slug}/members` }),
    true,
  ),
  entry(
    "POST",
    `${page}/:slug/invitations`,
    focalPoints(303),
    async (_t, w) => ({
      url: `${page}/${w.org.slug}/invitations`,
      body: { email: `${unique("new")}@example.org`, role: "member" },
    }),
    true,
  ),
  entry(
    "POST",
    `${page}/:slug/members/:userId/role`,
    focalPoints(303),
    async (_t, w) => ({
      url: `${page}/${w.org.slug}/members/${w.member.id}/role`,
      body: { role: "focal_point" },
    }),
    true,
  ),
  entry(
    "POST",
    `${page}/:slug/members/:userId/remove`,
    focalPoints(303),
    async (t, w) => ({ url: `${page}/${w.org.slug}/members/${await freshMember(t, w)}/remove` }),
    true,
  ),
  entry(
    "POST",
    `${page}/:slug/coalition-members`,
    focalPoints(303),
    async (t, w) => {
      await makeCoalition(t, w);
      return {
        url: `${page}/${w.org.slug}/coalition-members`,
        body: { memberSlug: (await freshOrganisation(t)).slug },
      };
    },
    true,
  ),
  entry(
    "POST",
    `${page}/:slug/coalition-members/:memberSlug/end`,
    focalPoints(303),
    async (t, w) => {
      await makeCoalition(t, w);
      const member = await freshOrganisation(t);
      await membership(t, w.org.id, member.id, "active");
      return { url: `${page}/${w.org.slug}/coalition-members/${member.slug}/end` };
    },
    true,
  ),
  ...(["accept", "decline", "end"] as const).map((action) =>
    entry(
      "POST",
      `${page}/:slug/coalition-memberships/:coalitionSlug/${action}`,
      focalPoints(303),
      async (t, w) => {
        const coalition = await freshOrganisation(t, "coalition");
        await membership(t, coalition.id, w.org.id, action === "end" ? "active" : "invited");
        return { url: `${page}/${w.org.slug}/coalition-memberships/${coalition.slug}/${action}` };
      },
      true,
    ),
  ),
  entry(
    "GET",
    "/invitations/:token",
    everyone(200),
    async (t) => ({ url: `/invitations/${await invitationToken(t)}` }),
    true,
  ),
  entry(
    "POST",
    "/invitations/:token/accept",
    { ...signedIn(403), member: 303 },
    async (t, w) => ({ url: `/invitations/${await invitationToken(t, w.member.email)}/accept` }),
    true,
  ),
];
