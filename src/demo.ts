/** `npm run demo`: Convene with the demo of the 6th session of the CTOC/COP (data in ./data-demo). */
import { type DemoReport, demoAccounts, demoAnnouncement, seedDemo } from "./demo/seed.js";
import { run } from "./runtime.js";

let report: DemoReport | undefined;

await run({
  defaults: { dataDir: "./data-demo" },
  beforeListen: async (services) => {
    await seedDemo(services, (r) => {
      report = r;
    });
  },
  announce: async (config) => demoAnnouncement(config, demoAccounts, report),
});
