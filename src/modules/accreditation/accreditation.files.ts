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

/** A JPEG of at most 600×800, turned upright, without any metadata; PHOTO_INVALID otherwise. */
export async function normalisePhoto(input: Buffer): Promise<Buffer> {
  if (input.length === 0 || input.length > MAX_PHOTO_BYTES) throw new AppError("PHOTO_INVALID");
  // Loaded on first use: sharp costs a quarter of a second at start-up.
  const { default: sharp } = await import("sharp");
  try {
    return await sharp(input, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(600, 800, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
  } catch {
    throw new AppError("PHOTO_INVALID");
  }
}
