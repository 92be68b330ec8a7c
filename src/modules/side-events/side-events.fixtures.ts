/** Files for the module's tests and benchmark: a real PDF (pdfkit) and small JPEGs (sharp). */

export async function realPdf(text = "Report of the side event"): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ size: "A4" });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

/** A 32×32 JPEG; with `exif`, an ImageDescription and Artist carrying that text. */
export async function tinyJpeg(exif?: string): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  const image = sharp({
    create: { width: 32, height: 32, channels: 3, background: { r: 200, g: 80, b: 40 } },
  });
  return (exif ? image.withExif({ IFD0: { ImageDescription: exif, Artist: exif } }) : image)
    .jpeg()
    .toBuffer();
}
