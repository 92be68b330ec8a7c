/**
 * Mail: every message is written to the outbox table in the caller's transaction, in the
 * recipient's language, with links built on BASE_URL (never the request's Host header). With
 * SMTP_URL set, a job sends it and retries on failure; without, the outbox is the record, and the
 * secretariat reads it in the UI.
 */
import nodemailer from "nodemailer";
import type { Config } from "./config.js";
import type { Db, Executor } from "./database.js";
import type { Lang } from "./i18n/languages.js";
import { type MessageKey, translate } from "./i18n/translate.js";
import { enqueueJob, type JobHandlers } from "./jobs.js";

export interface MailMessage {
  to: string;
  lang: Lang;
  /** message keys `mail.<template>.subject` and `mail.<template>.body` must exist */
  template: string;
  values?: Record<string, string | number>;
}

export async function queueMail(
  trx: Executor,
  config: Pick<Config, "smtpUrl">,
  message: MailMessage,
): Promise<string> {
  const subject = translate(message.lang, `mail.${message.template}.subject` as MessageKey, message.values);
  const body = translate(message.lang, `mail.${message.template}.body` as MessageKey, message.values);
  const row = await trx
    .insertInto("mail_outbox")
    .values({
      to_address: message.to,
      language: message.lang,
      template: message.template,
      subject,
      text_body: body,
      status: config.smtpUrl ? "queued" : "stored",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (config.smtpUrl) await enqueueJob(trx, "mail.send", { id: row.id }, { maxAttempts: 10 });
  return row.id;
}

export function mailJobs(db: Db, config: Config): JobHandlers {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const from = process.env.MAIL_FROM ?? `Convene <no-reply@${new URL(config.baseUrl).hostname}>`;
  return {
    "mail.send": async (payload) => {
      const id = String(payload.id);
      const mail = await db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirst();
      if (!mail || mail.status === "sent" || !transport) return;
      try {
        await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.text_body });
        await db
          .updateTable("mail_outbox")
          .set({ status: "sent", sent_at: new Date() })
          .where("id", "=", id)
          .execute();
      } catch (error) {
        await db
          .updateTable("mail_outbox")
          .set((eb) => ({
            attempts: eb("attempts", "+", 1),
            last_error: (error as Error).message.slice(0, 500),
          }))
          .where("id", "=", id)
          .execute();
        throw error;
      }
    },
  };
}
