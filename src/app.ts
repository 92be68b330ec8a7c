/**
 * Convene's application: the platform and every module's routes, registered explicitly.
 */

import { accountRoutes } from "./modules/accounts/accounts.routes.js";
import { accreditationRoutes } from "./modules/accreditation/accreditation.routes.js";
import { organisationRoutes } from "./modules/organisations/organisations.routes.js";
import { schedulingRoutes } from "./modules/scheduling/scheduling.routes.js";
import { sessionRoutes } from "./modules/sessions/sessions.routes.js";
import { sideEventRoutes } from "./modules/side-events/side-events.routes.js";
import { adminRoutes } from "./platform/admin/admin.routes.js";
import type { PublicCache } from "./platform/cache.js";
import type { Services } from "./platform/context.js";
import { type App, buildApp } from "./platform/http.js";
import { platformRoutes } from "./platform/platform.routes.js";

export async function createApp(
  services: Services & { cache: PublicCache },
  options: { logger?: boolean | object; extraRoutes?: (app: App) => Promise<void> } = {},
) {
  const app = await buildApp(services, options);
  await app.register(platformRoutes);
  await app.register(adminRoutes);
  await app.register(accountRoutes);
  await app.register(organisationRoutes);
  await app.register(sessionRoutes);
  await app.register(accreditationRoutes);
  await app.register(sideEventRoutes);
  await app.register(schedulingRoutes);
  if (options.extraRoutes) await app.register(options.extraRoutes);
  await app.ready();
  return app;
}
