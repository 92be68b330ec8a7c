/**
 * Is this upload a PDF? Decided by content, never by the file's name: the magic bytes %PDF-n.n at
 * the start, then the file's structure parsed from its end as a reader does — startxref and
 * %%EOF, the cross-reference sections (classic tables, or cross-reference streams inflated with
 * their PNG predictors) following /Prev, every in-use object found at its offset, and a /Root that
 * is a /Catalog. A renamed image, a text file or a truncated PDF fails. No dependency: node's zlib.
 */
import { inflateSync } from "node:zlib";

export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export type PdfCheck = { ok: true; objects: number; version: string } | { ok: false; reason: string };

const latin1 = (b: Buffer, start = 0, end = b.length) => b.toString("latin1", start, end);

interface XrefSection {
  /** object number → byte offset (in-use, uncompressed objects) */
  offsets: Map<number, number>;
  /** object number → the object stream holding it */
  compressed: Map<number, number>;
  root: [number, number] | null;
  prev: number | null;
}

function refOf(dict: string, key: string): [number, number] | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return m ? [Number(m[1]), Number(m[2])] : null;
}
function numberOf(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
}

function classicXref(pdf: Buffer, offset: number): XrefSection {
  const offsets = new Map<number, number>();
  const text = latin1(pdf, offset + 4, Math.min(pdf.length, offset + 4 + 21 * 500_000 + 4096));
  let cursor = /^\s*/.exec(text)?.[0].length ?? 0;
  for (;;) {
    const header = /^(\d+)\s+(\d+)[ \t]*\r?\n/.exec(text.slice(cursor));
    if (!header) break;
    const start = Number(header[1]);
    const count = Number(header[2]);
    cursor += header[0].length;
    for (let i = 0; i < count; i++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])\s{1,2}/.exec(text.slice(cursor, cursor + 21));
      if (!entry) throw new Error("a cross-reference entry is malformed");
      if (entry[3] === "n") offsets.set(start + i, Number(entry[1]));
      cursor += entry[0].length;
    }
  }
  const trailer = /^\s*trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(cursor));
  if (!trailer?.[1]) throw new Error("the trailer is missing");
  return {
    offsets,
    compressed: new Map(),
    root: refOf(trailer[1], "Root"),
    prev: numberOf(trailer[1], "Prev"),
  };
}

function unpredict(data: Buffer, columns: number): Buffer {
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(columns);
  for (let at = 0; at + columns + 1 <= data.length; at += columns + 1) {
    const filter = data[at];
    const row = Buffer.from(data.subarray(at + 1, at + 1 + columns));
    for (let i = 0; i < columns; i++) {
      const left = i > 0 ? (row[i - 1] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i > 0 ? (previous[i - 1] ?? 0) : 0;
      const x = row[i] ?? 0;
      if (filter === 1) row[i] = (x + left) & 0xff;
      else if (filter === 2) row[i] = (x + up) & 0xff;
      else if (filter === 3) row[i] = (x + Math.floor((left + up) / 2)) & 0xff;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        row[i] = (x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff;
      } else if (filter !== 0) throw new Error("an unknown PNG predictor");
    }
    rows.push(row);
    previous = row;
  }
  return Buffer.concat(rows);
}

function streamXref(pdf: Buffer, offset: number): XrefSection {
  const head = latin1(pdf, offset, Math.min(pdf.length, offset + 4096));
  const m = /^(\d+)\s+(\d+)\s+obj\s*<<([\s\S]*?)>>\s*stream\r?\n/.exec(head);
  if (!m?.[3] || !/\/Type\s*\/XRef/.test(m[3])) throw new Error("no cross-reference at startxref");
  const dict = m[3];
  const length = numberOf(dict, "Length");
  const w = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dict);
  if (length === null || !w) throw new Error("the cross-reference stream lacks /Length or /W");
  const widths = [Number(w[1]), Number(w[2]), Number(w[3])];
  const start = offset + m[0].length;
  let data = pdf.subarray(start, start + length);
  if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data);
  else if (/\/Filter/.test(dict)) throw new Error("an unsupported cross-reference filter");
  const entrySize = widths[0]! + widths[1]! + widths[2]!;
  const predictor = numberOf(dict, "Predictor");
  if (predictor !== null && predictor >= 10) data = unpredict(data, numberOf(dict, "Columns") ?? entrySize);
  const size = numberOf(dict, "Size") ?? 0;
  const index = /\/Index\s*\[([\d\s]+)\]/.exec(dict)?.[1]?.trim().split(/\s+/).map(Number) ?? [0, size];
  const offsets = new Map<number, number>();
  const compressed = new Map<number, number>();
  const field = (at: number, width: number, fallback: number) => {
    if (width === 0) return fallback;
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[at + i] ?? 0);
    return v;
  };
  let at = 0;
  for (let k = 0; k + 1 < index.length; k += 2) {
    for (let n = 0; n < index[k + 1]!; n++) {
      if (at + entrySize > data.length) throw new Error("the cross-reference stream is short");
      const type = field(at, widths[0]!, 1);
      const a = field(at + widths[0]!, widths[1]!, 0);
      if (type === 1) offsets.set(index[k]! + n, a);
      else if (type === 2) compressed.set(index[k]! + n, a);
      at += entrySize;
    }
  }
  return { offsets, compressed, root: refOf(dict, "Root"), prev: numberOf(dict, "Prev") };
}

