/** Routes of the sessions module: thin — validate, authorise, call the service, shape the answer. */
import type { App } from "../../platform/http.js";

export async function sessionRoutes(_app: App): Promise<void> {}
