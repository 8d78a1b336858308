// Client timings on localhost, median of several cold page loads (fresh browser context each):
// time to the first fully rendered map (MapLibre `idle` after `load`) and to the nearest list for a
// point in the URL. Used by scripts/bench-client.sh.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

const base = process.env.MAKERMAP_BENCH_URL ?? "http://127.0.0.1:5080";
const runs = Number(process.env.MAKERMAP_BENCH_RUNS ?? 5);
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-gl=angle",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args });

/**
 * Milliseconds from navigation to the performance mark (see src/test-hooks.ts).
 * @param {string} url
 * @param {string} mark
 */
async function measure(url, mark) {
  const dir = mkdtempSync(join(tmpdir(), "makermap-bench-"));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 60000 });
  const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN, mark);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

/** @param {number[]} values */
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const mapTimes = [];
const nearestTimes = [];
for (let i = 0; i < runs; i++) {
  mapTimes.push(await measure(`${base}/#/`, "makermap:map-idle"));
  nearestTimes.push(await measure(`${base}/#/?near=3.72500,51.05400`, "makermap:nearest-list"));
}
await browser.close();
/** @param {number[]} values */
const fmt = (values) =>
  `median ${Math.round(median([...values]))} ms (min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))}, ${values.length} cold loads)`;
console.log(`time to first rendered map (idle after load): ${fmt(mapTimes)}`);
console.log(`time to nearest list (#/?near=3.725,51.054):   ${fmt(nearestTimes)}`);
