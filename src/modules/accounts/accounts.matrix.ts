/** Expected answers of every accounts route for each person (see test/support/matrix.ts). */
import { buildUser, TEST_PASSWORD, unique } from "../../../test/support/factories.js";
import type { TestContext } from "../../../test/support/harness.js";
import type { MatrixEntry } from "../../../test/support/matrix.js";
import { everyone, secretariatOnly, signedIn } from "../../../test/support/matrix.js";
import { issueToken, type TokenPurpose } from "./accounts.queries.js";

const newAccount = () => ({
  displayName: unique("Matrix"),
  email: `${unique("matrix")}@example.org`,
  password: "a long enough password",
  preferredLanguage: "fr",
});

async function tokenFor(t: TestContext, purpose: TokenPurpose, verified = true): Promise<string> {
  if (purpose === "setup") {
    return issueToken(t.db, { purpose, expiresAt: new Date(t.clock.now().getTime() + 3_600_000) });
  }
  const user = await buildUser(t.db, { verified });
  return issueToken(t.db, {
    purpose,
    userId: user.id,
    email: user.email,
    expiresAt: new Date(t.clock.now().getTime() + 3_600_000),
  });
}

async function credentials(t: TestContext) {
  const user = await buildUser(t.db);
  return { email: user.email, password: TEST_PASSWORD };
}

const target = async (t: TestContext) => (await buildUser(t.db)).id;

