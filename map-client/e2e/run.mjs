// End-to-end flows against a running MakerMap server (MAKERMAP_E2E_URL) with seed data and demo
// accounts: one test per user flow. `node e2e/run.mjs`; E2E_ONLY=<part of a name> runs one.
import { basemapTests } from "./basemap.mjs";
import { seriesTests } from "./booking-series.mjs";
import { assert, assertEqual, baseUrl, graphql, run, screenshots, secondPerson, settle, signIn, signInForGiveBox } from "./harness.mjs";
import { residentTests } from "./residents.mjs";
import { touchAndAccessTests } from "./residents-touch.mjs";

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

/**
 * Signs in on #/organisation and opens the mobile give-box's first week with a free period.
 * @param {Page} page
 * @param {string} email
 * @returns {Promise<string>} the give-box's resource id
 */
async function openGiveBox(page, email) {
  const resourceId = await signInForGiveBox(page, email);
  await page.selectOption("#resource-select", resourceId);
  await page.waitForSelector("#week-grid");
  await page.click("#next-free");
  await page.waitForFunction(
    () => location.hash.includes("week=") && document.body.dataset.ready === "true" && document.querySelector("#week-grid .slot-free"),
  );
  return resourceId;
}

/**
 * The member's first organisation and a request of the give-box through the API (the member's cookie).
 * @param {Page} page
 * @param {Record<string, unknown>} input
 * @returns {Promise<{ id: string, status: string }>}
 */
async function requestThroughApi(page, input) {
  /** @type {{ viewer: { memberships: { organisation: { id: string } }[] } }} */
  const org = await graphql(page, "query { viewer { memberships { organisation { id } } } }");
  /** @type {{ requestBooking: { booking: { id: string, status: string } | null, errors: unknown[] } }} */
  const result = await graphql(
    page,
    "mutation($input: RequestBookingInput!) { requestBooking(input: $input) { booking { id status } errors { code message } } }",
    {
      input: {
        organisationId: org.viewer.memberships[0]?.organisation.id,
        deploymentLocation: { longitude: 3.71, latitude: 51.07 },
        deploymentAddress: "Bloemekenswijk, 9000 Gent",
        confirmedRequirements: ["van"],
        ...input,
      },
    },
  );
  assertEqual(result.requestBooking.errors, [], "the request is accepted");
  assert(result.requestBooking.booking, "a booking came back");
  return result.requestBooking.booking;
}

/**
 * A Saturday shown in the open week: the day a free part of the weekend slot is drawn on.
 * @param {Page} page
 */
