/** The secretariat's views of the platform: audit log and mail outbox, as pages and API. */
import { z } from "zod";
import type { App } from "../http.js";
import { formatDate } from "../i18n/translate.js";
import { Pagination } from "../ui/layout.js";
import { usePage } from "../ui/page-context.js";
import { sendPage } from "../ui/render.js";
import { listAuditLog, listOutbox } from "./admin.service.js";

const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  lang: z.string().optional(),
});
const ZAuditQuery = ZPageQuery.extend({
  objectType: z.string().max(60).optional(),
  objectId: z.string().max(100).optional(),
});

const ZAuditEntry = z.object({
  id: z.number(),
  at: z.date(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  organisationId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
const ZMail = z.object({
  id: z.string(),
  to: z.string(),
  language: z.string(),
  template: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.string(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});
const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

type AuditRows = Awaited<ReturnType<typeof listAuditLog>>;
type OutboxRows = Awaited<ReturnType<typeof listOutbox>>;

const toAudit = (r: AuditRows["items"][number]) => ({
  id: r.id,
  at: r.at,
  actorEmail: r.actor_email,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  organisationId: r.organisation_id,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
});

const toMail = (r: OutboxRows["items"][number]) => ({
  id: r.id,
  to: r.to_address,
  language: r.language,
  template: r.template,
  subject: r.subject,
  body: r.text_body,
  status: r.status,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

function AuditPage(props: { data: AuditRows }) {
  const { t, lang } = usePage();
  return (
    <section>
      <h1>{t("audit.title")}</h1>
      {props.data.items.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.object")}</th>
                <th scope="col">{t("audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {props.data.items.map((row) => (
                <tr>
                  <td>{formatDate(lang, row.at, { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td>{row.actor_email ?? t("audit.system")}</td>
                  <td>
                    <code>{row.action}</code>
                  </td>
                  <td>
                    {row.object_type} <code>{row.object_id}</code>
                  </td>
                  <td>
                    <pre class="audit-diff">
                      {row.before ? `- ${JSON.stringify(row.before)}\n` : ""}
                      {row.after ? `+ ${JSON.stringify(row.after)}` : ""}
                    </pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={props.data.page}
        pageSize={props.data.pageSize}
        total={props.data.total}
        href={(p) => `/admin/audit?page=${p}`}
      />
    </section>
  );
}

function OutboxPage(props: { data: OutboxRows }) {
  const { t, lang } = usePage();
  return (
    <section>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.lead")}</p>
      {props.data.items.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        props.data.items.map((mail) => (
          <details class="mail">
            <summary>
              <span>{formatDate(lang, mail.created_at, { dateStyle: "medium", timeStyle: "short" })}</span> ·{" "}
              <span>{mail.to_address}</span> · <strong>{mail.subject}</strong> · <span>{mail.status}</span>
            </summary>
            <pre lang={mail.language}>{mail.text_body}</pre>
          </details>
        ))
      )}
      <Pagination
        page={props.data.page}
        pageSize={props.data.pageSize}
        total={props.data.total}
        href={(p) => `/admin/outbox?page=${p}`}
      />
    </section>
  );
}

export async function adminRoutes(app: App): Promise<void> {
  app.get(
    "/api/v1/audit",
    {
      config: { access: "secretariat" },
      schema: { tags: ["audit"], querystring: ZAuditQuery, response: { 200: page(ZAuditEntry) } },
    },
    async (request) => {
      const data = await listAuditLog(request.ctx(), request.query);
      return { ...data, items: data.items.map(toAudit) };
    },
  );
  app.get(
    "/admin/audit",
    { config: { access: "secretariat" }, schema: { querystring: ZAuditQuery } },
    async (request, reply) => {
      const data = await listAuditLog(request.ctx(), request.query);
      return sendPage(request, reply, request.t("audit.title"), <AuditPage data={data} />);
    },
  );
  app.get(
    "/api/v1/outbox",
    {
      config: { access: "secretariat" },
      schema: { tags: ["mail"], querystring: ZPageQuery, response: { 200: page(ZMail) } },
    },
    async (request) => {
      const data = await listOutbox(request.ctx(), request.query);
      return { ...data, items: data.items.map(toMail) };
    },
  );
  app.get(
    "/admin/outbox",
    { config: { access: "secretariat" }, schema: { querystring: ZPageQuery } },
    async (request, reply) => {
      const data = await listOutbox(request.ctx(), request.query);
      return sendPage(request, reply, request.t("outbox.title"), <OutboxPage data={data} />);
    },
  );
}
