// `npm start` / `npm run demo`: rebuilds the bundle only when a source file is newer than it
// (a restart then costs no build), then runs it in this process.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const entry = process.argv[2] === "demo" ? "demo" : "server";
const bundle = path.resolve("dist", `${entry}.js`);

function newestSource(dir) {
  let newest = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
const sources = Math.max(
  newestSource("src"),
  fs.statSync("package-lock.json").mtimeMs,
  fs.statSync("scripts/build.mjs").mtimeMs,
);
if (sources > built) execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
