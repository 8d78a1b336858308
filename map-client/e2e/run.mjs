// End-to-end flows against a running MakerMap server (MAKERMAP_E2E_URL) with seed data and demo
// accounts: one test per user flow. `node e2e/run.mjs`; E2E_ONLY=<part of a name> runs one.
import { assert, assertEqual, baseUrl, graphql, run, settle, signIn } from "./harness.mjs";
import { residentTests } from "./residents.mjs";

/** @typedef {import("./harness.mjs").Page} Page */
/** @typedef {import("./harness.mjs").Test} Test */
// Shapes of the API answers the flows look into (their queries are written inline below).
/** @typedef {{ places: { totalCount: number, nodes: { id: string, kind: string }[] } }} PlacesAnswer */
/** @typedef {{ distanceMeters: number, place: { id: string } }} NearestHit */
/** @typedef {{ nearestPlaces: NearestHit[] }} NearestAnswer */
/** @typedef {{ id: string, status: string, resource: { id: string }, deploymentAddress: string | null, deploymentLocation: { type: string } | null }} ApiBooking */

const placesQuery = "query { places(first: 100) { totalCount nodes { id kind } } }";

/**
 * A pixel on the map canvas with no place or cluster under it.
 * @param {Page} page
 */
async function emptyMapPixel(page) {
  return page.evaluate(() => {
    const map = window.__makermap.map;
    const canvas = map.getCanvas().getBoundingClientRect();
    for (let dy = 0; dy < 200; dy += 23) {
      for (let dx = 0; dx < 200; dx += 29) {
        const x = canvas.width / 2 + dx;
        const y = canvas.height / 2 + dy;
        const hits = map.queryRenderedFeatures(
          [
            [x - 20, y - 20],
            [x + 20, y + 20],
          ],
          { layers: ["places", "place-clusters"] },
        );
        if (hits.length === 0) return { x: canvas.left + x, y: canvas.top + y };
      }
    }
    throw new Error("no empty spot on the map");
  });
}

