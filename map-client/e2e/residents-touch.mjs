// End-to-end flows of issue 15 (continued): the wheelchair filter, and the resident flow on a phone
// by touch. Imported by run.mjs.
import { assert, assertEqual, baseUrl, graphql, settle, touchPhone } from "./harness.mjs";
import { desktop, shoot } from "./residents.mjs";

/** @typedef {import("./harness.mjs").Page} Page */
/** @typedef {import("./harness.mjs").Test} Test */

/** Gent, by the Korenmarkt: where the flows stand. */
const gent = { longitude: 3.7265, latitude: 51.0535 };

/**
 * Signs the page in as the site admin through the API (no form: the flows are about residents).
 * @param {Page} page
 */
async function signInAsAdmin(page) {
  const status = await page.evaluate(async () => {
    const response = await fetch("/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@makermap.test", password: "makermap-demo" }),
    });
    return response.status;
  });
  assertEqual(status, 200, "the admin signs in");
}

/**
 * Runs `body` while the two places nearest to Gent's Korenmarkt are marked wheelchair YES and
 * LIMITED (the seed knows no place's access), and puts their access back afterwards.
 * @param {Page} page a page on the app, signed in as nobody yet
 * @param {(accessible: { id: string, name: string, wheelchair: string }[]) => Promise<void>} body
 */
async function withAccessiblePlaces(page, body) {
  await signInAsAdmin(page);
  /** @type {{ nearestPlaces: { place: { id: string, name: string, wheelchair: string } }[] }} */
  const near = await graphql(page, "query($near: GeoPointInput!) { nearestPlaces(near: $near, first: 2) { place { id name wheelchair } } }", { near: gent });
  const before = near.nearestPlaces.map((h) => h.place);
  const accessible = before.map((p, i) => ({ ...p, wheelchair: i === 0 ? "YES" : "LIMITED" }));
  /** @param {{ id: string, wheelchair: string }[]} places */
  const setAccess = async (places) => {
    for (const { id, wheelchair } of places) {
      /** @type {{ updatePlace: { errors: { code: string }[] } }} */
      const result = await graphql(page, "mutation($input: UpdatePlaceInput!) { updatePlace(input: $input) { errors { code } } }", {
        input: { id, wheelchair },
      });
      assertEqual(result.updatePlace.errors, [], `the admin sets ${id}'s wheelchair access`);
    }
  };
  await setAccess(accessible);
  try {
    await body(accessible);
  } finally {
    await setAccess(before);
  }
}

/**
 * A thumb's swipe upwards from (x, y) over `distance` pixels, as touch events (touchstart, ten
 * touchmoves, touchend), so Chromium scrolls what is under the finger as it would on a phone.
 * @param {Page} page
 * @param {number} x
 * @param {number} y
 * @param {number} distance
 */
