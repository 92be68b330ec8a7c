/**
 * Builders that make unique rows, so that tests never share state. The demo data uses the
 * modules' services; these stay minimal and explicit.
 */
import { randomBytes } from "node:crypto";
import { countryInfo } from "../../src/modules/organisations/geography.js";
import { hashPassword } from "../../src/platform/auth.js";
import type { PlatformRole } from "../../src/platform/context.js";
import type { Executor } from "../../src/platform/database.js";

export function unique(prefix = "x"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export const TEST_PASSWORD = "correct horse battery staple";
const testPasswordHash = hashPassword(TEST_PASSWORD);

export async function buildUser(
  db: Executor,
  options: {
    email?: string;
    name?: string;
    roles?: PlatformRole[];
    verified?: boolean;
    language?: string;
  } = {},
) {
  return db
    .insertInto("users")
    .values({
      email: options.email ?? `${unique("user")}@example.org`,
      display_name: options.name ?? unique("Person"),
      password_hash: await testPasswordHash,
      roles: options.roles ?? [],
      preferred_language: options.language ?? "en",
      email_verified_at: options.verified === false ? null : new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildOrganisation(
  db: Executor,
  options: {
    name?: string;
    slug?: string;
    acronym?: string;
    kind?: "ngo" | "coalition";
    /** ISO 3166-1 alpha-2; the regional group and M49 region are derived from it, as the service does */
    country?: string;
    fieldsOfWork?: string[];
    ecosocStatus?: "general" | "special" | "roster" | "none";
    workingLanguages?: string[];
    website?: string;
    verified?: boolean;
    mission?: Record<string, string>;
    focalPointId?: string;
    memberIds?: string[];
  } = {},
) {
  const name = options.name ?? unique("Organisation");
  const geography = countryInfo(options.country ?? "AT");
  if (!geography) throw new Error(`buildOrganisation: unknown country ${options.country}`);
  const org = await db
    .insertInto("organisations")
    .values({
      slug:
        options.slug ??
        (name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-+|-+$/g, "") ||
          unique("org")),
      name,
      acronym: options.acronym ?? null,
      kind: options.kind ?? "ngo",
      country: geography.code,
      regional_group: geography.regionalGroup,
      m49_region: geography.m49Region,
      m49_subregion: geography.m49Subregion,
      fields_of_work: options.fieldsOfWork ?? [],
      ecosoc_status: options.ecosocStatus ?? "none",
      working_languages: options.workingLanguages ?? [],
      website: options.website ?? null,
      mission: JSON.stringify(options.mission ?? { en: `Mission of ${name}` }),
      verified_at: options.verified ? new Date() : null,
      created_by: options.focalPointId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (options.focalPointId) {
    await db
      .insertInto("organisation_members")
      .values({ organisation_id: org.id, user_id: options.focalPointId, role: "focal_point" })
      .execute();
  }
  for (const userId of options.memberIds ?? []) {
    await db
      .insertInto("organisation_members")
      .values({ organisation_id: org.id, user_id: userId, role: "member" })
      .execute();
  }
  return org;
}
