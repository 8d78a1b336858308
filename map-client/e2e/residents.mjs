// End-to-end flows of issue 15 (residents: street map, place page, find by object, relevance,
// co-located places, phone layout, accessibility). Imported by run.mjs; each flow also writes
// screenshots of what it checked on desktop (1366×800) and phone (390×844) to test-results/.
import { join } from "node:path";

import { AxeBuilder } from "@axe-core/playwright";

import { assert, assertEqual, baseUrl, graphql, screenshotDir, settle } from "./harness.mjs";

/** @typedef {import("./harness.mjs").Page} Page */
/** @typedef {import("./harness.mjs").Test} Test */

export const desktop = { width: 1366, height: 800 };
export const phone = { width: 390, height: 844 };

/**
 * @param {Page} page
 * @param {string} name
 */
export async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `issue15-${name}.png`) });
}

/** @type {Test[]} */
export const residentTests = [
  [
    "at street zoom in Gent the map draws streets and their names from the seed network",
    async (page) => {
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      // around the Korenmarkt and Sint-Baafsplein
      await page.evaluate(() => window.__makermap.map.jumpTo({ center: [3.7245, 51.0535], zoom: 16.5 }));
      await settle(page);
      const rendered = await page.evaluate(() => {
        const map = window.__makermap.map;
        const names = map.queryRenderedFeatures({ layers: ["streets-names"] }).map((f) => String(f.properties.name));
        const lines = map.queryRenderedFeatures({ layers: ["streets-minor", "streets-secondary", "streets-major", "streets-path"] }).length;
        return { names: [...new Set(names)], lines };
      });
      assert(rendered.lines > 20, `expected street lines at street zoom, got ${rendered.lines}`);
      const known = ["Korenmarkt", "Sint-Baafsplein", "Limburgstraat", "Botermarkt", "Hoogpoort", "Belfortstraat", "Cataloniëstraat", "Emile Braunplein"];
      assert(
        rendered.names.some((n) => known.includes(n)),
        `expected a street name of the centre among the rendered labels, got ${rendered.names.slice(0, 12).join(", ")}`,
      );
      const credit = await page.textContent(".maplibregl-ctrl-attrib");
      assert(credit?.includes("© OpenStreetMap contributors"), "the OpenStreetMap credit is shown");
      await shoot(page, "streets-desktop");
      await page.setViewportSize(phone);
      await settle(page);
      await shoot(page, "streets-phone");
    },
  ],
  [
    "the first view fits Flanders and Brussels, not the Netherlands",
    async (page) => {
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      const view = await page.evaluate(() => {
        const map = window.__makermap.map;
        /** @type {[[number, number], [number, number]]} */
        const flanders = [
          [2.54, 50.68],
          [5.92, 51.51],
        ];
        return { zoom: map.getZoom(), fit: map.cameraForBounds(flanders)?.zoom ?? 0, bounds: map.getBounds().toArray() };
      });
      // fitting every place would zoom out to take in Rotterdam; the first view is as close as Flanders allows
      assert(view.zoom >= view.fit - 0.05, `the first view is zoomed to Flanders (zoom ${view.zoom}, Flanders fits at ${view.fit})`);
      assert(view.bounds[0][0] < 2.6 && view.bounds[1][0] > 5.85, `the first view holds Flanders from the coast to Limburg (${JSON.stringify(view.bounds)})`);
      const credit = await page.isVisible(".maplibregl-ctrl-attrib-inner");
      assert(!credit, "the credit line starts folded so it does not cover the map");
      await shoot(page, "first-view-desktop");
    },
  ],
  [
    "a place page gets people there: route links with its coordinates, plain-words location, one session to the calendar",
    async (page) => {
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/place/repair-cafe-rooigem`);
      await settle(page);
      /** @type {{ placeBySlug: { coordinates: { longitude: number, latitude: number }, upcomingSessions: { id: string }[] } }} */
      const api = await graphql(
        page,
        'query { placeBySlug(slug: "repair-cafe-rooigem") { coordinates { longitude latitude } upcomingSessions(first: 5) { id } } }',
      );
      const { longitude, latitude } = api.placeBySlug.coordinates;
      const google = await page.getAttribute("#route-google", "href");
      const osm = await page.getAttribute("#route-osm", "href");
      const geo = await page.getAttribute("#route-geo", "href");
      assert(google?.includes(`destination=${latitude}%2C${longitude}`), `the Google Maps link carries the coordinates: ${google}`);
      assert(osm?.includes(`route=%3B${latitude}%2C${longitude}`), `the OpenStreetMap link carries the coordinates: ${osm}`);
      assert(geo?.startsWith(`geo:${latitude},${longitude}`), `the geo: link carries the coordinates: ${geo}`);
      const text = (await page.textContent("article.details")) ?? "";
      assert(text.includes("in de buurt Rooigem"), "the approximate location is explained in plain words");
      assert(!text.includes("44021A531") && !text.includes("interior point"), "no raw sector code or maintainer note");
      assert(!text.includes("Openingsuren onbekend"), "a repair café with sessions does not say its hours are unknown");
      assert(text.includes("Repair café in het buurtcentrum Rooigem"), "the description is in Dutch");
      assertEqual(await page.evaluate(() => document.activeElement?.id), "place-name", "focus is on the place's name");
      const sessionLinks = await page.$$eval("a.add-session", (links) => links.map((a) => a.getAttribute("href") ?? ""));
      assertEqual(sessionLinks.length, api.placeBySlug.upcomingSessions.length, "one add-to-calendar per upcoming session");
      if (sessionLinks[0]) {
        const ics = await page.evaluate(async (href) => (await fetch(href)).text(), sessionLinks[0]);
        assertEqual((ics.match(/BEGIN:VEVENT/g) ?? []).length, 1, "a session's calendar file holds one event");
      }
      await shoot(page, "place-desktop");
      await page.setViewportSize(phone);
      await settle(page);
      await shoot(page, "place-phone");
      await page.selectOption("#language", "fr");
      await page.waitForFunction(() => document.querySelector("article.details")?.textContent?.includes("Repair café dans le centre de quartier Rooigem"));
      const french = (await page.textContent("article.details")) ?? "";
      assert(french.includes("dans le quartier Rooigem"), "the approximate location in French");
      await page.selectOption("#language", "nl");
    },
  ],
  [
    "a description only in English is marked as not translated",
    async (page) => {
      await page.goto(`${baseUrl}/#/place/timelab`);
      await settle(page);
      const marker = await page.textContent(".fallback-language");
      assert(marker?.includes("Engels"), `the fallback language is named: ${marker}`);
      assertEqual(await page.getAttribute(".description p", "lang"), "en", "the English text is marked lang=en for screen readers");
    },
  ],
  [
    "finding by object: grille-pain in French selects electro; toaster suggests the category before any neighbourhood",
    async (page) => {
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      await page.selectOption("#language", "fr");
      await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Qu’est-ce qui est cassé ?");
      await page.fill("#search", "grille-pain");
      await page.waitForSelector(".object-suggestion");
      assertEqual(await page.getAttribute(".search-results button >> nth=0", "data-category"), "ELECTRO", "the first suggestion is the electro category");
      await shoot(page, "find-by-object-desktop");
      await page.click(".object-suggestion >> nth=0");
      await settle(page);
      assert((await page.evaluate(() => location.hash)).includes("cat=ELECTRO"), "the URL carries the category");
      assertEqual(await page.getAttribute('.chip[data-category="ELECTRO"]', "aria-pressed"), "true", "the electro chip is pressed");
      await page.selectOption("#language", "nl");
      await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Wat is er stuk?");
      /** @type {[string, string][]} */
      const expectations = [
        ["toaster", "ELECTRO"],
        ["broodrooster", "ELECTRO"],
        ["jeans", "TEXTILE"],
        ["fietsband", "BICYCLE"],
        ["laptop", "COMPUTERS"],
      ];
      for (const [query, category] of expectations) {
        await page.fill("#search", "");
        await page.fill("#search", query);
        // the suggestions render at once, objects with the server's places and areas
        await page.waitForFunction((q) => document.querySelector(".search-results .object-suggestion")?.textContent?.toLowerCase().includes(q), query);
        const buttons = await page.$$eval(".search-results button", (list) =>
          list.map((b) => ({ text: b.textContent ?? "", category: b.getAttribute("data-category") })),
        );
        assertEqual(buttons[0]?.category, category, `${query}: the repair category comes first`);
        assert(!buttons.some((b) => b.text.startsWith("Kaster")), `${query}: no fuzzy neighbourhood such as Kaster`);
      }
      await page.setViewportSize(phone);
      await shoot(page, "find-by-object-phone");
    },
  ],
  [
    "after In mijn buurt focus is on the results heading, and on a phone the results show without scrolling",
    async (page) => {
      for (const [viewport, name] of /** @type {const} */ ([
        [desktop, "near-me-desktop"],
        [phone, "near-me-phone"],
      ])) {
        await page.setViewportSize(viewport);
        await page.context().grantPermissions(["geolocation"], { origin: baseUrl });
        await page.context().setGeolocation({ longitude: 3.7265, latitude: 51.0535 });
        await page.goto(`${baseUrl}/#/`);
        await settle(page);
        await page.click("#near-me");
        await page.waitForSelector("#nearest-list li");
        await settle(page);
        await page.waitForFunction(() => document.activeElement?.id === "nearest-heading");
        const box = await page.evaluate(() => {
          const first = document.querySelector("#nearest-list li")?.getBoundingClientRect();
          return first ? { top: first.top, bottom: first.bottom } : null;
        });
        assert(box && box.top >= 0 && box.bottom <= viewport.height, `the first result is on screen (${JSON.stringify(box)})`);
        const live = await page.textContent("#live-region");
        assert(live?.includes("dichtstbij eerst"), `the result count is announced: ${live}`);
        await shoot(page, name);
      }
    },
  ],
  [
    "far from every place the radius widens and says how far the nearest is; Dutch places stay out of Flemish results",
    async (page) => {
      await page.setViewportSize(desktop);
      // Ieper: nothing within 5 km
      await page.goto(`${baseUrl}/#/?near=2.8850,50.8510`);
      await settle(page);
      await page.waitForSelector("#nearest-list li");
      /** @type {{ nearestPlaces: { distanceMeters: number, place: { id: string, address: { countryCode: string } | null } }[] }} */
      const api = await graphql(
        page,
        "query { nearestPlaces(near: { longitude: 2.885, latitude: 50.851 }, first: 50) { distanceMeters place { id address { countryCode } } } }",
      );
      const nearestKm = Math.round((api.nearestPlaces[0]?.distanceMeters ?? 0) / 1000);
      const widened = (await page.textContent(".widened")) ?? "";
      assert(widened.includes("Niets binnen 5 km"), `the list says nothing is within 5 km: ${widened}`);
      assert(widened.includes(`${nearestKm} km`), `the list says the nearest is ${nearestKm} km away: ${widened}`);
      await shoot(page, "widened-desktop");
      // Genk: Eindhoven is closer than most Flemish places, but not in the list
      await page.goto(`${baseUrl}/#/?near=5.5000,50.9700`);
      await settle(page);
      await page.waitForSelector("#nearest-list li");
      /** @type {{ nearestPlaces: { place: { id: string, address: { countryCode: string } | null } }[] }} */
      const genk = await graphql(
        page,
        "query { nearestPlaces(near: { longitude: 5.5, latitude: 50.97 }, first: 50) { place { id address { countryCode } } } }",
      );
      const dutch = genk.nearestPlaces.filter((h) => h.place.address?.countryCode === "NL").map((h) => h.place.id);
      assert(dutch.length > 0, "the seed has Dutch places to leave out");
      const shown = await page.$$eval("#nearest-list li", (items) => items.map((li) => li.dataset.placeId ?? ""));
      assert(!shown.some((id) => dutch.includes(id)), "no Dutch place in the list from Genk");
      // and from Eindhoven itself they are there
      await page.goto(`${baseUrl}/#/?near=5.4600,51.4400`);
      await settle(page);
      await page.waitForSelector("#nearest-list li");
      const there = await page.$$eval("#nearest-list li", (items) => items.map((li) => li.dataset.placeId ?? ""));
      assert(
        there.some((id) => dutch.includes(id)),
        "panning to the Netherlands shows its places",
      );
    },
  ],
  [
    "the nearest list sorts by next session and marks unconfirmed sessions",
    async (page) => {
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/?near=3.7265,51.0535`);
      await settle(page);
      await page.waitForSelector("#nearest-list li");
      assert((await page.$$(".unconfirmed-badge")).length > 0, "the seed's unverified sessions are marked");
      await page.focus("#nearest-sort");
      await page.selectOption("#nearest-sort", "session");
      await page.waitForFunction(() => location.hash.includes("sort=session") && document.body.dataset.ready === "true");
      await page.waitForSelector("#nearest-list li");
      assertEqual(await page.evaluate(() => document.activeElement?.id), "nearest-sort", "focus stays on the sort control");
      const first = await page.textContent("#nearest-list li .opening");
      assert(first?.includes("sessie") || first?.includes("Nu bezig"), `the first place has the next session: ${first}`);
    },
  ],
  [
    "axe finds no serious or critical violation on any route, desktop and phone",
    async (page) => {
      const routes = ["#/", "#/?near=3.7265,51.0535", "#/list", "#/place/repair-cafe-rooigem", "#/organisation", "#/planner"];
      /** @type {string[]} */
      const problems = [];
      for (const viewport of [desktop, phone]) {
        await page.setViewportSize(viewport);
        for (const route of routes) {
          await page.goto(`${baseUrl}/${route}`);
          await settle(page);
          const results = await new AxeBuilder({ page }).analyze();
          for (const v of results.violations) {
            if (v.impact === "serious" || v.impact === "critical") {
              problems.push(`${viewport.width}px ${route}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
            }
          }
        }
      }
      assert(problems.length === 0, `axe violations:\n${problems.join("\n")}`);
    },
  ],
  [
    "the three places of buurtcentrum Rooigem are each reachable by mouse and by keyboard",
    async (page) => {
      const rooigem = ["repair-cafe-rooigem", "naaiatelier-rooigem", "weggeefkast-rooigem"];
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      await page.evaluate(() => window.__makermap.map.jumpTo({ center: [3.69725, 51.0603], zoom: 16 }));
      await settle(page);
      // mouse: a click on the shared marker opens a chooser listing all three
      const pixel = await page.evaluate(() => {
        const map = window.__makermap.map;
        const p = map.project([3.69725, 51.0603]);
        const canvas = map.getCanvas().getBoundingClientRect();
        return { x: canvas.left + p.x, y: canvas.top + p.y };
      });
      /** @type {Map<string, string>} */
      const reached = new Map();
      for (const slug of rooigem) {
        await page.mouse.click(pixel.x, pixel.y);
        await page.waitForSelector(".spot-chooser .spot-choice");
        const choices = await page.$$eval(".spot-choice", (buttons) => buttons.map((b) => b.textContent ?? ""));
        assertEqual(choices.length, 3, "the chooser lists the three places at the spot");
        assertEqual(await page.evaluate(() => document.activeElement?.className), "spot-choice", "focus moves into the chooser");
        if (slug === rooigem[0]) await shoot(page, "spot-chooser-desktop");
        const index = rooigem.indexOf(slug);
        await page.click(`.spot-choice >> nth=${index}`);
        await page.waitForFunction(() => location.hash.startsWith("#/place/") && document.body.dataset.ready === "true");
        await settle(page);
        reached.set(await page.evaluate(() => decodeURIComponent(location.hash.slice("#/place/".length))), (await page.textContent("#place-name")) ?? "");
        await page.goBack();
        await settle(page);
        await page.evaluate(() => window.__makermap.map.jumpTo({ center: [3.69725, 51.0603], zoom: 16 }));
        await settle(page);
      }
      assertEqual([...reached.keys()].sort(), [...rooigem].sort(), "each place opened from the chooser");
      // keyboard: a place page lists the others at its spot as links, reachable with Tab and Enter
      await page.goto(`${baseUrl}/#/place/repair-cafe-rooigem`);
      await settle(page);
      const links = await page.$$eval(".same-spot a", (as) => as.map((a) => a.getAttribute("href")));
      assertEqual(links.sort(), ["#/place/naaiatelier-rooigem", "#/place/weggeefkast-rooigem"], "the other two are linked from the page");
      let focused = "";
      for (let i = 0; i < 30 && !focused.includes("naaiatelier-rooigem"); i++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? "");
      }
      assertEqual(focused, "#/place/naaiatelier-rooigem", "Tab reaches the sewing atelier's link");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => location.hash === "#/place/naaiatelier-rooigem" && document.body.dataset.ready === "true");
      assertEqual(await page.textContent("#place-name"), "Naaiatelier buurtcentrum Rooigem", "Enter opens it");
    },
  ],
  [
    "the map has a legend of kinds and names beside the markers at street zoom",
    async (page) => {
      await page.setViewportSize(desktop);
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      assert(!(await page.isVisible(".map-legend li")), "the legend starts folded");
      await page.click(".map-legend summary");
      const kinds = await page.$$eval(".map-legend li", (items) => items.map((li) => li.textContent ?? ""));
      assert(kinds.length === 9 && kinds.includes("Repair Café"), `the legend lists every kind: ${kinds.join(", ")}`);
      await page.evaluate(() => window.__makermap.map.jumpTo({ center: [3.7265, 51.0535], zoom: 16 }));
      await settle(page);
      const labels = await page.evaluate(() => window.__makermap.map.queryRenderedFeatures({ layers: ["place-labels"] }).map((f) => String(f.properties.name)));
      assert(labels.includes("BROEI (Geeraard de Duivelsteen)"), `the marker's name is drawn beside it: ${labels.join(", ")}`);
      await shoot(page, "legend-labels-desktop");
      await page.setViewportSize(phone);
      await settle(page);
      await shoot(page, "legend-labels-phone");
    },
  ],
];