async function freeSaturday(page) {
  const day = await page.$$eval("#week-grid .slot-free", (buttons) =>
    buttons.map((b) => b.dataset.day ?? "").find((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 6),
  );
  assert(day, "the open week shows a free Saturday");
  return day;
}

/**
 * Shows `day` in the calendar's day view (the shown column; previous / next day until it is that date).
 * @param {Page} page
 * @param {string} day Brussels date
 */
async function showDay(page, day) {
  for (let i = 0; i < 8; i++) {
    const shown = await page.$eval("#week-grid .grid-day.phone-day", (d) => /** @type {HTMLElement} */ (d).dataset.date ?? "");
    if (shown === day) return;
    await page.click(shown < day ? "#next-day" : "#prev-day");
    await page.waitForFunction((before) => document.querySelector("#week-grid .grid-day.phone-day")?.getAttribute("data-date") !== before, shown);
  }
  throw new Error(`the day view did not reach ${day}`);
}

/**
 * Drags with the mouse down the shown day column from one Brussels wall-clock time to another.
 * @param {Page} page
 * @param {number} fromMinute
 * @param {number} toMinute
 */
async function dragOnShownDay(page, fromMinute, toMinute) {
  // the panel scrolls, not the page: bring the middle of the period to the middle of the screen first
  await page.evaluate(
    (middle) => {
      const column = document.querySelector("#week-grid .grid-day.phone-day");
      if (!column) throw new Error("no day column");
      const marker = document.createElement("div");
      marker.style.cssText = `position:absolute;top:${(middle / 1440) * 100}%;height:1px;width:1px`;
      column.append(marker);
      marker.scrollIntoView({ block: "center" });
      marker.remove();
    },
    (fromMinute + toMinute) / 2,
  );
  const box = await page.locator("#week-grid .grid-day.phone-day").boundingBox();
  assert(box, "the day column is on screen");
  const x = box.x + box.width / 2;
  const y = (/** @type {number} */ minute) => box.y + (box.height * minute) / 1440;
  await page.mouse.move(x, y(fromMinute));
  await page.mouse.down();
  await page.mouse.move(x, y(toMinute), { steps: 8 });
  await page.mouse.up();
}

/** @type {Test[]} */
const workflowTests = [
  [
    "a member requests the give-box for Saturday 10:00-17:00 by clicking it; the manager approves it in the queue; the member sees it confirmed live",
    async (page) => {
      const resourceId = await openGiveBox(page, "member@makermap.test");
      const saturday = await freeSaturday(page);
      const saturdayBlock = `#week-grid .slot-free[data-day="${saturday}"]`;
      const saturdayEnd = await page.getAttribute(saturdayBlock, "data-end");
      await page.click(saturdayBlock);
      await page.waitForSelector("#booking-form");
      assertEqual(await page.inputValue("#booking-start"), `${saturday}T00:00`, "clicking Saturday chooses Saturday, not the whole weekend");
      assertEqual(await page.inputValue("#booking-end"), saturdayEnd, "the form ends where the clicked Saturday block ends");
      await page.fill("#booking-start", `${saturday}T10:00`);
      await page.fill("#booking-end", `${saturday}T17:00`);
      await page.fill("#booking-purpose", "Buurtfeest (e2e queue)");
      await page.click("#pick-on-map");
      const pixel = await emptyMapPixel(page);
      await page.mouse.click(pixel.x, pixel.y);
      await page.waitForFunction(() => document.getElementById("picked-point")?.textContent.includes(","));
      await page.fill("#deployment-address", "Jan Van Beverenplein, 9000 Gent");
      for (const box of await page.$$("input[name=requirement]")) await box.check();
      await screenshots(page, "issue16-booking-form", "#booking-form");
      // the manager has the queue open before the request is sent: it must arrive there live
      const manager = await secondPerson();
      await manager.page.goto(`${baseUrl}/#/organisation`);
      await manager.page.waitForSelector("#sign-in-email");
      await signIn(manager.page, "manager@makermap.test");
      await manager.page.waitForSelector("#queue-heading");
      await manager.page.evaluate(() => (window.__notReloaded = true));
      await manager.page.waitForTimeout(500); // let the queue's subscription start
      await page.click("#booking-submit");
      await page.waitForFunction(() => document.getElementById("booking-note")?.textContent?.includes("verstuurd"));
      /** @type {{ viewer: { bookings: { nodes: (ApiBooking & { start: string, end: string })[] } } }} */
      const mine = await graphql(page, "query { viewer { bookings(first: 5) { nodes { id status start end resource { id } } } } }");
      const booking = mine.viewer.bookings.nodes.find((b) => b.resource.id === resourceId && b.status === "REQUESTED");
      assert(booking, "the request is in the API");
      const brussels = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Brussels", dateStyle: "short", timeStyle: "short" });
      assertEqual(
        [brussels.format(new Date(booking.start)), brussels.format(new Date(booking.end))],
        [`${saturday} 10:00`, `${saturday} 17:00`],
        "exactly Saturday 10:00-17:00 Brussels time was requested",
      );
      await screenshots(page, "issue16-request-sent", "#booking-note");
      await page.evaluate(() => (window.__notReloaded = true));

      try {
        const row = `#approval-queue li[data-booking-id="${booking.id}"]`;
        await manager.page.waitForSelector(row, { timeout: 15000 });
        assert(await manager.page.evaluate(() => window.__notReloaded === true), "the new request appeared in the open queue without a reload");
        const arrived = await manager.page.textContent("#queue-status");
        assert(arrived?.includes("Nieuwe aanvraag"), `the manager is told a request arrived: ${arrived}`);
        await screenshots(manager.page, "issue16-queue-live", row);
        const text = (await manager.page.textContent(row)) ?? "";
        for (const part of ["Mobiele weggeefkast", "10:00", "17:00", "Jan Van Beverenplein", "A van to move the give-box", "om te beslissen"])
          assert(text.includes(part), `the queue shows ${part}: ${text}`);
        await screenshots(manager.page, "issue16-approval-queue", row);
        await manager.page.click(`${row} button.approve`);
        await manager.page.waitForSelector(row, { state: "detached" });
      } finally {
        await manager.close();
      }
      await page.waitForSelector(`#my-bookings li[data-booking-id="${booking.id}"][data-status="CONFIRMED"]`, { timeout: 15000 });
      assert(await page.evaluate(() => window.__notReloaded === true), "the page was not reloaded");
      // the note follows the same live update as the list, possibly a moment later
      await page
        .waitForFunction(() => document.querySelector("#booking-note")?.textContent?.includes("bevestigd"), undefined, { timeout: 10000 })
        .catch(() => undefined);
      const note = await page.textContent("#booking-note");
      assert(note?.includes("bevestigd"), `the member is told: ${note}`);
      await screenshots(page, "issue16-confirmed-live", `#my-bookings li[data-booking-id="${booking.id}"]`);
      // the approved give-box now stands at its spot on that Saturday, on the map
      await page.selectOption("#deployment-resource", resourceId);
      await page.fill("#deployment-date", saturday);
      await page.click("#deployment-show");
      await page.waitForFunction(() => document.getElementById("deployment-result")?.textContent.includes("Jan Van Beverenplein"));
      await settle(page);
      const drawn = await page.evaluate(() =>
        window.__makermap.map.queryRenderedFeatures({ layers: ["deployments"] }).map((f) => String(f.properties.address)),
      );
      assert(drawn.includes("Jan Van Beverenplein, 9000 Gent"), `the approved give-box's spot is on the map for ${saturday}: ${JSON.stringify(drawn)}`);
      await screenshots(page, "issue16-approved-spot-on-map", "#deployment-result");
    },
  ],
  [
    "a manager declines a request with a reason and the member sees the reason",
    async (page) => {
      const resourceId = await openGiveBox(page, "member@makermap.test");
      const saturday = await freeSaturday(page);
      const booking = await requestThroughApi(page, { resourceId, start: `${saturday}T09:00:00+01:00`, end: `${saturday}T15:00:00+01:00` });
      await page.reload();
      await page.waitForSelector(`#my-bookings li[data-booking-id="${booking.id}"][data-status="REQUESTED"]`);
      const manager = await secondPerson();
      try {
        await manager.page.goto(`${baseUrl}/#/organisation`);
        await manager.page.waitForSelector("#sign-in-email");
        await signIn(manager.page, "manager@makermap.test");
        const row = `#approval-queue li[data-booking-id="${booking.id}"]`;
        await manager.page.waitForSelector(row);
        await manager.page.click(`${row} button.decline`);
        const refused = await manager.page.textContent(`${row} .error`);
        assert(refused?.includes("reden"), `declining without a reason is refused: ${refused}`);
        await manager.page.fill(`${row} textarea`, "De weggeefkast staat die dag al op de markt.");
        await manager.page.click(`${row} button.decline`);
        await manager.page.waitForSelector(row, { state: "detached" });
      } finally {
        await manager.close();
      }
      await page.waitForSelector(`#my-bookings li[data-booking-id="${booking.id}"][data-status="DECLINED"]`, { timeout: 15000 });
      const shown = await page.textContent(`#my-bookings li[data-booking-id="${booking.id}"]`);
      assert(shown?.includes("al op de markt"), `the reason is shown: ${shown}`);
      /** @type {{ viewer: { notifications: { kind: string, body: string }[] } }} */
      const told = await graphql(page, "query { viewer { notifications(first: 5) { kind body } } }");
      assert(
        told.viewer.notifications.some((n) => n.kind === "BOOKING_DECLINED" && n.body.includes("al op de markt")),
        "an in-app notification in Dutch",
      );
      await screenshots(page, "issue16-declined", `#my-bookings li[data-booking-id="${booking.id}"]`);
    },
  ],
  [
    "cancelling asks for confirmation and a reason, and promotes the waitlisted request of someone else",
    async (page) => {
      const resourceId = await openGiveBox(page, "member@makermap.test");
      const saturday = await freeSaturday(page);
      const period = { resourceId, start: `${saturday}T11:00:00+01:00`, end: `${saturday}T16:00:00+01:00` };
      const held = await requestThroughApi(page, period);
      const manager = await secondPerson();
      try {
        await manager.page.goto(`${baseUrl}/#/organisation`);
        await manager.page.waitForSelector("#sign-in-email");
        await signIn(manager.page, "manager@makermap.test");
        await manager.page.waitForSelector("#resource-select");
        const waiting = await requestThroughApi(manager.page, { ...period, joinWaitlistIfFull: true });
        assertEqual(waiting.status, "WAITLISTED", "the full period puts the manager's request on the waitlist");
        // the manager opening that week sees Saturday taken, and choosing it warns before anything is sent
        const monday = new Date(Date.parse(`${saturday}T12:00:00Z`) - 5 * 86400000).toISOString().slice(0, 10);
        await manager.page.goto(`${baseUrl}/#/organisation/${encodeURIComponent(resourceId)}?week=${monday}`);
        await manager.page.reload();
        const takenSaturday = `#week-grid .slot[data-day="${saturday}"]`;
        await manager.page.waitForSelector(takenSaturday);
        assertEqual(await manager.page.getAttribute(takenSaturday, "data-status"), "taken", "the requested Saturday is not shown as free");
        await manager.page.click(takenSaturday);
        await manager.page.waitForSelector("#booking-form");
        await manager.page.fill("#booking-start", `${saturday}T10:00`);
        await manager.page.fill("#booking-end", `${saturday}T17:00`);
        const warning = (await manager.page.textContent("#booking-conflict")) ?? "";
        assert(warning.includes("bezette periode"), `a period overlapping taken time is flagged beside the submit button (${warning})`);
        await screenshots(manager.page, "issue16-calendar-conflict", ".submit-row");
        await manager.page.waitForSelector(`#my-bookings li[data-booking-id="${waiting.id}"][data-status="WAITLISTED"]`);

        await page.reload();
        const row = `#my-bookings li[data-booking-id="${held.id}"]`;
        await page.waitForSelector(row);
        await page.click(`${row} button.cancel`);
        await page.waitForSelector(`${row} .confirm-cancel`);
        /** @type {{ booking: { status: string } }} */
        const before = await graphql(page, "query($id: ID!) { booking(id: $id) { status } }", { id: held.id });
        assertEqual(before.booking.status, "REQUESTED", "nothing is cancelled before confirming");
        await page.fill(`${row} textarea`, "Buurtfeest verplaatst.");
        await screenshots(page, "issue16-cancel-confirm", row);
        await page.click(`${row} button.confirm-cancel-yes`);
        await page.waitForSelector(`${row}[data-status="CANCELLED"]`);
        // the manager's waitlisted request got the place: live in their list, without a reload
        await manager.page.waitForSelector(`#my-bookings li[data-booking-id="${waiting.id}"][data-status="REQUESTED"]`, { timeout: 15000 });
        // and the manager's queue follows: the cancelled request leaves it, the promoted one joins it
        await manager.page.waitForSelector(`#approval-queue li[data-booking-id="${held.id}"]`, { state: "detached", timeout: 15000 });
        await manager.page.waitForSelector(`#approval-queue li[data-booking-id="${waiting.id}"]`, { timeout: 15000 });
        await screenshots(manager.page, "issue16-promoted-from-waitlist", `#my-bookings li[data-booking-id="${waiting.id}"]`);
      } finally {
        await manager.close();
      }
    },
  ],
  [
    "the day view on a desktop, a period chosen by dragging or with Shift+arrows, and a conflict shown while dragging over taken time",
    async (page) => {
      const resourceId = await openGiveBox(page, "member@makermap.test");
      const saturday = await freeSaturday(page);
      await page.click("#view-day");
      assertEqual(await page.getAttribute("#view-day", "aria-pressed"), "true", "the day view is chosen");
      assertEqual(
        await page.$$eval("#week-grid .grid-day", (days) => days.filter((d) => d.getClientRects().length > 0).length),
        1,
        "a desktop day view shows one day",
      );
      await showDay(page, saturday);
      await screenshots(page, "issue16-day-view", "#week-grid");
      await dragOnShownDay(page, 10 * 60, 14 * 60);
      await page.waitForSelector("#booking-form");
      assertEqual(
        [await page.inputValue("#booking-start"), await page.inputValue("#booking-end")],
        [`${saturday}T10:00`, `${saturday}T14:00`],
        "dragging from 10:00 to 14:00 puts exactly that period in the form",
      );
      const band = (await page.textContent("#grid-selection")) ?? "";
      assert(band.includes("10:00") && band.includes("14:00") && band.includes("gekozen"), `the chosen period is drawn on the grid: ${band}`);
      assertEqual(await page.textContent("#booking-conflict"), "", "no conflict inside a free block");
      await screenshots(page, "issue16-drag-select", "#week-grid .grid-day.phone-day");
      // the keyboard's way: Shift+ArrowDown on the block moves the end by a quarter hour, Shift+PageUp back an hour
      await page.focus(`#week-grid .grid-day.phone-day .slot[data-day="${saturday}"]`);
      await page.keyboard.press("Shift+ArrowDown");
      await page.keyboard.press("Shift+ArrowDown");
      assertEqual(await page.inputValue("#booking-end"), `${saturday}T14:30`, "two Shift+ArrowDown presses end the period half an hour later");
      await page.keyboard.press("Shift+PageUp");
      assertEqual(await page.inputValue("#booking-end"), `${saturday}T13:30`, "Shift+PageUp ends it an hour earlier");
      assertEqual(await page.inputValue("#booking-start"), `${saturday}T10:00`, "the start stays");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-day"));
      assertEqual(focused, saturday, "focus stays on the block after each key");

      // the member's request holds Saturday; the manager dragging over it is warned before sending
      await requestThroughApi(page, { resourceId, start: `${saturday}T11:00:00+01:00`, end: `${saturday}T16:00:00+01:00` });
      const manager = await secondPerson();
      try {
        const monday = new Date(Date.parse(`${saturday}T12:00:00Z`) - 5 * 86400000).toISOString().slice(0, 10);
        await manager.page.goto(`${baseUrl}/#/organisation/${encodeURIComponent(resourceId)}?week=${monday}`);
        await manager.page.waitForSelector("#sign-in-email");
        await signIn(manager.page, "manager@makermap.test");
        await manager.page.waitForSelector(`#week-grid .slot[data-day="${saturday}"][data-status="taken"]`);
        await manager.page.click("#view-day");
        await showDay(manager.page, saturday);
        await dragOnShownDay(manager.page, 12 * 60, 14 * 60);
        await manager.page.waitForSelector("#booking-form");
        const warned = (await manager.page.textContent("#grid-selection")) ?? "";
        assert(warned.includes("overlapt bezette tijd"), `the band says the period overlaps taken time: ${warned}`);
        assert(await manager.page.$("#grid-selection.selection-conflict"), "the band is drawn as a conflict");
        const beside = (await manager.page.textContent("#booking-conflict")) ?? "";
        assert(beside.includes("bezette periode"), `the conflict is said beside the submit button too: ${beside}`);
        await screenshots(manager.page, "issue16-drag-conflict", "#week-grid .grid-day.phone-day");
      } finally {
        await manager.close();
      }
    },
  ],
];

/** @type {Test[]} */
const tests = [
  [
    "residents see a marker or cluster for every seeded place, from tiles and not from paging the API",
    async (page) => {
      /** @type {string[]} */
      const placeQueries = [];
      let tiles = 0;
      page.on("request", (request) => {
        if (request.url().includes("/tiles/places/")) tiles++;
        if (request.url().endsWith("/graphql") && /\bplaces\s*\(/.test(request.postData() ?? "")) placeQueries.push(request.postData() ?? "");
      });
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      assert(placeQueries.length <= 1, `at most one page of places at start, got ${placeQueries.length} places requests`);
      assert(tiles > 0, "the map fetched places tiles");
      /** @type {PlacesAnswer} */
      const api = await graphql(page, placesQuery);
      assert(api.places.totalCount >= 40, `expected the seed's places, got ${api.places.totalCount}`);
      const rendered = await page.evaluate(() => {
        const features = window.__makermap.map.queryRenderedFeatures({ layers: ["places", "place-clusters"] });
        /** @type {Map<string, string>} */
        const points = new Map();
        /** @type {Map<string, number>} */
        const clusters = new Map();
        for (const f of features) {
          // the server names clusters `cluster/{z}/{cell x}/{cell y}`; a feature may be queried twice
          if (f.layer.id === "places") points.set(String(f.properties.id), String(f.properties.kind));
          else clusters.set(String(f.properties.id), Number(f.properties.point_count));
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
      const resourceId = await openGiveBox(page, "member@makermap.test");
      const block = page.locator("#week-grid .slot-free").first();
      const [blockStart, blockEnd, blockName] = [
        await block.getAttribute("data-start"),
        await block.getAttribute("data-end"),
        await block.getAttribute("aria-label"),
      ];
      assert(
        blockName && /\d\d:\d\d/.test(blockName) && blockName.includes("vrij"),
        `a slot block is a button named by its day, time and state (${blockName})`,
      );
      await block.click();
      await page.waitForSelector("#booking-form");
      const slotId = await page.$eval(".slot.selected", (b) => b.dataset.slotId);
      assertEqual(
        [await page.inputValue("#booking-start"), await page.inputValue("#booking-end")],
        [blockStart, blockEnd],
        "clicking a slot block fills the form with exactly that block's start and end",
      );
      assertEqual(await page.textContent("#booking-conflict"), "", "no conflict is shown for a free block");
      await screenshots(page, "issue16-calendar", "#week-grid");
      // a phone shows one day; the next-day button moves to the following date
      await page.setViewportSize({ width: 390, height: 844 });
      const shownDay = await page.$eval("#week-grid .grid-day.phone-day", (d) => /** @type {HTMLElement} */ (d).dataset.date ?? "");
      assertEqual(await page.$$eval("#week-grid .grid-day", (days) => days.filter((d) => d.getClientRects().length > 0).length), 1, "a phone shows one day");
      await page.click("#next-day");
      await page.waitForFunction((before) => document.querySelector("#week-grid .grid-day.phone-day")?.getAttribute("data-date") !== before, shownDay);
      const nextShown = await page.$eval("#week-grid .grid-day.phone-day", (d) => /** @type {HTMLElement} */ (d).dataset.date ?? "");
      assertEqual(nextShown, new Date(Date.parse(`${shownDay}T12:00:00Z`) + 86400000).toISOString().slice(0, 10), "next day shows the following date");
      await page.setViewportSize({ width: 1280, height: 800 });
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
      // the list holds the first page of the places in the map's view, as the API pages them
      const box = await page.evaluate(() => {
        const b = window.__makermap.map.getBounds();
        const round = (/** @type {number} */ v) => Math.round(v * 1e5) / 1e5;
        return { west: round(b.getWest()), south: round(b.getSouth()), east: round(b.getEast()), north: round(b.getNorth()) };
      });
      /** @type {{ places: { totalCount: number, nodes: { name: string }[] } }} */
      const api = await graphql(page, "query($box: BoundingBoxInput!) { places(filter: { boundingBox: $box }, first: 50) { totalCount nodes { name } } }", {
        box,
      });
      assert(api.places.totalCount >= 40, `the seeded places are in view, got ${api.places.totalCount}`);
      assertEqual(
        await page.$$eval(".place-table tbody th", (cells) => cells.map((c) => c.textContent)),
        api.places.nodes.map((p) => p.name),
        "the table lists the API's first page of the places in view, in its order",
      );
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

/**
 * Flows on a database with 20,000 extra synthetic places (scripts/test.sh loads them after the flows
 * above and runs these with E2E_SCALE=1).
 * @type {Test[]}
 */
const scaleTests = [
  [
    "with 20,000 places the map shows clusters at once and markers when zoomed in",
    async (page) => {
      let placeQueries = 0;
      page.on("request", (request) => {
        if (request.url().endsWith("/graphql") && /\bplaces\s*\(/.test(request.postData() ?? "")) placeQueries++;
      });
      const started = Date.now();
      await page.goto(`${baseUrl}/#/`);
      await settle(page);
      const overview = await page.evaluate(() => {
        const features = window.__makermap.map.queryRenderedFeatures({ layers: ["place-clusters"] });
        /** @type {Map<string, number>} */
        const clusters = new Map(features.map((f) => [String(f.properties.id), Number(f.properties.point_count)]));
        return { clusters: clusters.size, counted: [...clusters.values()].reduce((a, b) => a + b, 0) };
      });
      assert(overview.clusters > 0, "clusters at the overview");
      assert(overview.counted >= 15000, `the clusters count most of the 20,000 places, got ${overview.counted}`);
      assert(placeQueries <= 1, `at most one page of places at start, got ${placeQueries}`);
      console.log(`    overview with clusters after ${Date.now() - started} ms`);
      // a click on a cluster zooms to its box
      const before = await page.evaluate(() => window.__makermap.map.getZoom());
      const target = await page.evaluate(() => {
        const map = window.__makermap.map;
        const [cluster] = map.queryRenderedFeatures({ layers: ["place-clusters"] });
        if (!cluster) throw new Error("no cluster");
        const point = map.project(/** @type {[number, number]} */ (/** @type {GeoJSON.Point} */ (cluster.geometry).coordinates));
        const canvas = map.getCanvas().getBoundingClientRect();
        return { x: canvas.left + point.x, y: canvas.top + point.y };
      });
      await page.mouse.click(target.x, target.y);
      await page.waitForFunction((zoom) => window.__makermap.map.getZoom() > zoom, before);
      await page.evaluate(() => window.__makermap.map.jumpTo({ center: [4.4, 51.0], zoom: 14 }));
      await settle(page);
      const markers = await page.evaluate(() => window.__makermap.map.queryRenderedFeatures({ layers: ["places"] }).length);
      assert(markers > 0, "single markers at zoom 14");
    },
  ],
];

// E2E_SCALE=1 and E2E_BASEMAP=1 select the flows that scripts/test.sh runs on a server prepared for them
const selected =
  process.env.E2E_SCALE === "1"
    ? scaleTests
    : process.env.E2E_BASEMAP === "1"
      ? basemapTests
      : [...tests, ...residentTests, ...touchAndAccessTests, ...workflowTests, ...seriesTests];
const { failed } = await run(selected);
process.exit(failed > 0 ? 1 : 0);
