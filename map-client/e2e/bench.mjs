// Client timings on localhost (used by scripts/bench-client.sh), each cold and warm:
// - the first rendered map: navigation → the first MapLibre `idle` after `load` at `#/` (the first
//   view over Flanders and Brussels: areas, clusters);
// - the first map with streets: navigation to `#/?near=3.725,51.054` → the map settled on the fitted
//   view around the nearest places in Gent (street zoom) with street lines drawn;
// - the nearest list: navigation to the same URL → the nearest list rendered.
// Cold: a fresh browser context (empty HTTP cache). Warm: the same URL loaded again in that context
// (the browser's cache holds the bundle and the tiles it may keep; the server's caches are warm).
// Prints the median, min and max of MAKERMAP_BENCH_RUNS (5) of each.
import { launchChromium } from "./chromium.mjs";

const base = process.env.MAKERMAP_BENCH_URL ?? "http://127.0.0.1:5080";
const runs = Number(process.env.MAKERMAP_BENCH_RUNS ?? 5);
const browser = await launchChromium();

const nearUrl = `${base}/#/?near=3.72500,51.05400`;
const streetLayers = ["streets-major", "streets-secondary", "streets-minor", "streets-path"];

/** @typedef {import("playwright-core").Page} Page */

/**
 * Milliseconds from navigation to a performance mark (see src/test-hooks.ts).
 * @param {Page} page
 * @param {string} mark
 */
async function markTime(page, mark) {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 60000 });
  return page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN, mark);
}

/**
 * Milliseconds from navigation to the map at rest after the nearest fit, with street lines drawn:
 * checked every animation frame, so within a frame of when it happened.
 * @param {Page} page
 */
async function streetsTime(page) {
  await markTime(page, "makermap:nearest-list");
  const handle = await page.waitForFunction(
    (layers) => {
      const map = window.__makermap?.map;
      if (!map || map.isMoving() || !map.loaded() || !map.areTilesLoaded()) return false;
      return map.queryRenderedFeatures({ layers: layers.filter((l) => map.getLayer(l)) }).length > 0 ? performance.now() : false;
    },
    streetLayers,
    { timeout: 60000, polling: "raf" },
  );
  return /** @type {number} */ (await handle.jsonValue());
}

/**
 * One cold load of `url` in a fresh context, then one warm load of it in the same context.
 * @param {string} url
 * @param {(page: Page) => Promise<number>} measure
 * @returns {Promise<[cold: number, warm: number]>}
 */
async function coldAndWarm(url, measure) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  const cold = await measure(page);
  await page.goto("about:blank");
  await page.goto(url);
  const warm = await measure(page);
  await context.close();
  return [cold, warm];
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
/** @param {number[]} values */
const fmt = (values) => `median ${Math.round(median(values))} ms (min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))})`;

/** @type {[label: string, url: string, measure: (page: Page) => Promise<number>][]} */
const measures = [
  ["time to first rendered map (#/, idle after load)", `${base}/#/`, (page) => markTime(page, "makermap:map-idle")],
  ["time to first map with streets (#/?near=3.725,51.054)", nearUrl, streetsTime],
  ["time to nearest list (#/?near=3.725,51.054)", nearUrl, (page) => markTime(page, "makermap:nearest-list")],
];
for (const [label, url, measure] of measures) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const [c, w] = await coldAndWarm(url, measure);
    cold.push(c);
    warm.push(w);
  }
  console.log(`${label}:`);
  console.log(`  cold: ${fmt(cold)}, ${runs} loads`);
  console.log(`  warm: ${fmt(warm)}, ${runs} loads`);
}
await browser.close();
