/** Every module's job handlers, joined explicitly (the mail sender is added by the runtime). */
import type { PublicCache } from "./cache.js";
import type { Services } from "./context.js";
import type { JobHandlers } from "./jobs.js";

export function jobHandlers(_services: Services & { cache: PublicCache }): JobHandlers {
  return {};
}
