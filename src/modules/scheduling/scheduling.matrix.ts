/** Expected answers of every scheduling route for each person (see test/support/matrix.ts). */
import type { MatrixEntry, Role } from "../../../test/support/matrix.js";
import { buildScheduledSession } from "./scheduling.fixtures.js";

const everyone = (status: number): Record<Role, number> => ({
  anonymous: status,
  otherMember: status,
  member: status,
  focalPoint: status,
  secretariat: status,
});

const secretariatOnly = (status: number): Record<Role, number> => ({
  ...everyone(403),
  anonymous: 401,
  secretariat: status,
});

const exports: MatrixEntry[] = ["", "/api/v1"].flatMap((prefix) =>
  (["xml", "json"] as const).map(
    (format): MatrixEntry => ({
      method: "GET",
      route: `${prefix}/sessions/:slug/schedule.${format}`,
      setup: async (t, w) => {
        const { session } = await buildScheduledSession(t, { orgId: w.org.id });
        return { url: `${prefix}/sessions/${session.slug}/schedule.${format}` };
      },
      expect: everyone(200),
    }),
  ),
);

export const schedulingMatrix: MatrixEntry[] = [
  ...exports,
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/schedule/optimise",
    setup: async (t, w) => {
      const { session } = await buildScheduledSession(t, { orgId: w.org.id });
      return { url: `/api/v1/sessions/${session.slug}/schedule/optimise`, body: { timeLimitSeconds: 5 } };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/schedule",
    html: true,
    setup: async (t, w) => {
      const { session } = await buildScheduledSession(t, { orgId: w.org.id });
      return { url: `/sessions/${session.slug}/schedule` };
    },
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/schedule/optimise",
    html: true,
    setup: async (t, w) => {
      const { session } = await buildScheduledSession(t, { orgId: w.org.id });
      return { url: `/sessions/${session.slug}/schedule/optimise` };
    },
    expect: secretariatOnly(303),
  },
];
