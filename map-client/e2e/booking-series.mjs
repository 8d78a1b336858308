// End-to-end flow of issue 16, item 4 (recurring bookings): a member asks for the mobile give-box
// every Saturday 10:00-17:00 for four weeks while the third Saturday is already taken, sees per
// week which ones were booked and why the third was not, then cancels the series with a reason.
// Imported by run.mjs; writes screenshots on desktop (1366×800) and phone (390×844).
import { assert, assertEqual, baseUrl, graphql, screenshots, secondPerson, signIn, signInForGiveBox } from "./harness.mjs";

/** @typedef {import("./harness.mjs").Page} Page */
/** @typedef {import("./harness.mjs").Test} Test */

const week = 7 * 86400000;

/**
 * The first of four consecutive weekends whose give-box slot is wholly free, as the Brussels date of its Saturday.
 * @param {Page} page
 * @param {string} resourceId
 */
async function fourFreeSaturdays(page, resourceId) {
  const from = new Date();
  const to = new Date(from.getTime() + 8 * week);
  /** @type {{ resource: { availability: { start: string, end: string, remaining: number }[] } }} */
  const answer = await graphql(
    page,
    "query($id: ID!, $from: DateTime!, $to: DateTime!) { resource(id: $id) { availability(from: $from, to: $to) { start end remaining } } }",
    {
      id: resourceId,
      from: from.toISOString(),
      to: to.toISOString(),
    },
  );
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" });
  // the Saturday inside each free weekend slot that starts in the future (the slot runs Friday 09:00 to Monday 09:00)
  const free = answer.resource.availability
    .filter((s) => s.remaining > 0 && Date.parse(s.start) > Date.now())
    .map((s) => day.format(new Date(Date.parse(s.start) + 86400000)));
  const first = free.find((saturday) => [1, 2, 3].every((n) => free.includes(day.format(new Date(Date.parse(`${saturday}T12:00:00Z`) + n * week)))));
  assert(first, `four free weekends in a row within the slots' horizon (free: ${free.join(", ")})`);
  return first;
}

