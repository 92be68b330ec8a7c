/** Routes of the accounts module: thin — validate, authorise, call the service, shape the answer. */
import type { App } from "../../platform/http.js";

export async function accountRoutes(_app: App): Promise<void> {}
