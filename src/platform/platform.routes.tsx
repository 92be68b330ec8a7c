/** Platform routes: health, the OpenAPI document, the home page. */
import { z } from "zod";
import type { App } from "./http.js";
import { usePage } from "./ui/page-context.js";
import { sendPage } from "./ui/render.js";

const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["embedded", "external"]),
  databaseReachable: z.boolean(),
});

function HomePage() {
  const { t } = usePage();
  return (
    <section class="home">
      <h1>{t("home.title")}</h1>
      <p class="lead">{t("home.lead")}</p>
      <p>
        <a class="button" href="/organisations">
          {t("home.browse")}
        </a>{" "}
        <a class="button secondary" href="/sessions">
          {t("home.sessions")}
        </a>
      </p>
    </section>
  );
}

export async function platformRoutes(app: App): Promise<void> {
  const { db, dbKind } = app.services;

  app.get(
    "/health",
    { config: { access: "public" }, schema: { response: { 200: ZHealth, 503: ZHealth } } },
    async (_request, reply) => {
      let databaseReachable = true;
      try {
        await db.selectNoFrom((eb) => eb.val(1).as("one")).execute();
      } catch {
        databaseReachable = false;
      }
      return reply
        .code(databaseReachable ? 200 : 503)
        .header("cache-control", "no-store")
        .send({ status: databaseReachable ? "ok" : "degraded", database: dbKind, databaseReachable });
    },
  );

  // The bare route that benchmarks compare every other route to: no database, no rendering.
  app.get("/health/live", { config: { access: "public" } }, async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ status: "ok" }),
  );

  app.get("/api/v1/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get("/", { config: { access: "public" } }, async (request, reply) =>
    sendPage(request, reply, request.t("nav.home"), <HomePage />),
  );
}
