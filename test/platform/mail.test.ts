/**
 * Mail: every message lands in the outbox; with SMTP_URL a job sends it, and a refused delivery is
 * retried later by the job queue until it goes through.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { SMTPServer } from "smtp-server";
import { freePort } from "../../src/platform/database.js";
import { MAIL_RETENTION_DAYS, scheduleHousekeeping } from "../../src/platform/housekeeping.js";
import { queueMail } from "../../src/platform/mail.js";
import { createTestApp, type TestContext } from "../support/harness.js";

function decodeQuotedPrintable(text: string): string {
  const latin1 = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(latin1, "latin1").toString("utf8");
}

describe("mail delivery", () => {
  let t: TestContext;
  let server: SMTPServer;
  let refuseNext = 1;
  const received: string[] = [];

  before(async () => {
    const port = await freePort();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (chunk) => {
          data += chunk;
        });
        stream.on("end", () => {
          if (refuseNext > 0) {
            refuseNext--;
            const error = new Error("mailbox busy, try later") as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("a refused delivery is retried by the job queue, then sent, in the recipient's language", async () => {
    await queueMail(t.db, t.services.config, {
      to: "focal.point@example.org",
      lang: "fr",
      template: "accounts.verifyEmail",
      values: { name: "Ana", link: "http://convene.test/verify-email?token=abc" },
    });
    const queued = await t.db.selectFrom("mail_outbox").selectAll().executeTakeFirstOrThrow();
    assert.equal(queued.status, "queued");
    assert.equal(queued.language, "fr");

    assert.equal(await t.runJobs(), 1);
    const job = await t.db
      .selectFrom("jobs")
      .selectAll()
      .where("kind", "=", "mail.send")
      .executeTakeFirstOrThrow();
    assert.equal(job.attempts, 1);
    assert.match(job.last_error ?? "", /busy/);
    assert.equal(job.done_at, null);
    assert.equal(received.length, 0);

    assert.equal(await t.runJobs(), 0, "not before its back-off");
    t.clock.advance(60_000);
    assert.equal(await t.runJobs(), 1);
    assert.equal(received.length, 1);
    const message = decodeQuotedPrintable(received[0]!);
    assert.match(message, /To: focal\.point@example\.org/);
    assert.match(message, /http:\/\/convene\.test\/verify-email\?token=abc/);
    assert.match(message, /Bonjour Ana/);
    const sent = await t.db.selectFrom("mail_outbox").selectAll().executeTakeFirstOrThrow();
    assert.equal(sent.status, "sent");
  });

  test("the hourly housekeeping deletes mail older than the retention period, never one still waiting", async () => {
    const mail = (to: string) =>
      queueMail(t.db, t.services.config, {
        to,
        lang: "en",
        template: "accounts.verifyEmail",
        values: { name: "Old", link: "http://convene.test/verify-email?token=old" },
      });
    const oldSent = await mail("old.sent@example.org");
    const oldWaiting = await mail("old.waiting@example.org");
    const recent = await mail("recent@example.org");
    await t.db
      .updateTable("mail_outbox")
      .set({ status: "sent" })
      .where("id", "in", [oldSent, recent])
      .execute();
    await t.db.deleteFrom("jobs").where("kind", "=", "mail.send").execute();
    const longAgo = new Date(t.clock.now().getTime() - (MAIL_RETENTION_DAYS + 1) * 86_400_000);
    await sql`update mail_outbox set created_at = ${longAgo} where id in (${oldSent}, ${oldWaiting})`.execute(
      t.db,
    );

    await scheduleHousekeeping(t.db, t.clock);
    t.clock.advance(3_600_000);
    assert.ok((await t.runJobs()) >= 1);
    const left = await t.db
      .selectFrom("mail_outbox")
      .select("id")
      .where("id", "in", [oldSent, oldWaiting, recent])
      .execute();
    assert.deepEqual(new Set(left.map((m) => m.id)), new Set([oldWaiting, recent]));
  });
});
