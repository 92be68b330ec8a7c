/** Expected answers of every sessions route for each person (see test/support/matrix.ts). */
import type { MatrixEntry } from "../../../test/support/matrix.js";

export const sessionMatrix: MatrixEntry[] = [];