const objectAt = (pdf: Buffer, offset: number, num: number) => {
  if (offset <= 0 || offset >= pdf.length) return null;
  const text = latin1(pdf, offset, Math.min(pdf.length, offset + 2048));
  const m = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(text);
  return m && Number(m[1]) === num ? text : null;
};

export function checkPdf(pdf: Buffer): PdfCheck {
  if (pdf.length === 0) return { ok: false, reason: "empty" };
  if (pdf.length > MAX_PDF_BYTES) return { ok: false, reason: "too large" };
  const magic = /^%PDF-(\d\.\d)/.exec(latin1(pdf, 0, 16));
  if (!magic?.[1]) return { ok: false, reason: "no %PDF- header" };
  try {
    const tail = latin1(pdf, Math.max(0, pdf.length - 2048));
    const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!sx) throw new Error("no startxref and %%EOF at the end");
    const offsets = new Map<number, number>();
    const compressed = new Map<number, number>();
    let root: [number, number] | null = null;
    const seen = new Set<number>();
    for (let at: number | null = Number(sx[1]); at !== null; ) {
      if (seen.has(at) || seen.size > 64 || at >= pdf.length) throw new Error("a broken /Prev chain");
      seen.add(at);
      const section: XrefSection =
        latin1(pdf, at, at + 4) === "xref" ? classicXref(pdf, at) : streamXref(pdf, at);
      // the newest section wins: earlier ones only fill what it does not define
      for (const [n, o] of section.offsets) if (!offsets.has(n) && !compressed.has(n)) offsets.set(n, o);
      for (const [n, s] of section.compressed)
        if (!offsets.has(n) && !compressed.has(n)) compressed.set(n, s);
      root ??= section.root;
      at = section.prev;
    }
    if (!root) throw new Error("no /Root");
    for (const [n, o] of offsets)
      if (!objectAt(pdf, o, n)) throw new Error(`object ${n} is not at its offset`);
    for (const s of new Set(compressed.values()))
      if (!offsets.has(s)) throw new Error(`object stream ${s} is missing`);
    const rootText = offsets.has(root[0]) ? objectAt(pdf, offsets.get(root[0])!, root[0]) : null;
    if (
      rootText &&
      !/\/Type\s*\/Catalog/.test(rootText.slice(0, rootText.indexOf("endobj") + 1 || undefined))
    )
      throw new Error("/Root is not a /Catalog");
    if (!rootText && !compressed.has(root[0])) throw new Error("/Root is missing");
    return { ok: true, objects: offsets.size + compressed.size, version: magic[1] };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
