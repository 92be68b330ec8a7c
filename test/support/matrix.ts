/**
 * The authorisation matrix: every registered route, called as each of five people, must answer
 * the status its module declares. Modules list their routes in `<module>.matrix.ts` beside their
 * tests; test/platform/authorisation-matrix.test.ts fails for any route nobody listed.
 */

import { buildOrganisation, buildUser } from "./factories.js";
import type { TestContext } from "./harness.js";

export const roles = ["anonymous", "otherMember", "member", "focalPoint", "secretariat"] as const;
export type Role = (typeof roles)[number];

/** The same answer for every person. */
export const everyone = (status: number): Record<Role, number> => ({
  anonymous: status,
  otherMember: status,
  member: status,
  focalPoint: status,
  secretariat: status,
});
/** Any signed-in person gets `status`; the anonymous visitor 401 (or what a page answers, e.g. 303). */
export const signedIn = (status: number, anonymous = 401): Record<Role, number> => ({
  ...everyone(status),
  anonymous,
});
/** The secretariat gets `status`; other signed-in people 403; the anonymous visitor 401 (or as given). */
export const secretariatOnly = (status: number, anonymous = 401): Record<Role, number> => ({
  ...everyone(403),
  anonymous,
  secretariat: status,
});

export interface World {
  secretariat: { id: string; email: string };
  focalPoint: { id: string; email: string };
  member: { id: string; email: string };
  otherMember: { id: string; email: string };
  /** the organisation of `focalPoint` and `member` */
  org: { id: string; slug: string };
  /** the organisation of `otherMember` */
  otherOrg: { id: string; slug: string };
}

export async function buildWorld(t: TestContext): Promise<World> {
  const [secretariat, focalPoint, member, otherMember] = await Promise.all([
    buildUser(t.db, { roles: ["secretariat"] }),
    buildUser(t.db),
    buildUser(t.db),
    buildUser(t.db),
  ]);
  const org = await buildOrganisation(t.db, {
    focalPointId: focalPoint.id,
    memberIds: [member.id],
    verified: true,
  });
  const otherOrg = await buildOrganisation(t.db, { focalPointId: otherMember.id, verified: true });
  return { secretariat, focalPoint, member, otherMember, org, otherOrg };
}

export interface MatrixRequest {
  url: string;
  /** JSON body for POST/PUT/PATCH; a valid one, so that only access decides the answer */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MatrixEntry {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** the route as registered, e.g. "/api/v1/organisations/:slug" */
  route: string;
  /** builds what the call needs in a fresh world and returns the concrete request */
  setup: (t: TestContext, world: World) => Promise<MatrixRequest>;
  /** expected status for each person */
  expect: Record<Role, number>;
  /** ask as a browser does (Accept: text/html); default: as an API client */
  html?: boolean;
}
