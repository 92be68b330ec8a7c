/**
 * Storage of the module's files (delegates' photos) behind a small interface. Files are kept in
 * the database (table accreditation_files, bytea): every app process sees them without a shared
 * disk, and the retention purge removes them in the same transaction as the rest of the data.
 * Photos are re-encoded with sharp, which drops EXIF and every other metadata block.
 */
import type { Executor } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";

export interface FileStore {
  put(db: Executor, file: { contentType: "image/jpeg"; bytes: Buffer }): Promise<string>;
  get(db: Executor, id: string): Promise<{ contentType: string; bytes: Buffer } | null>;
  remove(db: Executor, ids: string[]): Promise<void>;
}

export const databaseFileStore: FileStore = {
  async put(db, file) {
    const row = await db
      .insertInto("accreditation_files")
      .values({ content_type: file.contentType, bytes: file.bytes })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async get(db, id) {
    const row = await db
      .selectFrom("accreditation_files")
      .select(["content_type", "bytes"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? { contentType: row.content_type, bytes: row.bytes } : null;
  },
  async remove(db, ids) {
    if (ids.length) await db.deleteFrom("accreditation_files").where("id", "in", ids).execute();
  },
};

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What the content says the file is (its name and declared type are ignored): JPEG, PNG, WebP or nothing we take. */
function photoFormat(b: Buffer): "jpeg" | "png" | "webp" | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP")
    return "webp";
  return null;
}

/**
 * A JPEG of at most 600×800, turned upright, without any metadata. Refused: over 5 MB
 * (PHOTO_TOO_LARGE), not a JPEG, PNG or WebP by its content (PHOTO_TYPE_UNSUPPORTED), empty or
 * damaged (PHOTO_INVALID). Every upload of a delegate's photo goes through here.
 */
export async function normalisePhoto(input: Buffer): Promise<Buffer> {
  if (input.length > MAX_PHOTO_BYTES) throw new AppError("PHOTO_TOO_LARGE");
  if (input.length === 0) throw new AppError("PHOTO_INVALID");
  const format = photoFormat(input);
  if (!format) throw new AppError("PHOTO_TYPE_UNSUPPORTED");
  // Loaded on first use: sharp costs a quarter of a second at start-up.
  const { default: sharp } = await import("sharp");
  try {
    const image = sharp(input, { limitInputPixels: 40_000_000 });
    // the decoder must agree with the signature (a PNG header on something else is refused)
    if ((await image.metadata()).format !== format) throw new AppError("PHOTO_TYPE_UNSUPPORTED");
    return await image
      .rotate()
      .resize(600, 800, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("PHOTO_INVALID");
  }
}

/** The form's file field: a Buffer, "too-large" past the parser's limit (platform/multipart.ts), or absent. */
export function uploadedPhoto(value: unknown): Buffer | undefined {
  if (value === "too-large") throw new AppError("PHOTO_TOO_LARGE");
  return Buffer.isBuffer(value) ? value : undefined;
}
