/** Expected answers of the delegate's own link (accreditation.link-routes.tsx, and its badge) for each person. */
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import type { MatrixEntry } from "../../../test/support/matrix.js";
import { everyone } from "../../../test/support/matrix.js";
import { scenario } from "./accreditation.matrix-scenario.js";

const jpeg = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } })
    .jpeg()
    .toBuffer();
const pending = { application: { status: "admitted" as const }, delegate: "pending" as const };

export const delegateLinkMatrix: MatrixEntry[] = [
  {
    method: "GET",
    route: "/delegate/:token",
    html: true,
    setup: async (t, w) => ({
      url: `/delegate/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" })).link}`,
    }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/delegate/:token",
    html: true,
    setup: async (t, w) => ({
      url: `/delegate/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "pending" })).link}`,
      body: { consentPublic: "yes" },
    }),
    expect: everyone(303),
  },
  {
    method: "GET",
    route: "/delegate/:token/badge.pdf",
    setup: async (t, w) => ({
      url: `/delegate/${(await scenario(t, w, { application: { status: "admitted" }, delegate: "approved" })).link}/badge.pdf`,
    }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/delegate/:token/photo",
    html: true,
    setup: async (t, w) => {
      const s = await scenario(t, w, pending);
      const boundary = "matrixboundary";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        await jpeg(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return {
        url: `/delegate/${s.link}/photo`,
        body,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      };
    },
    expect: everyone(303),
  },
  {
    method: "GET",
    route: "/delegate/:token/photo",
    setup: async (t, w) => ({
      url: `/delegate/${(await scenario(t, w, { ...pending, photo: true })).link}/photo`,
    }),
    expect: everyone(200),
  },
  {
    method: "PUT",
    route: "/api/v1/delegate/:token/photo",
    setup: async (t, w) => ({
      url: `/api/v1/delegate/${(await scenario(t, w, pending)).link}/photo`,
      body: await jpeg(),
      headers: { "content-type": "image/jpeg" },
    }),
    expect: everyone(200),
  },
  {
    method: "GET",
    route: "/delegate-link",
    html: true,
    setup: async () => ({ url: "/delegate-link" }),
    expect: everyone(200),
  },
  {
    method: "POST",
    route: "/delegate-link",
    html: true,
    setup: async () => ({
      url: "/delegate-link",
      body: { email: `${randomBytes(4).toString("hex")}@example.org` },
    }),
    expect: everyone(303),
  },
  {
    method: "POST",
    route: "/api/v1/delegate-links",
    setup: async () => ({
      url: "/api/v1/delegate-links",
      body: { email: `${randomBytes(4).toString("hex")}@example.org` },
    }),
    expect: everyone(202),
  },
];