/**
 * A pixel on the map canvas with no place or cluster under it (for picking the deployment spot).
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
        if (
          map.queryRenderedFeatures(
            [
              [x - 20, y - 20],
              [x + 20, y + 20],
            ],
            { layers: ["places", "place-clusters"] },
          ).length === 0
        ) {
          return { x: canvas.left + x, y: canvas.top + y };
        }
      }
    }
    throw new Error("no empty spot on the map");
  });
}

/** @type {Test[]} */
export const seriesTests = [
  [
    "a member asks for the give-box every Saturday for 4 weeks with the third one taken: 3 weeks are requested, the taken one says why; then the series is cancelled",
    async (page) => {
      const resourceId = await signInForGiveBox(page, "member@makermap.test");
      const saturday = await fourFreeSaturdays(page, resourceId);
      const third = new Date(Date.parse(`${saturday}T12:00:00Z`) + 2 * week).toISOString().slice(0, 10);

      // someone else (the manager, for Stad Gent) already has the third Saturday
      const manager = await secondPerson();
      try {
        await manager.page.goto(`${baseUrl}/#/organisation`);
        await manager.page.waitForSelector("#sign-in-email");
        await signIn(manager.page, "manager@makermap.test");
        await manager.page.waitForSelector("#resource-select");
        /** @type {{ viewer: { memberships: { organisation: { id: string } }[] } }} */
        const org = await graphql(manager.page, "query { viewer { memberships { organisation { id } } } }");
        /** @type {{ requestBooking: { booking: { id: string } | null, errors: unknown[] } }} */
        const taken = await graphql(
          manager.page,
          "mutation($input: RequestBookingInput!) { requestBooking(input: $input) { booking { id } errors { code message } } }",
          {
            input: {
              resourceId,
              organisationId: org.viewer.memberships[0]?.organisation.id,
              start: new Date(`${third}T08:00:00Z`).toISOString(),
              end: new Date(`${third}T18:00:00Z`).toISOString(),
              deploymentLocation: { longitude: 3.74, latitude: 51.04 },
              confirmedRequirements: ["van"],
            },
          },
        );
        assertEqual(taken.requestBooking.errors, [], "the third Saturday is taken first");
      } finally {
        await manager.close();
      }

      const monday = new Date(Date.parse(`${saturday}T12:00:00Z`) - 5 * 86400000).toISOString().slice(0, 10);
      await page.goto(`${baseUrl}/#/organisation/${encodeURIComponent(resourceId)}?week=${monday}`);
      await page.reload();
      const saturdayBlock = `#week-grid .slot-free[data-day="${saturday}"]`;
      await page.waitForSelector(saturdayBlock);
      await page.click(saturdayBlock);
      await page.waitForSelector("#booking-form");
      await page.fill("#booking-start", `${saturday}T10:00`);
      await page.fill("#booking-end", `${saturday}T17:00`);
      await page.fill("#booking-purpose", "Ruilmarkt elke zaterdag (e2e series)");
      await page.click("#pick-on-map");
      const pixel = await emptyMapPixel(page);
      await page.mouse.click(pixel.x, pixel.y);
      await page.waitForFunction(() => document.getElementById("picked-point")?.textContent.includes(","));
      await page.fill("#deployment-address", "Sint-Pietersplein, 9000 Gent");
      for (const box of await page.$$("input[name=requirement]")) await box.check();
      // the repeat option is keyboard-usable: Space ticks it, the number of weeks is typed
      await page.focus("#booking-repeat");
      await page.keyboard.press("Space");
      assert(await page.isChecked("#booking-repeat"), "Space ticks 'repeat weekly'");
      await page.fill("#booking-weeks", "4");
      await screenshots(page, "issue16-series-form", "#booking-form");
      await page.click("#booking-submit");

      await page.waitForSelector("#series-result li[data-week='4']");
      const outcomes = await page.$$eval("#series-result li", (items) => items.map((li) => [li.getAttribute("data-week"), li.getAttribute("data-outcome")]));
      assertEqual(
        outcomes,
        [
          ["1", "REQUESTED"],
          ["2", "REQUESTED"],
          ["3", "OVERLAPPING_BOOKING"],
          ["4", "REQUESTED"],
        ],
        "three weeks requested, the taken third refused",
      );
      const heading = (await page.textContent("#series-result-heading")) ?? "";
      assert(heading.includes("3 van 4"), `the result says 3 of 4 weeks (${heading})`);
      const failed = (await page.textContent("#series-result li[data-week='3']")) ?? "";
      assert(failed.includes("niet gelukt") && failed.includes("al (gedeeltelijk) gereserveerd"), `the third week says why (${failed})`);
      await screenshots(page, "issue16-series-result", "#series-result");

      // the weeks are one entry under "your bookings", and the series is cancelled with a reason
      const group = "#my-bookings li.series";
      await page.waitForSelector(`${group} li[data-status="REQUESTED"]`);
      assertEqual(await page.$$eval(`${group} li[data-booking-id]`, (rows) => rows.length), 3, "the three weeks are listed together");
      await page.click(`${group} > button.cancel-series`);
      await page.waitForSelector(`${group} .confirm-cancel-series`);
      await page.fill(`${group} .confirm-cancel-series textarea`, "Ruilmarkt gaat niet door.");
      await screenshots(page, "issue16-series-cancel-confirm", group);
      await page.click(`${group} button.confirm-cancel-series-yes`);
      await page.waitForFunction(() => document.getElementById("booking-note")?.textContent?.includes("3 weken van de reeks geannuleerd"));
      const statuses = await page.$$eval(`${group} li[data-booking-id]`, (rows) => rows.map((r) => r.getAttribute("data-status")));
      assertEqual(statuses, ["CANCELLED", "CANCELLED", "CANCELLED"], "every week of the series is cancelled");
      await screenshots(page, "issue16-series-cancelled", group);
    },
  ],
];
