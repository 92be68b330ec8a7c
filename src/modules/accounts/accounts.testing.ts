/** Helpers for the accounts tests: clients from distinct addresses, the outbox, the session's token. */
import assert from "node:assert/strict";
import { TestClient } from "../../../test/support/client.js";
import type { TestContext } from "../../../test/support/harness.js";
import { SESSION_COOKIE } from "../../platform/auth.js";

type RequestArgs = Parameters<TestClient["request"]>;

/**
 * A browser behind its own address (X-Forwarded-For; the app under test trusts the proxy), so
 * that per-address rate limits of one test do not spill into the next.
 */
let browsers = 0;

export class Browser extends TestClient {
  readonly ip = `2001:db8::${(++browsers).toString(16)}`;
  override request(method: RequestArgs[0], url: RequestArgs[1], options: RequestArgs[2] = {}) {
    return super.request(method, url, {
      ...options,
      headers: { "x-forwarded-for": this.ip, ...options.headers },
    });
  }
  get session(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }
  /** After a sign-in through a form, take the new session's CSRF token as its pages would. */
  async refreshCsrf(): Promise<void> {
    const res = await this.get("/api/v1/auth/session");
    this.csrfToken = res.json().csrfToken;
  }
}

export function browser(t: TestContext): Browser {
  return new Browser(t);
}

export async function mailsTo(t: TestContext, address: string) {
  return t.db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .orderBy("created_at")
    .execute();
}

export async function lastMailTo(t: TestContext, address: string, template: string) {
  const mails = (await mailsTo(t, address)).filter((m) => m.template === template);
  const mail = mails.at(-1);
  assert.ok(mail, `no ${template} mail to ${address}`);
  return mail;
}

/** The token of the single link in a mail, which must point at BASE_URL. */
export function linkToken(body: string, path: string): string {
  const match = body.match(
    new RegExp(`http://convene\\.test${path.replace(/[/?]/g, "\\$&")}\\?token=([\\w-]+)`),
  );
  assert.ok(match?.[1], `no link to ${path} in:\n${body}`);
  return match[1];
}
