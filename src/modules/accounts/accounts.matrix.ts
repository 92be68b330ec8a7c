/** Expected answers of every accounts route for each person (see test/support/matrix.ts). */
import type { MatrixEntry } from "../../../test/support/matrix.js";

export const accountMatrix: MatrixEntry[] = [];
