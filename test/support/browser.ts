/**
 * Browser journeys: Debian's Chromium driven by playwright-core, a Convene app listening on a free
 * port, axe-core run on every page visited, screenshots kept under test-output/.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { freePort } from "../../src/platform/database.js";
import { createTestApp, type TestContext } from "./harness.js";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const outputDir = path.resolve("test-output");

export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  throw new Error("Chromium not found: run `bash scripts/ensure-browser.sh` (npm test does it).");
}

/** `args`: more of Chromium's switches (a fake camera, for one). */
export async function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...args,
    ],
  });
}

export interface BrowserTest {
  t: TestContext;
  baseUrl: string;
  browser: Browser;
  /** a new isolated browser profile (cookies of its own) */
  newContext(options?: { locale?: string }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startBrowserTest(options?: { browserArgs?: string[] }): Promise<BrowserTest> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { BASE_URL: baseUrl } });
  await t.app.listen({ port, host: "127.0.0.1" });
  const browser = await launchBrowser(options?.browserArgs);
  return {
    t,
    baseUrl,
    browser,
    // bypassCSP lets the test inject axe-core; the pages themselves keep their CSP.
    newContext: (options) =>
      browser.newContext({ baseURL: baseUrl, bypassCSP: true, locale: options?.locale ?? "en-GB" }),
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  })) as Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    serious.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    ),
    [],
    `accessibility violations on ${label}`,
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(outputDir, "screenshots", `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