/** @type {Test[]} */
const tests = [
  [
    "residents see a marker or cluster for every seeded place",
    async (page) => {
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      /** @type {PlacesAnswer} */
      const api = await graphql(page, placesQuery);
      assert(api.places.totalCount >= 40, `expected the seed's places, got ${api.places.totalCount}`);
      const rendered = await page.evaluate(() => {
        const features = window.__makermap.map.queryRenderedFeatures({ layers: ["places", "place-clusters"] });
        /** @type {Map<string, string>} */
        const points = new Map();
        /** @type {Map<number, number>} */
        const clusters = new Map();
        for (const f of features) {
          if (f.layer.id === "places") points.set(String(f.properties.id), String(f.properties.kind));
          else clusters.set(Number(f.properties.cluster_id), Number(f.properties.point_count));
        }
        return { points: [...points.keys()], clusteredCount: [...clusters.values()].reduce((a, b) => a + b, 0), clusters: clusters.size };
      });
      assertEqual(rendered.points.length + rendered.clusteredCount, api.places.totalCount, "rendered markers plus clustered points equal the API's places");
      assert(rendered.clusters > 0, "places are clustered at the overview zoom");
      // zoomed into Ghent, individual markers with their kind's icon appear
      await page.evaluate(() => window.__makermap.map.jumpTo({ center: [3.725, 51.054], zoom: 14 }));
      await settle(page);
      const close = await page.evaluate(() =>
        window.__makermap.map.queryRenderedFeatures({ layers: ["places"] }).map((f) => ({ id: String(f.properties.id), kind: String(f.properties.kind) })),
      );
      assert(close.length >= 3, `expected several single markers in central Ghent, got ${close.length}`);
      const byId = new Map(api.places.nodes.map((p) => [p.id, p.kind]));
      for (const marker of close) assertEqual(marker.kind, byId.get(marker.id), `marker ${marker.id} has its place's kind`);
      const areas = await page.evaluate(() => window.__makermap.map.queryRenderedFeatures({ layers: ["municipalities-line", "neighbourhoods-line"] }).length);
      assert(areas > 0, "the offline base map draws area boundaries from the vector tiles");
    },
  ],
  [
    "the nearest list for a clicked point equals the API's nearestPlaces",
    async (page) => {
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      await page.evaluate(() => window.__makermap.map.jumpTo({ center: [3.7174, 51.0543], zoom: 13 }));
      await settle(page);
      const pixel = await emptyMapPixel(page);
      await page.mouse.click(pixel.x, pixel.y);
      await page.waitForSelector("#nearest-list li");
      await settle(page);
      const near = await page.evaluate(() => new URLSearchParams(location.hash.split("?")[1]).get("near"));
      assert(near, "the clicked point is in the URL");
      const [longitude, latitude] = near.split(",").map(Number);
      const shown = await page.$$eval("#nearest-list li", (items) =>
        items.map((li) => ({ id: li.dataset.placeId, distance: li.dataset.distanceMeters, text: li.querySelector(".distance")?.textContent ?? "" })),
      );
      /** @type {NearestAnswer} */
      const api = await graphql(
        page,
        "query($near: GeoPointInput!) { nearestPlaces(near: $near, first: 10, maxDistanceMeters: 5000) { distanceMeters place { id } } }",
        {
          near: { longitude, latitude },
        },
      );
      assertEqual(
        shown.map((s) => s.id),
        api.nearestPlaces.map((h) => h.place.id),
        "same places in the same order",
      );
      assertEqual(
        shown.map((s) => s.distance),
        api.nearestPlaces.map((h) => h.distanceMeters.toFixed(1)),
        "same distances in metres",
      );
      const firstDistance = shown[0]?.text ?? "";
      assert(/\d+ m|km/.test(firstDistance), `distance shown in metres: ${firstDistance}`);
      // the category filter narrows the list the same way the API does
      await page.click('button[data-category="ELECTRO"]');
      await page.waitForFunction(() => location.hash.includes("cat=ELECTRO") && document.body.dataset.ready === "true");
      await page.waitForSelector("#nearest-list li");
      const electro = await page.$$eval("#nearest-list li", (items) => items.map((li) => li.dataset.placeId));
      /** @type {NearestAnswer} */
      const apiElectro = await graphql(
        page,
        "query($near: GeoPointInput!) { nearestPlaces(near: $near, first: 10, maxDistanceMeters: 5000, categories: [ELECTRO]) { place { id } } }",
        {
          near: { longitude, latitude },
        },
      );
      assertEqual(
        electro,
        apiElectro.nearestPlaces.map((h) => h.place.id),
        "filtered list equals the API's filtered answer",
      );
      await settle(page);
    },
  ],
  [
    "searching a neighbourhood by name gives the nearest places from there",
    async (page) => {
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      await page.fill("#search", "Dampoort");
      // suggestions list objects, then places, then neighbourhoods (issue 15)
      await page.waitForSelector(".search-results .area-suggestion");
      const first = await page.textContent(".search-results .area-suggestion");
      assert(first?.includes("Dampoort"), `the neighbourhood is found: ${first}`);
      await page.click(".search-results .area-suggestion");
      await page.waitForSelector("#nearest-list li");
      const near = await page.evaluate(() => new URLSearchParams(location.hash.split("?")[1]).get("near"));
      assert(near, "the search moved the point to the neighbourhood");
      const [longitude, latitude] = near.split(",").map(Number);
      /** @type {NearestAnswer} */
      const api = await graphql(page, "query($near: GeoPointInput!) { nearestPlaces(near: $near, first: 10, maxDistanceMeters: 5000) { place { id } } }", {
        near: { longitude, latitude },
      });
      assertEqual(
        await page.$$eval("#nearest-list li", (items) => items.map((li) => li.dataset.placeId)),
        api.nearestPlaces.map((h) => h.place.id),
        "nearest from the neighbourhood",
      );
      await settle(page);
    },
  ],
  [
    "a place's details panel shows address, sessions and a calendar link",
    async (page) => {
      await page.goto(`${baseUrl}/#/place/repair-cafe-bloemekenswijk`);
      await settle(page);
      await page.waitForSelector("#place-name");
      const name = await page.textContent("#place-name");
      /** @type {{ placeBySlug: { id: string, name: string, upcomingSessions: { start: string }[] } }} */
      const api = await graphql(page, 'query { placeBySlug(slug: "repair-cafe-bloemekenswijk") { id name upcomingSessions(first: 5) { start } } }');
      assertEqual(name, api.placeBySlug.name, "details of the linked place");
      const href = await page.getAttribute("#add-to-calendar", "href");
      assert(href, "an add-to-calendar link");
      const response = await page.evaluate(async (url) => (await fetch(url)).headers.get("content-type"), href);
      assert(response && response.startsWith("text/calendar"), `the .ics link serves a calendar (${href}: ${response})`);
      const sessions = await page.$$eval(".sessions li", (items) => items.length);
      assertEqual(sessions, api.placeBySlug.upcomingSessions.length, "every upcoming session is listed");
      // on a phone the map sits above the panel, both usable
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      const layout = await page.evaluate(() => {
        /** @param {string} id */
        const box = (id) => {
          const element = document.getElementById(id);
          if (!element) throw new Error(`no #${id}`);
          return element.getBoundingClientRect();
        };
        return { map: box("map"), panel: box("panel") };
      });
      assert(layout.map.height > 250 && layout.map.width <= 390, "the map fills the phone's width above the panel");
      assert(layout.panel.top >= layout.map.bottom - 1, "the panel follows the map");
    },
  ],
  [
    "an organisation member books the mobile give-box and sees it in the calendar",
    async (page) => {
      await page.goto(`${baseUrl}/#/organisation`);
      await page.waitForSelector("#sign-in-email");
      await signIn(page, "member@makermap.test");
      await page.waitForSelector("#resource-select");
      const resourceId = await page.$eval(
        "#resource-select",
        (/** @type {HTMLSelectElement} */ select) => [...select.options].find((o) => o.textContent?.startsWith("Mobiele weggeefkast"))?.value,
      );
      assert(resourceId, "the mobile give-box can be picked");
      await page.selectOption("#resource-select", resourceId);
      await page.waitForSelector("#week-grid");
      await page.click("#next-free");
      await page.waitForFunction(
        () => location.hash.includes("week=") && document.body.dataset.ready === "true" && document.querySelector("#week-grid .slot-free"),
      );
      await page.locator("#week-grid .slot-free").first().click();
      await page.waitForSelector("#booking-form");
      const slotId = await page.$eval(".slot.selected", (b) => b.dataset.slotId);
      await page.fill("#booking-purpose", "Buurtfeest Bloemekenswijk (e2e)");
      await page.click("#pick-on-map");
      const pixel = await emptyMapPixel(page);
      await page.mouse.click(pixel.x, pixel.y);
      await page.waitForFunction(() => document.getElementById("picked-point")?.textContent.includes(","));
      await page.fill("#deployment-address", "Jan Van Beverenplein, 9000 Gent");
      for (const box of await page.$$("input[name=requirement]")) await box.check();
      await page.click("#booking-submit");
      await page.waitForSelector(`#week-grid button[data-slot-id="${slotId}"][data-status="pending"]`, { timeout: 15000 });
      /** @type {{ viewer: { bookings: { nodes: ApiBooking[] } } }} */
      const api = await graphql(page, "query { viewer { bookings(first: 5) { nodes { id status resource { id } deploymentAddress deploymentLocation } } } }");
      const booking = api.viewer.bookings.nodes.find((b) => b.resource.id === resourceId);
      assert(booking, "the booking is in the API");
      assertEqual(booking.status, "REQUESTED", "the give-box needs approval");
      assertEqual(booking.deploymentAddress, "Jan Van Beverenplein, 9000 Gent", "deployment address sent");
      assert(booking.deploymentLocation?.type === "Point", "deployment spot sent");
      const listed = await page.$(`#my-bookings li[data-booking-id="${booking.id}"]`);
      assert(listed, "the booking is listed under 'your bookings'");
      /** @type {{ node: { remaining: number, start: string } }} */
      const slot = await graphql(page, "query($id: ID!) { node(id: $id) { ... on Slot { remaining start } } }", { id: slotId });
      assertEqual(slot.node.remaining, 0, "the slot is held by the request");
      // the city's resource manager approves it (with a bearer token, so the member's cookie stays)
      const decided = await page.evaluate(async (bookingId) => {
        /**
         * @template T
         * @param {{ query: string, variables?: Record<string, unknown> }} body
         * @param {string} [token]
         * @returns {Promise<{ data: T }>}
         */
        const post = async (body, token) => {
          const response = await fetch("/graphql", {
            method: "POST",
            headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
            credentials: token ? "omit" : "same-origin",
            body: JSON.stringify(body),
          });
          /** @type {unknown} */
          const json = await response.json();
          return /** @type {{ data: T }} */ (json);
        };
        /** @type {{ data: { signIn: { token: string } } }} */
        const signIn = await post({
          query: 'mutation { signIn(input: {email: "manager@makermap.test", password: "makermap-demo", issueToken: true}) { token errors { code } } }',
        });
        const token = signIn.data.signIn.token;
        /** @type {{ data: { decideBooking: { booking: { status: string } | null } } }} */
        const decision = await post(
          {
            query: "mutation($id: ID!) { decideBooking(input: {bookingId: $id, decision: APPROVE}) { booking { status } errors { code message } } }",
            variables: { id: bookingId },
          },
          token,
        );
        return decision;
      }, booking.id);
      assertEqual(decided.data.decideBooking.booking?.status, "CONFIRMED", `the manager approves: ${JSON.stringify(decided)}`);
      // where the mobile give-box stands on that date shows on the map
      const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date(slot.node.start));
      await page.selectOption("#deployment-resource", resourceId);
      await page.fill("#deployment-date", date);
      await page.click("#deployment-show");
      await page.waitForFunction(() => document.getElementById("deployment-result")?.textContent.includes("Jan Van Beverenplein"));
      await settle(page);
      const shown = await page.evaluate(() =>
        window.__makermap.map.queryRenderedFeatures({ layers: ["deployments"] }).map((f) => String(f.properties.address)),
      );
      assert(shown.includes("Jan Van Beverenplein, 9000 Gent"), `the deployment spot is drawn on the map: ${JSON.stringify(shown)}`);
    },
  ],
  [
    "availability changes arrive live in an open calendar without a reload",
    async (page) => {
      await page.goto(`${baseUrl}/#/organisation`);
      await page.waitForSelector("#sign-in-email");
      await signIn(page, "member@makermap.test");
      await page.waitForSelector("#resource-select");
      const resourceId = await page.$eval(
        "#resource-select",
        (/** @type {HTMLSelectElement} */ select) => [...select.options].find((o) => o.textContent?.startsWith("Caravan"))?.value,
      );
      assert(resourceId, "the caravan can be picked");
      await page.selectOption("#resource-select", resourceId);
      await page.waitForSelector("#next-free");
      await page.click("#next-free");
      await page.waitForFunction(
        () => location.hash.includes("week=") && document.body.dataset.ready === "true" && document.querySelector("#week-grid .slot-free"),
      );
      const slotId = await page.$eval("#week-grid .slot-free", (b) => b.dataset.slotId);
      await page.evaluate(() => (window.__notReloaded = true));
      await page.waitForTimeout(500); // let the subscription start
      // someone else (here: the same member from another tab) books that slot
      const other = await page.context().newPage();
      await other.goto(`${baseUrl}/healthz`);
      /** @type {{ viewer: { memberships: { organisation: { id: string } }[] } }} */
      const org = await graphql(other, "query { viewer { memberships { organisation { id } } } }");
      /** @type {{ requestBooking: { errors: unknown[] } }} */
      const result = await graphql(
        other,
        "mutation($input: RequestBookingInput!) { requestBooking(input: $input) { booking { id status } errors { code message } } }",
        {
          input: {
            resourceId,
            slotId,
            organisationId: org.viewer.memberships[0]?.organisation.id,
            deploymentLocation: { longitude: 3.74, latitude: 51.06 },
            confirmedRequirements: ["tow_hitch", "extra_number_plates"],
            idempotencyKey: `e2e-live-${Date.now()}`,
          },
        },
      );
      assertEqual(result.requestBooking.errors, [], "the other tab's booking succeeds");
      await other.close();
      await page.waitForSelector(`#week-grid button[data-slot-id="${slotId}"]:not([data-status="free"])`, { timeout: 15000 });
      assert(await page.evaluate(() => window.__notReloaded === true), "the page was not reloaded");
      const live = await page.textContent("#live-status");
      assert(live?.includes("bijgewerkt"), `the change is announced: ${live}`);
    },
  ],
  [
    "the planner's coverage figures equal the API's coverage report",
    async (page) => {
      await page.goto(`${baseUrl}/#/planner`);
      await page.waitForSelector("#sign-in-email");
      await signIn(page, "planner@makermap.test");
      await page.waitForSelector("#planner-area");
      await page.fill("#planner-area", "Gent");
      await page.click('#planner-area-results button[data-code="44021"]');
      await page.waitForSelector("#coverage-results");
      await page.fill("#planner-distance", "800");
      await page.dispatchEvent("#planner-distance", "change");
      await page.waitForFunction(() => location.hash.includes("d=800") && document.body.dataset.ready === "true");
      await page.waitForSelector("#coverage-results");
      await settle(page);
      const figures = await page.$$eval("[data-figure]", (items) =>
        Object.fromEntries(items.map((d) => /** @type {[string, number]} */ ([d.dataset.figure ?? "", Number(d.dataset.value)]))),
      );
      const input = await page.evaluate(() => window.__makermapCoverage.input);
      assertEqual(input.area, { municipalityCode: "44021" }, "the chosen area is Ghent");
      assertEqual(input.maxDistanceMeters, 800, "the chosen distance");
      /** @type {{ coverage: { population: number, coveredPopulation: number, coveredShare: number, placesConsidered: number, rows: { area: { code: string } }[], suggestedSites: { rank: number }[] } }} */
      const api = await graphql(
        page,
        "query($input: CoverageInput!) { coverage(input: $input) { population coveredPopulation coveredShare placesConsidered rows { area { code } } suggestedSites(count: 5) { rank } } }",
        { input },
      );
      const report = api.coverage;
      assertEqual(
        figures,
        {
          population: report.population,
          coveredPopulation: report.coveredPopulation,
          uncoveredPopulation: report.population - report.coveredPopulation,
          coveredShare: report.coveredShare,
          placesConsidered: report.placesConsidered,
        },
        "figures on screen equal the API",
      );
      assertEqual(
        await page.$$eval("#coverage-rows tbody tr", (rows) => rows.map((r) => r.dataset.code)),
        report.rows.map((r) => r.area.code),
        "one row per sub-area, same order",
      );
      assertEqual(await page.$$eval("#suggested-sites li", (items) => items.length), report.suggestedSites.length, "suggested sites listed");
      /** @type {[link: string, type: string][]} */
      const downloads = [
        ["#export-csv", "text/csv"],
        ["#export-geojson", "application/geo+json"],
      ];
      for (const [link, type] of downloads) {
        const href = await page.getAttribute(link, "href");
        assert(href, `${link} has a link`);
        const served = await page.evaluate(async (url) => {
          const r = await fetch(url);
          return { status: r.status, type: r.headers.get("content-type") };
        }, href);
        assert(served.status === 200 && served.type?.startsWith(type), `${link} downloads ${type}: ${JSON.stringify(served)}`);
      }
      const firstRow = report.rows[0];
      assert(firstRow, "the report has rows");
      const ratio = await page.evaluate((code) => {
        /** @type {unknown} MapLibre types feature state as any */
        const state = window.__makermap.map.getFeatureState({ source: "sectors", sourceLayer: "sectors", id: code });
        return typeof state === "object" && state !== null && "ratio" in state ? state.ratio : undefined;
      }, firstRow.area.code);
      assert(typeof ratio === "number", "the choropleth colours sectors by their code");
      const coloured = await page.evaluate(
        () => window.__makermap.map.queryRenderedFeatures({ layers: ["sectors-coverage"] }).filter((f) => typeof f.state.ratio === "number").length,
      );
      assert(coloured > 0, "coloured sectors are rendered");
    },
  ],
  [
    "the list view works with the keyboard alone",
    async (page) => {
      await page.goto(`${baseUrl}/#/list`);
      await settle(page);
      /** @type {PlacesAnswer} */
      const api = await graphql(page, placesQuery);
      assertEqual(await page.$$eval(".place-table tbody tr", (rows) => rows.length), api.places.totalCount, "every place is in the table");
      // Tab from the top of the page to the first place link, then Enter opens its details
      let focused = "";
      for (let i = 0; i < 60 && !focused.startsWith("place:"); i++) {
        await page.keyboard.press("Tab");
        focused = await page.evaluate(() =>
          document.activeElement?.closest(".place-table") ? `place:${document.activeElement.textContent}` : (document.activeElement?.tagName ?? ""),
        );
      }
      assert(focused.startsWith("place:"), "a place link is reachable with Tab");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#place-name");
      assertEqual(`place:${await page.textContent("#place-name")}`, focused, "Enter opens that place's details");
      assert(await page.$("[aria-live=polite]"), "a live region announces results to screen readers");
    },
  ],
  [
    "the language switch is remembered and translates the interface",
    async (page) => {
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      assertEqual(await page.textContent("h1"), "Wat is er stuk?", "Dutch first");
      await page.selectOption("#language", "fr");
      await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Qu’est-ce qui est cassé ?");
      await page.reload();
      await settle(page);
      assertEqual(await page.textContent("h1"), "Qu’est-ce qui est cassé ?", "French kept after a reload");
      assertEqual(await page.getAttribute("html", "lang"), "fr", "document language follows");
      await page.selectOption("#language", "nl");
    },
  ],
];

const { failed } = await run([...tests, ...residentTests]);
process.exit(failed > 0 ? 1 : 0);
