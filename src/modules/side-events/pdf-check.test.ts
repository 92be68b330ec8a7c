import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deflateSync } from "node:zlib";
import { checkPdf } from "./pdf-check.js";
import { realPdf } from "./side-events.fixtures.js";

/** A PDF 1.5 whose cross-reference is a compressed stream with the PNG Up predictor. */
function xrefStreamPdf(predictor: boolean): Buffer {
  const parts: string[] = ["%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"];
  const offsets: number[] = [];
  const add = (s: string) => {
    offsets.push(Buffer.byteLength(parts.join(""), "latin1"));
    parts.push(s);
  };
  add("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  add("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  add("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n");
  const xrefAt = Buffer.byteLength(parts.join(""), "latin1");
  const rows = [[0, 0, 255], ...offsets.map((o) => [1, o, 0]), [1, xrefAt, 0]].map(([t, o, g]) =>
    Buffer.from([t!, (o! >> 8) & 0xff, o! & 0xff, g!]),
  );
  let raw: Buffer;
  if (predictor) {
    let prev = Buffer.alloc(4);
    raw = Buffer.concat(
      rows.map((r) => {
        const up = Buffer.from(r.map((b, i) => (b - (prev[i] ?? 0)) & 0xff));
        prev = r;
        return Buffer.concat([Buffer.from([2]), up]);
      }),
    );
  } else raw = Buffer.concat(rows);
  const data = deflateSync(raw);
  const parms = predictor ? " /DecodeParms << /Predictor 12 /Columns 4 >>" : "";
  const head = `4 0 obj\n<< /Type /XRef /Size 5 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode${parms} /Length ${data.length} >>\nstream\n`;
  return Buffer.concat([
    Buffer.from(parts.join("") + head, "latin1"),
    data,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, "latin1"),
  ]);
}

describe("PDF checked by content (no I/O)", () => {
  test("a real PDF from pdfkit is accepted", async () => {
    const r = checkPdf(await realPdf());
    assert.equal(r.ok, true, JSON.stringify(r));
  });
  test("cross-reference streams, with and without the PNG predictor, are parsed", () => {
    assert.deepEqual(checkPdf(xrefStreamPdf(false)), { ok: true, objects: 4, version: "1.5" });
    assert.deepEqual(checkPdf(xrefStreamPdf(true)), { ok: true, objects: 4, version: "1.5" });
  });
  test("a PNG or a text file named .pdf, a magic header over garbage, a truncated PDF: refused", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    assert.equal(checkPdf(png).ok, false);
    assert.equal(checkPdf(Buffer.from("Just some text, saved as report.pdf")).ok, false);
    assert.deepEqual(checkPdf(Buffer.from("%PDF-1.7\nnot really a PDF at all\n%%EOF\n")).ok, false);
    const real = await realPdf();
    assert.equal(checkPdf(real.subarray(0, real.length - 200)).ok, false);
    // the offsets must point at the objects: shifting the body breaks them
    const shifted = Buffer.concat([real.subarray(0, 15), Buffer.from("    "), real.subarray(15)]);
    assert.equal(checkPdf(shifted).ok, false);
    assert.equal(checkPdf(Buffer.alloc(0)).ok, false);
  });
});
