/** Expected answers of every organisations route for each person (see test/support/matrix.ts). */
import type { MatrixEntry } from "../../../test/support/matrix.js";

export const organisationMatrix: MatrixEntry[] = [];
