// Time to the first rendered places on the map (a marker or a cluster), from navigation, over a few
// cold page loads (fresh browser context each, empty cache). Used by scripts/bench-scale.sh (issue 14).
//   MAKERMAP_BENCH_URL=http://127.0.0.1:5094 node e2e/first-markers.mjs
import { launchChromium } from "./chromium.mjs";

const base = process.env.MAKERMAP_BENCH_URL ?? "http://127.0.0.1:5080";
const runs = Number(process.env.MAKERMAP_BENCH_RUNS ?? 3);
const browser = await launchChromium();

/** Milliseconds from navigation until an animation frame shows a place marker or cluster, and how many GraphQL `places` requests were made by then. */
async function measure() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let placeQueries = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/graphql") && /\bplaces\s*\(/.test(request.postData() ?? "")) placeQueries++;
  });
  await page.goto(`${base}/#/`);
  const handle = await page.waitForFunction(
    () => {
      const map = window.__makermap?.map;
      return map && map.queryRenderedFeatures({ layers: ["places", "place-clusters"] }).length > 0 ? performance.now() : false;
    },
    null,
    { polling: "raf", timeout: 120000 },
  );
  const ms = Number(await handle.jsonValue());
  const shown = await page.evaluate(() => window.__makermap.map.queryRenderedFeatures({ layers: ["places", "place-clusters"] }).length);
  await context.close();
  return { ms, shown, placeQueries };
}

/** @type {{ ms: number, shown: number, placeQueries: number }[]} */
const results = [];
for (let i = 0; i < runs; i++) results.push(await measure());
await browser.close();
const [first, ...again] = results.map((r) => Math.round(r.ms));
const sorted = [...again].sort((a, b) => a - b);
console.log(
  `time to first rendered markers: first load ${first ?? Number.NaN} ms (no tile cut yet on the server), ` +
    `then ${sorted.join(", ")} ms (tiles cached by the server; every load a fresh browser context); ` +
    `${results.at(-1)?.shown ?? 0} markers/clusters in that first frame; at most ${Math.max(...results.map((r) => r.placeQueries))} GraphQL places requests`,
);
