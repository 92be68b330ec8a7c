/** Every module's job handlers, joined explicitly (the mail sender is added by the runtime). */
import { accreditationJobs } from "../modules/accreditation/accreditation.jobs.js";
import { panellistLinkJobs } from "../modules/scheduling/scheduling.panellist-links.service.js";
import type { PublicCache } from "./cache.js";
import type { Services } from "./context.js";
import { housekeepingJobs } from "./housekeeping.js";
import type { JobHandlers } from "./jobs.js";

export function jobHandlers(services: Services & { cache: PublicCache }): JobHandlers {
  return { ...housekeepingJobs(services), ...accreditationJobs(services), ...panellistLinkJobs(services) };
}