async function swipeUp(page, x, y, distance) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let step = 1; step <= 10; step++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y - (distance * step) / 10 }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** @type {Test[]} */
export const touchAndAccessTests = [
  [
    "the wheelchair filter keeps only places a wheelchair user can get into, on the map, the nearest list and the list view",
    async (page) => {
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      await withAccessiblePlaces(page, async (accessible) => {
        await page.goto(`${baseUrl}/#/?near=${gent.longitude},${gent.latitude}`);
        await settle(page);
        await page.waitForSelector("#nearest-list li");
        assert((await page.$$("#nearest-list li")).length > accessible.length, "without the filter the list holds more places");
        // keyboard: the checkbox is reached and toggled with Space, and keeps the focus
        await page.focus("#wheelchair-filter");
        await page.keyboard.press("Space");
        await page.waitForFunction(() => location.hash.includes("access=wheelchair") && document.body.dataset.ready === "true");
        await page.waitForFunction((count) => document.querySelectorAll("#nearest-list li").length === count, accessible.length);
        assertEqual(await page.evaluate(() => document.activeElement?.id), "wheelchair-filter", "focus stays on the checkbox");
        assertEqual(await page.isChecked("#wheelchair-filter"), true, "the checkbox is ticked");
        const described = await page.evaluate(
          () => document.getElementById(document.querySelector("#wheelchair-filter")?.getAttribute("aria-describedby") ?? "")?.textContent,
        );
        assert(described?.includes("beperkt"), `the checkbox says it includes partly accessible places: ${described}`);
        const shown = await page.$$eval("#nearest-list li", (items) => items.map((li) => li.dataset.placeId ?? ""));
        assertEqual(shown.sort(), accessible.map((p) => p.id).sort(), "the nearest list holds only the accessible places");
        const badges = await page.$$eval("#nearest-list .wheelchair-badge", (spans) => spans.map((s) => s.textContent ?? ""));
        assertEqual(badges.sort(), ["Beperkt rolstoeltoegankelijk", "Rolstoeltoegankelijk"], "each says how accessible it is");
        await page.waitForFunction(() => document.querySelector("#live-region")?.textContent?.includes("2 plekken"));
        // the map: the places tiles carry the filter (their own URL and cache entry) and draw only those places
        const tiles = await page.evaluate(() => /** @type {import("maplibre-gl").VectorTileSource} */ (window.__makermap.map.getSource("places")).tiles[0]);
        assert(tiles?.endsWith("?wheelchair=LIMITED,YES"), `the tile URL carries the filter: ${tiles}`);
        await settle(page);
        const drawn = await page.evaluate(() =>
          window.__makermap.map
            .queryRenderedFeatures({ layers: ["places", "place-clusters"] })
            .reduce((sum, f) => sum + (f.properties.point_count === undefined ? 1 : Number(f.properties.point_count)), 0),
        );
        assert(drawn >= 1 && drawn <= accessible.length, `the map draws the accessible places only (${drawn})`);
        await shoot(page, "wheelchair-filter-desktop");
        // the list view keeps the filter
        await page.click("a.button[href^='#/list']");
        await page.waitForFunction(() => location.hash.startsWith("#/list") && document.body.dataset.ready === "true");
        await page.waitForSelector(".place-table tbody tr");
        const listed = await page.$$eval(".place-table tbody th a", (links) => links.map((a) => a.textContent ?? ""));
        assert(
          listed.length >= 1 && listed.every((name) => accessible.some((p) => p.name === name)),
          `the list view lists only accessible places: ${listed.join(", ")}`,
        );
        // in French and English too
        for (const [language, label] of /** @type {const} */ ([
          ["fr", "Accessible en fauteuil roulant"],
          ["en", "Wheelchair accessible"],
        ])) {
          await page.selectOption("#language", language);
          await page.waitForFunction((text) => document.querySelector("label:has(#wheelchair-filter)")?.textContent === text, label);
        }
        await page.selectOption("#language", "nl");
        await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Wat is er stuk?");
      });
    },
  ],
  [
    "on a touch phone a tap zooms into a cluster, opens the shared marker's chooser, and works the bottom sheet",
    async (page) => {
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      await withAccessiblePlaces(page, async (accessible) => {
        const phone = await touchPhone(gent);
        try {
          const thumb = phone.page;
          await thumb.goto(`${baseUrl}/#/`);
          await settle(thumb);
          assert(await thumb.evaluate(() => navigator.maxTouchPoints > 0 && matchMedia("(pointer: coarse)").matches), "the phone has a touch screen");

          // a cluster: tapped where the canvas is on top, the map zooms to the cluster's places
          const cluster = await thumb.evaluate(() => {
            const map = window.__makermap.map;
            const canvas = map.getCanvas().getBoundingClientRect();
            for (const f of map.queryRenderedFeatures({ layers: ["place-clusters"] })) {
              const p = map.project(/** @type {[number, number]} */ (/** @type {GeoJSON.Point} */ (f.geometry).coordinates));
              const x = canvas.left + p.x;
              const y = canvas.top + p.y;
              if (document.elementFromPoint(x, y) === map.getCanvas()) return { x, y, zoom: map.getZoom() };
            }
            return null;
          });
          assert(cluster, "the first view on a phone shows a cluster to tap");
          await thumb.touchscreen.tap(cluster.x, cluster.y);
          await thumb.waitForFunction((zoom) => window.__makermap.map.getZoom() > zoom + 0.5 && !window.__makermap.map.isMoving(), cluster.zoom);
          await settle(thumb);
          await shoot(thumb, "touch-cluster-phone");

          // the marker of buurtcentrum Rooigem's three places: a tap opens the chooser, a tap on a choice opens that place
          await thumb.evaluate(() => window.__makermap.map.jumpTo({ center: [3.69725, 51.0603], zoom: 16 }));
          await settle(thumb);
          const spot = await thumb.evaluate(() => {
            const map = window.__makermap.map;
            const p = map.project([3.69725, 51.0603]);
            const canvas = map.getCanvas().getBoundingClientRect();
            return { x: canvas.left + p.x, y: canvas.top + p.y };
          });
          await thumb.touchscreen.tap(spot.x, spot.y);
          await thumb.waitForSelector(".spot-chooser .spot-choice");
          assertEqual((await thumb.$$(".spot-choice")).length, 3, "the chooser lists the three places at the spot");
          await shoot(thumb, "touch-spot-chooser-phone");
          await thumb.tap(".spot-choice >> nth=1");
          await thumb.waitForFunction(() => location.hash.startsWith("#/place/") && document.body.dataset.ready === "true");
          const chosen = await thumb.evaluate(() => decodeURIComponent(location.hash.slice("#/place/".length)));
          assert(["repair-cafe-rooigem", "naaiatelier-rooigem", "weggeefkast-rooigem"].includes(chosen), `a tap on a choice opens that place: ${chosen}`);

          // the bottom sheet: "near me" by a tap, the results in view, a swipe scrolls the sheet, not the page
          await thumb.goto(`${baseUrl}/#/`);
          await settle(thumb);
          await thumb.tap("#near-me");
          await thumb.waitForSelector("#nearest-list li");
          await thumb.waitForFunction(() => document.activeElement?.id === "nearest-heading");
          const first = await thumb.evaluate(() => document.querySelector("#nearest-list li")?.getBoundingClientRect().bottom ?? Infinity);
          assert(first <= 844, `the first result shows without scrolling (bottom at ${first})`);
          const sheet = await thumb.evaluate(() => {
            const panel = /** @type {HTMLElement} */ (document.querySelector("#panel"));
            const box = panel.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height * 0.75, scrollTop: panel.scrollTop };
          });
          await swipeUp(thumb, sheet.x, sheet.y, 250);
          await thumb.waitForFunction((before) => /** @type {HTMLElement} */ (document.querySelector("#panel")).scrollTop > before + 50, sheet.scrollTop);
          assertEqual(await thumb.evaluate(() => window.scrollY), 0, "the page itself does not scroll");
          // a category chip and the wheelchair filter by a tap
          await thumb.tap('.chip[data-category="ELECTRO"]');
          await thumb.waitForFunction(() => location.hash.includes("cat=ELECTRO") && document.body.dataset.ready === "true");
          await thumb.tap('.chip[data-category="ELECTRO"]');
          await thumb.waitForFunction(() => !location.hash.includes("cat=") && document.body.dataset.ready === "true");
          await thumb.tap("#wheelchair-filter");
          await thumb.waitForFunction(() => location.hash.includes("access=wheelchair") && document.body.dataset.ready === "true");
          await thumb.waitForFunction((count) => document.querySelectorAll("#nearest-list li").length === count, accessible.length);
          await shoot(thumb, "touch-sheet-wheelchair-phone");
          // and a result by a tap
          await thumb.tap("#nearest-list li a >> nth=0");
          await thumb.waitForFunction(() => location.hash.startsWith("#/place/") && document.body.dataset.ready === "true");
          const access = await thumb.textContent(".wheelchair");
          assert(access?.includes("oegankelijk"), `the place says its wheelchair access: ${access}`);
        } finally {
          await phone.close();
        }
      });
    },
  ],
];
