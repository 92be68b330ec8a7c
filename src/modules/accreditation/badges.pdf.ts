/**
 * Badge PDFs (pdfkit, qrcode): name, organisation, "NGO observer", photo and a QR code with the
 * signed token. One badge is an A6 page; an organisation's or a session's badges print four to
 * an A4 sheet. DejaVu Sans is used when installed, for names beyond Latin script.
 */
import fs from "node:fs";
import QRCode from "qrcode";
import { requireSecretariat } from "../../platform/access.js";
import type { Executor } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { getSessionBySlug, localized } from "../sessions/sessions.service.js";
import { databaseFileStore } from "./accreditation.files.js";
import { type AccCtx, organisationFor } from "./accreditation.service.js";
import { badgeKey, badgeToken, formatCode } from "./badges.service.js";
import { getDelegateByLink } from "./delegate-link.service.js";
import { delegateFor } from "./delegates.service.js";

const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const fonts = fs.existsSync(FONT) && fs.existsSync(FONT_BOLD);

interface BadgeData {
  id: string;
  sessionId: string;
  code: string;
  fullName: string;
  organisation: string;
  sessionName: string;
  photo: Buffer | null;
}

function badgeRows(db: Executor) {
  return db
    .selectFrom("badges as b")
    .innerJoin("delegates as d", "d.id", "b.delegate_id")
    .innerJoin("organisations as o", "o.id", "d.organisation_id")
    .innerJoin("conference_sessions as s", "s.id", "b.session_id")
    .select([
      "b.id",
      "b.session_id",
      "b.code",
      "d.full_name",
      "o.name as organisation",
      "s.name",
      "d.photo_file_id",
    ])
    .where("b.revoked_at", "is", null)
    .where("d.status", "=", "approved")
    .orderBy("o.name")
    .orderBy("d.full_name");
}

async function load(ctx: AccCtx, rows: Awaited<ReturnType<ReturnType<typeof badgeRows>["execute"]>>) {
  return Promise.all(
    rows.map(
      async (r): Promise<BadgeData> => ({
        id: r.id,
        sessionId: r.session_id,
        code: r.code,
        fullName: r.full_name,
        organisation: r.organisation,
        sessionName: localized(r.name, "en"),
        photo: r.photo_file_id
          ? ((await databaseFileStore.get(ctx.db, r.photo_file_id))?.bytes ?? null)
          : null,
      }),
    ),
  );
}

const W = 297.64; // A6 in points
const H = 419.53;

async function drawBadge(doc: PDFKit.PDFDocument, key: Buffer, b: BadgeData, x: number, y: number) {
  const regular = fonts ? "body" : "Helvetica";
  const bold = fonts ? "bold" : "Helvetica-Bold";
  doc.save().rect(x, y, W, H).lineWidth(0.5).strokeColor("#999999").stroke().restore();
  doc.rect(x, y, W, 46).fill("#1a5e9a");
  doc
    .fillColor("#ffffff")
    .font(bold)
    .fontSize(18)
    .text("NGO observer", x, y + 14, { width: W, align: "center" });
  doc
    .fillColor("#000000")
    .font(regular)
    .fontSize(8)
    .text(b.sessionName, x + 12, y + 52, { width: W - 24, align: "center", height: 22 });
  if (b.photo) doc.image(b.photo, x + 16, y + 82, { fit: [110, 140] });
  else
    doc
      .save()
      .rect(x + 16, y + 82, 110, 140)
      .strokeColor("#cccccc")
      .stroke()
      .restore();
  const qr = await QRCode.toBuffer(badgeToken(key, b.id, b.sessionId), {
    errorCorrectionLevel: "M",
    margin: 1,
    width: 300,
  });
  doc.image(qr, x + 148, y + 88, { width: 130 });
  doc
    .font(regular)
    .fontSize(10)
    .text(formatCode(b.code), x + 148, y + 222, { width: 130, align: "center" });
  doc
    .font(bold)
    .fontSize(16)
    .text(b.fullName, x + 16, y + 250, { width: W - 32, align: "center" });
  doc
    .font(regular)
    .fontSize(12)
    .text(b.organisation, x + 16, doc.y + 6, { width: W - 32, align: "center" });
}

async function render(ctx: AccCtx, badges: BadgeData[], sheet: boolean): Promise<Buffer> {
  const key = await badgeKey(ctx.db);
  // Loaded on first use: pdfkit costs a third of a second at start-up.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: sheet ? "A4" : [W, H],
    margin: 0,
    autoFirstPage: false,
    info: { Title: "Badges" },
  });
  if (fonts) {
    doc.registerFont("body", FONT);
    doc.registerFont("bold", FONT_BOLD);
  }
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const perPage = sheet ? 4 : 1;
  if (badges.length === 0) doc.addPage();
  for (const [i, b] of badges.entries()) {
    if (i % perPage === 0) doc.addPage();
    const slot = i % perPage;
    await drawBadge(doc, key, b, sheet ? (slot % 2) * W : 0, sheet ? Math.floor(slot / 2) * H : 0);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** One delegate's badge, for their focal point or the secretariat. */
export async function badgePdfForDelegate(ctx: AccCtx, delegateId: string) {
  const d = await delegateFor(ctx, delegateId);
  const rows = await badgeRows(ctx.db).where("d.id", "=", d.id).execute();
  if (!rows.length) throw new AppError("DELEGATE_NOT_APPROVED");
  return render(ctx, await load(ctx, rows), false);
}

/** The delegate's own badge, through their link. */
export async function badgePdfByLink(ctx: AccCtx, token: string) {
  const d = await getDelegateByLink(ctx, token);
  const rows = await badgeRows(ctx.db).where("d.id", "=", d.id).execute();
  if (!rows.length) throw new AppError("DELEGATE_NOT_APPROVED");
  return render(ctx, await load(ctx, rows), false);
}

export async function badgeSheetForOrganisation(ctx: AccCtx, orgSlug: string, sessionSlug: string) {
  const { org } = await organisationFor(ctx, orgSlug, ["focal_point"]);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rows = await badgeRows(ctx.db)
    .where("d.organisation_id", "=", org.id)
    .where("b.session_id", "=", session.id)
    .execute();
  return render(ctx, await load(ctx, rows), true);
}

export async function badgeSheetForSession(ctx: AccCtx, sessionSlug: string) {
  requireSecretariat(ctx);
  const session = await getSessionBySlug(ctx, sessionSlug);
  const rows = await badgeRows(ctx.db).where("b.session_id", "=", session.id).execute();
  return render(ctx, await load(ctx, rows), true);
}
