// End-to-end flows of an operator's PMTiles base map (issue 15): scripts/test.sh packs the first
// server's streets and areas into an archive (scripts/build-basemap.mjs), starts a second server with
// Basemap__PmtilesPath pointing at it and runs these with E2E_BASEMAP=1.
import { assert, baseUrl, screenshots, settle } from "./harness.mjs";

/** @typedef {import("./harness.mjs").Page} Page */
/** @typedef {import("./harness.mjs").Test} Test */

const archivePath = "/basemap/basemap.pmtiles";
/** The centre of Gent at street zoom, with BROEI in view: streets and names from the archive (it ends at zoom 14; MapLibre overzooms). */
const gentCentre = { center: /** @type {[number, number]} */ ([3.7265, 51.052]), zoom: 16 };

/**
 * Uncaught errors of the page, collected from now on.
 * @param {Page} page
 */
function pageErrors(page) {
  /** @type {string[]} */
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/**
 * What the map draws at the centre of Gent: features of the archive's source and of the built-in streets, and places.
 * @param {Page} page
 */
async function renderedAtGentCentre(page) {
  await page.evaluate((view) => window.__makermap.map.jumpTo(view), gentCentre);
  await settle(page);
  return page.evaluate(() => {
    const map = window.__makermap.map;
    const features = map.queryRenderedFeatures();
    const fromArchive = features.filter((f) => f.source === "basemap");
    return {
      hasArchiveSource: Boolean(map.getSource("basemap")),
      archiveStreets: fromArchive.filter((f) => f.sourceLayer === "streets").length,
      archiveStreetNames: [...new Set(fromArchive.filter((f) => f.layer.id === "streets-names").map((f) => String(f.properties.name)))],
      archiveLand: fromArchive.filter((f) => f.sourceLayer === "municipalities").length,
      builtInStreets: features.filter((f) => f.source === "streets").length,
      places: map.queryRenderedFeatures({ layers: ["places", "place-clusters"] }).length,
    };
  });
}

/** @type {Test[]} */
export const basemapTests = [
  [
    "a PMTiles base map hosted by the server draws the streets from the archive, read by range requests",
    async (page) => {
      const errors = pageErrors(page);
      /** @type {{ status: number, range: string | null }[]} */
      const reads = [];
      page.on("response", (response) => {
        if (new URL(response.url()).pathname === archivePath) reads.push({ status: response.status(), range: response.request().headers()["range"] ?? null });
      });
      /** @type {unknown} */
      const answer = await (await page.request.get(`${baseUrl}/client-config.json`)).json();
      const config = /** @type {{ baseMapPmtilesUrl: string | null }} */ (answer);
      assert(config.baseMapPmtilesUrl === archivePath, `the server names its archive, got ${config.baseMapPmtilesUrl}`);

      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      const drawn = await renderedAtGentCentre(page);

      assert(drawn.hasArchiveSource, "the style has the archive as its base-map source");
      assert(drawn.archiveStreets > 20, `street lines from the archive at street zoom, got ${drawn.archiveStreets}`);
      assert(drawn.archiveStreetNames.length > 0, "street names drawn from the archive");
      assert(drawn.archiveLand > 0, "the land fill from the archive's municipalities");
      assert(drawn.builtInStreets === 0, `no streets from the server's live tiles under the archive's, got ${drawn.builtInStreets}`);
      assert(drawn.places > 0, "places are drawn over the base map");
      assert(reads.length >= 3, `the header, directory and tiles read from the archive, got ${reads.length} reads`);
      const notRanges = reads.filter((read) => read.status !== 206 || !read.range?.startsWith("bytes="));
      assert(notRanges.length === 0, `every read of the archive is a range request answered 206, not: ${JSON.stringify(notRanges)}`);
      assert(errors.length === 0, `no page errors: ${errors.join(" | ")}`);
      console.log(`    ${reads.length} range requests, ${drawn.archiveStreets} street features and ${drawn.archiveStreetNames.length} names from the archive`);
      await screenshots(page, "basemap-pmtiles");
    },
  ],
  [
    "an unreachable or broken PMTiles base map leaves the built-in map with its streets and places",
    async (page) => {
      const errors = pageErrors(page);
      /** @type {[string, (route: import("playwright-core").Route) => Promise<void>][]} */
      const failures = [
        ["missing (404)", (route) => route.fulfill({ status: 404, body: "" })],
        ["network error", (route) => route.abort("connectionrefused")],
        ["not a PMTiles archive", (route) => route.fulfill({ status: 206, headers: { "content-range": "bytes 0-16383/16384" }, body: Buffer.alloc(16384, 7) })],
      ];
      for (const [failure, answer] of failures) {
        await page.unrouteAll();
        await page.route(`**${archivePath}`, answer);
        await page.goto(`${baseUrl}/#/`);
        await page.reload();
        await settle(page);
        const drawn = await renderedAtGentCentre(page);
        assert(!drawn.hasArchiveSource, `${failure}: the built-in base map, without the archive`);
        assert(drawn.builtInStreets > 20, `${failure}: the built-in streets are drawn, got ${drawn.builtInStreets}`);
        assert(drawn.places > 0, `${failure}: places are drawn`);
        assert((await page.locator(".maplibregl-canvas").count()) === 1, `${failure}: one map canvas`);
      }
      assert(errors.length === 0, `no page errors: ${errors.join(" | ")}`);
    },
  ],
  [
    "an operator's MapLibre style URL is drawn under the overlays, its pmtiles:// sources too, and an unreachable one leaves the built-in map",
    async (page) => {
      const errors = pageErrors(page);
      const styleUrl = `${baseUrl}/operator-style.json`;
      await page.route("**/client-config.json", (route) =>
        route.fulfill({ json: { externalBaseMapStyleUrl: styleUrl, baseMapPmtilesUrl: null, attribution: "MakerMap" } }),
      );
      // an operator's style drawing the server's archive through the pmtiles:// protocol
      const style = {
        version: 8,
        sources: { operator: { type: "vector", url: `pmtiles://${baseUrl}${archivePath}` } },
        layers: [
          { id: "operator-background", type: "background", paint: { "background-color": "#f2efe9" } },
          { id: "operator-roads", type: "line", source: "operator", "source-layer": "streets", paint: { "line-color": "#c33", "line-width": 2 } },
        ],
      };
      await page.route("**/operator-style.json", (route) => route.fulfill({ json: style }));
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      await renderedAtGentCentre(page);
      const operator = await page.evaluate(() => ({
        roads: window.__makermap.map.queryRenderedFeatures({ layers: ["operator-roads"] }).length,
        places: window.__makermap.map.queryRenderedFeatures({ layers: ["places", "place-clusters"] }).length,
      }));
      assert(operator.roads > 20, `the operator's roads from its pmtiles:// source, got ${operator.roads}`);
      assert(operator.places > 0, "places over the operator's base map");

      await page.unroute("**/operator-style.json");
      await page.route("**/operator-style.json", (route) => route.abort("connectionrefused"));
      await page.reload();
      await settle(page);
      const drawn = await renderedAtGentCentre(page);
      const fallback = await page.evaluate(() => Boolean(window.__makermap.map.getSource("operator")));
      assert(
        !fallback && drawn.builtInStreets > 20 && drawn.places > 0,
        `unreachable style: the built-in map with streets and places, got ${JSON.stringify(drawn)}`,
      );
      assert(errors.length === 0, `no page errors: ${errors.join(" | ")}`);
    },
  ],
];
