/**
 * A cookie-keeping client over app.inject(): signs in as a user (a real session row), sends the
 * CSRF token on every unsafe request, and keeps the cookies the app sets.
 */
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { CSRF_COOKIE, createSession, SESSION_COOKIE } from "../../src/platform/auth.js";
import type { TestContext } from "./harness.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export class TestClient {
  cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly t: TestContext) {}

  static anonymous(t: TestContext): TestClient {
    return new TestClient(t);
  }

  static async as(t: TestContext, userId: string): Promise<TestClient> {
    const client = new TestClient(t);
    const { token, csrfToken } = await createSession(t.db, userId, { ip: "127.0.0.1", now: t.clock.now() });
    client.cookies.set(SESSION_COOKIE, token);
    client.csrfToken = csrfToken;
    return client;
  }

  async request(
    method: Method,
    url: string,
    options: {
      json?: unknown;
      form?: Record<string, string | string[]>;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const unsafe = method !== "GET";
    if (unsafe && options.csrf !== false && this.csrfToken) headers["x-csrf-token"] = this.csrfToken;
    const inject: InjectOptions = { method, url, headers };
    if (options.json !== undefined) inject.payload = options.json as InjectOptions["payload"];
    if (options.form) {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(options.form)) for (const item of [v].flat()) body.append(k, item);
      inject.payload = body.toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const response = await this.t.app.inject(inject);
    for (const cookie of response.cookies) {
      if (cookie.maxAge === 0 || (cookie.expires && new Date(cookie.expires) < new Date(0 + 1000)))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
      if (cookie.name === CSRF_COOKIE && !this.cookies.has(SESSION_COOKIE)) this.csrfToken = cookie.value;
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request("GET", url, { headers });
  }
  /** GET as a browser would ask (Accept: text/html), so pages answer pages. */
  page(url: string) {
    return this.request("GET", url, { headers: { accept: "text/html" } });
  }
  post(url: string, json?: unknown, headers?: Record<string, string>) {
    return this.request("POST", url, { json: json ?? {}, headers });
  }
  patch(url: string, json?: unknown, headers?: Record<string, string>) {
    return this.request("PATCH", url, { json: json ?? {}, headers });
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request("DELETE", url, { headers });
  }
  submit(url: string, form: Record<string, string | string[]>) {
    return this.request("POST", url, {
      form: { _csrf: this.csrfToken ?? "", ...form },
      headers: { accept: "text/html" },
      csrf: false,
    });
  }
}

/** A page without its CSRF token, which is masked afresh in every page: for comparing two pages. */
export const withoutCsrfToken = (html: string) =>
  html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="CSRF"');
