/**
 * A camera for browser tests: a Y4M video (the raw format Chromium's fake capture device plays,
 * `--use-file-for-fake-video-capture`) showing a QR code, as a badge held up to a phone would.
 */
import fs from "node:fs";
import QRCode from "qrcode";

const WIDTH = 640;
const HEIGHT = 480;

/** Writes `file`: a few identical frames, the QR code of `text` dark on white in the middle. */
export function writeQrVideo(text: string, file: string): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const scale = Math.floor(360 / (size + 8)); // with a quiet zone of four modules each side
  const left = Math.floor((WIDTH - size * scale) / 2);
  const top = Math.floor((HEIGHT - size * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + row * scale + y) * WIDTH + left + col * scale;
        luma.fill(16, start, start + scale);
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
}
