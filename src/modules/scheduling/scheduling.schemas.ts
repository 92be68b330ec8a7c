/** zod schemas of the scheduling module: inputs (strict) and outputs (allowlists). */
import { z } from "zod";

const slug = z.string().min(1).max(100);

export const ZSessionParams = z.strictObject({ slug });
