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

/**
 * A session left to the handler's statement (a route with config.deferSession, see http.ts): the
 * hash of the session cookie and the request's CSRF header, for the statement to check before it
 * writes. settle() runs the hooks' checks instead (a query of its own) and returns the actor.
 */
export interface DeferredSession {
  sessionHash: string;
  csrf: string;
  /** True once the statement or settle() has checked sign-in, CSRF token and access. */
  settled: boolean;
  settle(): Promise<Actor | null>;
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