// The world always holds a secretariat account, so the first-start setup is refused for everyone
// (400 TOKEN_INVALID): the route is public, and what decides is that a secretariat exists.
export const accountMatrix: MatrixEntry[] = [
  // ---- pages ----
  {
    method: "GET",
    route: "/sign-up",
    html: true,
    setup: async () => ({ url: "/sign-up" }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/sign-up",
    html: true,
    setup: async () => ({ url: "/sign-up", body: newAccount() }),
    expect: everyone(303),
  },
  {
    method: "GET",
    route: "/verify-email",
    html: true,
    setup: async (t) => ({ url: `/verify-email?token=${await tokenFor(t, "verify_email", false)}` }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/resend-verification",
    html: true,
    setup: async () => ({ url: "/resend-verification", body: {} }),
    expect: signedIn(303, 401),
  },
  {
    method: "GET",
    route: "/sign-in",
    html: true,
    setup: async () => ({ url: "/sign-in" }),
    expect: signedIn(303, 200),
  },
  {
    method: "POST",
    route: "/sign-in",
    html: true,
    setup: async (t) => ({ url: "/sign-in", body: await credentials(t) }),
    expect: everyone(303),
  },
  {
    method: "POST",
    route: "/sign-out",
    html: true,
    setup: async () => ({ url: "/sign-out", body: {} }),
    expect: everyone(303),
  },
  {
    method: "GET",
    route: "/password-reset",
    html: true,
    setup: async () => ({ url: "/password-reset" }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/password-reset",
    html: true,
    setup: async (t) => ({ url: "/password-reset", body: { email: (await credentials(t)).email } }),
    expect: everyone(303),
  },
  {
    method: "GET",
    route: "/password-reset/confirm",
    html: true,
    setup: async (t) => ({ url: `/password-reset/confirm?token=${await tokenFor(t, "reset_password")}` }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/password-reset/confirm",
    html: true,
    setup: async (t) => ({
      url: "/password-reset/confirm",
      body: { token: await tokenFor(t, "reset_password"), password: "another long password" },
    }),
    expect: everyone(303),
  },
  {
    method: "GET",
    route: "/setup",
    html: true,
    setup: async (t) => ({ url: `/setup?token=${await tokenFor(t, "setup")}` }),
    expect: everyone(400),
  },
  {
    method: "POST",
    route: "/setup",
    html: true,
    setup: async (t) => ({ url: "/setup", body: { token: await tokenFor(t, "setup"), ...newAccount() } }),
    expect: everyone(400),
  },
  {
    method: "GET",
    route: "/account",
    html: true,
    setup: async () => ({ url: "/account" }),
    expect: signedIn(200, 303),
  },
  {
    method: "POST",
    route: "/account",
    html: true,
    setup: async () => ({ url: "/account", body: { displayName: "Ana Pérez", preferredLanguage: "es" } }),
    expect: signedIn(303, 401),
  },
  {
    method: "POST",
    route: "/account/password",
    html: true,
    setup: async () => ({
      url: "/account/password",
      body: { currentPassword: TEST_PASSWORD, newPassword: "another long password" },
    }),
    expect: signedIn(303, 401),
  },
  {
    method: "GET",
    route: "/admin/users",
    html: true,
    setup: async () => ({ url: "/admin/users?q=example" }),
    expect: secretariatOnly(200, 303),
  },
  {
    method: "GET",
    route: "/admin/users/:id",
    html: true,
    setup: async (t) => ({ url: `/admin/users/${await target(t)}` }),
    expect: secretariatOnly(200, 303),
  },
  {
    method: "POST",
    route: "/admin/users/:id",
    html: true,
    setup: async (t) => ({
      url: `/admin/users/${await target(t)}`,
      body: { roles: ["reviewer"], status: "active" },
    }),
    expect: secretariatOnly(303, 401),
  },

  // ---- API ----
  {
    method: "GET",
    route: "/api/v1/auth/session",
    setup: async () => ({ url: "/api/v1/auth/session" }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/api/v1/auth/sign-up",
    setup: async () => ({ url: "/api/v1/auth/sign-up", body: newAccount() }),
    expect: everyone(202),
  },
  {
    method: "POST",
    route: "/api/v1/auth/verify-email",
    setup: async (t) => ({
      url: "/api/v1/auth/verify-email",
      body: { token: await tokenFor(t, "verify_email", false) },
    }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/api/v1/auth/resend-verification",
    setup: async () => ({ url: "/api/v1/auth/resend-verification" }),
    expect: signedIn(202, 401),
  },
  {
    method: "POST",
    route: "/api/v1/auth/sign-in",
    setup: async (t) => ({ url: "/api/v1/auth/sign-in", body: await credentials(t) }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/api/v1/auth/sign-out",
    setup: async () => ({ url: "/api/v1/auth/sign-out" }),
    expect: everyone(204),
  },
  {
    method: "POST",
    route: "/api/v1/auth/password-reset",
    setup: async (t) => ({
      url: "/api/v1/auth/password-reset",
      body: { email: (await credentials(t)).email },
    }),
    expect: everyone(202),
  },
  {
    method: "POST",
    route: "/api/v1/auth/password-reset/confirm",
    setup: async (t) => ({
      url: "/api/v1/auth/password-reset/confirm",
      body: { token: await tokenFor(t, "reset_password"), password: "another long password" },
    }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/api/v1/auth/setup",
    setup: async (t) => ({
      url: "/api/v1/auth/setup",
      body: { token: await tokenFor(t, "setup"), ...newAccount() },
    }),
    expect: everyone(400),
  },
  {
    method: "GET",
    route: "/api/v1/account",
    setup: async () => ({ url: "/api/v1/account" }),
    expect: signedIn(200, 401),
  },
  {
    method: "PATCH",
    route: "/api/v1/account",
    setup: async () => ({ url: "/api/v1/account", body: { displayName: "Ana Pérez" } }),
    expect: signedIn(200, 401),
  },
  {
    method: "POST",
    route: "/api/v1/account/password",
    setup: async () => ({
      url: "/api/v1/account/password",
      body: { currentPassword: TEST_PASSWORD, newPassword: "another long password" },
    }),
    expect: signedIn(204, 401),
  },
  {
    method: "GET",
    route: "/api/v1/admin/users",
    setup: async () => ({ url: "/api/v1/admin/users?q=example&page=1&pageSize=10" }),
    expect: secretariatOnly(200, 401),
  },
  {
    method: "GET",
    route: "/api/v1/admin/users/:id",
    setup: async (t) => ({ url: `/api/v1/admin/users/${await target(t)}` }),
    expect: secretariatOnly(200, 401),
  },
  {
    method: "PATCH",
    route: "/api/v1/admin/users/:id",
    setup: async (t) => ({ url: `/api/v1/admin/users/${await target(t)}`, body: { disabled: true } }),
    expect: secretariatOnly(200, 401),
  },
];
