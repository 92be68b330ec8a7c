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

export const schedulingMatrix: MatrixEntry[] = ["", "/api/v1"].flatMap((prefix) =>
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
