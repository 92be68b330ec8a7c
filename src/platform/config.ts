/**
 * Configuration: every setting comes from an environment variable, read once at start.
 * The README documents each one.
 */
import path from "node:path";

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  /** Fastify's trustProxy: false, true, a hop count, or a list of addresses/CIDRs. */
  trustProxy: boolean | number | string[];
  /** Production turns on Secure cookies (also implied by an https BASE_URL). */
  secureCookies: boolean;
  logLevel: string;
}

function parseTrustProxy(value: string | undefined): Config["trustProxy"] {
  if (!value || value === "false" || value === "0") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? defaults.port ?? 3000);
  const host = env.HOST ?? defaults.host ?? "127.0.0.1";
  const baseUrl = (env.BASE_URL ?? defaults.baseUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const dataDir = path.resolve(env.DATA_DIR ?? defaults.dataDir ?? "./data");
  return {
    port,
    host,
    baseUrl,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    secureCookies: baseUrl.startsWith("https://"),
    logLevel: env.LOG_LEVEL ?? defaults.logLevel ?? "info",
  };
}
