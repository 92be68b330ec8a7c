/** `npm start`: an empty Convene instance (data in ./data, or DATABASE_URL). */
import { run } from "./runtime.js";

await run({});
