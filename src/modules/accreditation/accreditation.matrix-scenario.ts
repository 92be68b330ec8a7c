/** The worlds the accreditation matrix entries call their routes in (see test/support/matrix.ts). */
import { createHash, randomBytes } from "node:crypto";
import sharp from "sharp";
import type { TestContext } from "../../../test/support/harness.js";
import type { Role, World } from "../../../test/support/matrix.js";
import { buildSession } from "../sessions/sessions.builders.js";
import type { ApplicationPath, ApplicationStatus } from "./accreditation.tables.js";
import { badgeKey, badgeToken } from "./badges.service.js";

export const focalPointOnly = (status: number): Record<Role, number> => ({
  anonymous: 401,
  otherMember: 404,
  member: 403,
  focalPoint: status,
  secretariat: status,
});
export const members = (status: number): Record<Role, number> => ({
  ...focalPointOnly(status),
  member: status,
});

/** A future session; with options, the world's organisation's application, a delegate, a badge. */
export async function scenario(
  t: TestContext,
  world: World,
  options: {
    application?: { status: ApplicationStatus; path?: ApplicationPath };
    delegate?: "pending" | "approved";
    photo?: boolean;
  } = {},
) {
  const session = await buildSession(t.db, {
    cache: t.services.cache,
    startsOn: "2099-10-12",
    endsOn: "2099-10-16",
  });
  const base = {
    session,
    org: world.org,
    applicationId: "",
    delegateId: "",
    badgeId: "",
    token: "",
    code: "",
    link: "",
  };
  if (!options.application) return base;
  const now = new Date();
  const app = await t.db
    .insertInto("observer_applications")
    .values({
      session_id: session.id,
      organisation_id: world.org.id,
      path: options.application.path ?? "rule17",
      status: options.application.status,
      relevance: "Relevant",
      submitted_at: now,
      circulated_at: options.application.status === "circulated" ? now : null,
      objection_deadline:
        options.application.status === "circulated" ? new Date(now.getTime() + 86_400_000) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  base.applicationId = app.id;
  if (!options.delegate) return base;
  const link = randomBytes(24).toString("base64url");
  const photo = options.photo
    ? await t.db
        .insertInto("accreditation_files")
        .values({
          content_type: "image/jpeg",
          bytes: await sharp({ create: { width: 4, height: 4, channels: 3, background: "#999" } })
            .jpeg()
            .toBuffer(),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    : null;
  const d = await t.db
    .insertInto("delegates")
    .values({
      application_id: app.id,
      session_id: session.id,
      organisation_id: world.org.id,
      full_name: "Ana Delegate",
      email: `${randomBytes(4).toString("hex")}@example.org`,
      nationality: "AT",
      gender: "female",
      status: options.delegate,
      photo_file_id: photo?.id ?? null,
      link_token_hash: createHash("sha256").update(link).digest("hex"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  base.delegateId = d.id;
  base.link = link;
  if (options.delegate !== "approved") return base;
  const code = Array.from(randomBytes(8), (b) => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[b % 31]).join("");
  const badge = await t.db
    .insertInto("badges")
    .values({ delegate_id: d.id, session_id: session.id, code, issued_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  base.badgeId = badge.id;
  base.code = code;
  base.token = badgeToken(await badgeKey(t.db), badge.id, session.id);
  return base;
}

export const orgSession = (s: Awaited<ReturnType<typeof scenario>>) =>
  `/organisations/${s.org.slug}/sessions/${s.session.slug}`;
export const delegateBody = () => ({
  fullName: "New Delegate",
  email: `${randomBytes(4).toString("hex")}@example.org`,
  nationality: "KE",
  gender: "male",
});
