/**
 * What a service needs to know about the request that calls it: who acts, in which language,
 * and the clock. Routes build it; services never read the request.
 */
import type { Config } from "./config.js";
import type { Db } from "./database.js";
import type { Lang } from "./i18n/languages.js";

export type PlatformRole = "secretariat" | "member_state_delegate" | "reviewer" | "trustee";

export interface Actor {
  id: string;
  email: string;
  displayName: string;
  roles: PlatformRole[];
  preferredLanguage: Lang;
  emailVerified: boolean;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Services {
  db: Db;
  config: Config;
  clock: Clock;
  dbKind: "embedded" | "external";
}

export interface Ctx extends Services {
  actor: Actor | null;
  lang: Lang;
  requestId: string;
  ip: string;
}

export function isSecretariat(actor: Actor | null): boolean {
  return !!actor?.roles.includes("secretariat");
}
