// A small test harness for the end-to-end flows: one Chromium, a fresh context per test, a
// screenshot per test under test-results/screenshots/, and a closing count line.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { chromium } from "playwright-core";

import { chromiumArgs, chromiumPath } from "./chromium.mjs";

/** @typedef {import("playwright-core").Page} Page */
/** A flow: its name (E2E_ONLY matches a part of it) and what it does with a fresh page. */
/** @typedef {[name: string, test: (page: Page) => Promise<void>]} Test */

export const baseUrl = process.env.MAKERMAP_E2E_URL ?? "http://127.0.0.1:5180";
export const screenshotDir = resolve(import.meta.dirname, "../test-results/screenshots");

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Equal as JSON: the flows compare API answers with what the page shows.
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} message
 */
export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}\n    expected ${e}\n    actual   ${a}`);
}

/**
 * Runs a GraphQL operation from inside the page, with the page's session cookie. The flows write
 * their queries inline and state the shape of the answer they read where they await it
 * (`@type` on the variable), which is what T is inferred from.
 * @template [T=unknown]
 * @param {Page} page
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<T>} the operation's `data`
 */
export async function graphql(page, query, variables = {}) {
  /** @type {unknown} */
  const data = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      /** @type {unknown} */
      const json = await response.json();
      const body = /** @type {{ data?: unknown, errors?: unknown[] }} */ (json);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    { query, variables },
  );
  return /** @type {T} */ (data);
}

/**
 * Waits until the app finished the current view and the map rendered everything it has.
 * @param {Page} page
 */
export async function settle(page) {
  await page.waitForFunction(() => document.body.dataset.ready === "true" && window.__makermap?.map, null, { timeout: 30000 });
  await page.evaluate(
    () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve) => {
          const map = window.__makermap.map;
          const done = () => (map.loaded() && map.areTilesLoaded() ? resolve() : map.once("idle", done));
          map.once("idle", done);
          map.triggerRepaint();
        })
      ),
  );
}

/**
 * @param {Page} page
 * @param {string} email
 */
export async function signIn(page, email, password = "makermap-demo") {
  await page.fill("#sign-in-email", email);
  await page.fill("#sign-in-password", password);
  await page.click("#sign-in-submit");
}

/**
 * Signs in on #/organisation and finds the mobile give-box in the resource picker.
 * @param {Page} page
 * @param {string} email
 * @returns {Promise<string>} the give-box's resource id
 */
export async function signInForGiveBox(page, email) {
  await page.goto(`${baseUrl}/#/organisation`);
  await page.waitForSelector("#sign-in-email");
  await signIn(page, email);
  await page.waitForSelector("#resource-select");
  const resourceId = await page.$eval(
    "#resource-select",
    (/** @type {HTMLSelectElement} */ select) => [...select.options].find((o) => o.textContent?.startsWith("Mobiele weggeefkast"))?.value,
  );
  assert(resourceId, "the mobile give-box can be picked");
  return resourceId;
}

/**
 * A browser of its own (own cookies) with these context options; close it with the returned `close`.
 * @param {import("playwright-core").BrowserContextOptions} options
 * @returns {Promise<{ page: Page, close: () => Promise<void> }>}
 */
async function ownBrowser(options) {
  const userDataDir = mkdtempSync(join(tmpdir(), "makermap-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    ...options,
  });
  const page = await context.newPage();
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A second person at their own browser (own cookies), e.g. the manager who decides while the member
 * watches; close it with the returned `close`.
 */
export function secondPerson() {
  return ownBrowser({ viewport: { width: 1366, height: 800 } });
}

/**
 * A phone with a touch screen (390×844, `hasTouch`, `isMobile`), standing at `location` with
 * geolocation allowed: `page.tap` and `page.touchscreen.tap` send touch events, as a thumb does.
 * @param {{ longitude: number, latitude: number }} location
 */
export function touchPhone(location) {
  return ownBrowser({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, geolocation: location, permissions: ["geolocation"] });
}

/**
 * Screenshots of the page as it is now, on a desktop (1366×800) and a phone (390×844), as
 * `test-results/screenshots/<name>-desktop.png` and `-phone.png`; the viewport is put back after.
 * @param {Page} page
 * @param {string} name
 * @param {string} [focus] a selector scrolled into view first (the panel scrolls, not the page)
 */
export async function screenshots(page, name, focus) {
  const before = page.viewportSize();
  for (const [device, size] of /** @type {const} */ ([
    ["desktop", { width: 1366, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ])) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, `${name}-${device}.png`) });
  }
  if (before) await page.setViewportSize(before);
}

/** @param {Test[]} tests */
export async function run(tests) {
  mkdirSync(screenshotDir, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), "makermap-chromium-"));
  const executablePath = chromiumPath;
  const browser = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath,
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: "nl-BE",
      timezoneId: "Europe/Brussels",
    })
    .catch((/** @type {unknown} */ error) => {
      console.error(`cannot start ${executablePath}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  let passed = 0;
  let failed = 0;
  const only = process.env.E2E_ONLY;
  for (const [name, test] of tests) {
    if (only && !name.includes(only)) continue;
    const started = Date.now();
    await browser.clearCookies();
    const page = await browser.newPage();
    /** @type {string[]} */
    const consoleErrors = [];
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    const shot = join(screenshotDir, `${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`);
    try {
      await test(page);
      await page.screenshot({ path: shot });
      passed++;
      console.log(`  ✓ ${name} (${Date.now() - started} ms) → ${shot}`);
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      failed++;
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`  ✗ ${name} (${Date.now() - started} ms) → ${shot}\n    ${error.message.split("\n").join("\n    ")}`);
      if (consoleErrors.length) console.log(`    page errors: ${consoleErrors.join(" | ")}`);
    }
    await page.close();
  }
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}
