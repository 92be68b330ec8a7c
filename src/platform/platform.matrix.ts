/** Expected answers of the platform's own routes for each person (see test/support/matrix.ts). */
import type { MatrixEntry } from "../../test/support/matrix.js";
import { everyone } from "../../test/support/matrix.js";

const secretariatOnly = { anonymous: 401, otherMember: 403, member: 403, focalPoint: 403, secretariat: 200 };

export const platformMatrix: MatrixEntry[] = [
  { method: "GET", route: "/health", setup: async () => ({ url: "/health" }), expect: everyone(200) },
  {
    method: "GET",
    route: "/health/live",
    setup: async () => ({ url: "/health/live" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/api/v1/openapi.json",
    setup: async () => ({ url: "/api/v1/openapi.json" }),
    expect: everyone(200),
  },
  { method: "GET", route: "/", html: true, setup: async () => ({ url: "/" }), expect: everyone(200) },
  {
    method: "GET",
    route: "/api/v1/audit",
    setup: async () => ({ url: "/api/v1/audit" }),
    expect: secretariatOnly,
  },
  {
    method: "GET",
    route: "/admin/audit",
    setup: async () => ({ url: "/admin/audit" }),
    expect: secretariatOnly,
  },
  {
    method: "GET",
    route: "/api/v1/outbox",
    setup: async () => ({ url: "/api/v1/outbox" }),
    expect: secretariatOnly,
  },
  {
    method: "GET",
    route: "/admin/outbox",
    setup: async () => ({ url: "/admin/outbox" }),
    expect: secretariatOnly,
  },
];
