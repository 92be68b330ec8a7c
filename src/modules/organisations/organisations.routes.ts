/** Routes of the organisations module: thin — validate, authorise, call the service, shape the answer. */
import type { App } from "../../platform/http.js";

export async function organisationRoutes(_app: App): Promise<void> {}
