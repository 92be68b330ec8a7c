/** `npm run demo`: Convene with the demo of the 6th session of the CTOC/COP (data in ./data-demo). */
import { run } from "./runtime.js";

await run({ defaults: { dataDir: "./data-demo" } });
