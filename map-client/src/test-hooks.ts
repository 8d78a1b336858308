// Every hook the app exposes for its end-to-end flows (e2e/run.mjs, e2e/harness.mjs) and the client
// benchmark (e2e/bench.mjs, run by scripts/bench-client.sh). Besides visible text, roles and element
// ids, these are the whole contract between the app and those scripts: change one here and grep
// e2e/ for its name. None of them changes what a user sees.
import type { Map as MapLibreMap, MapGeoJSONFeature } from "maplibre-gl";

import type { CoverageInput } from "./graphql/generated";
import type { CalendarItem } from "./lib/calendar";
import { brusselsDate, instantToBrusselsLocal } from "./lib/time";

/** What `window.__makermap` holds. */
export type MapHook = {
  map: MapLibreMap;
  queryRenderedFeatures: (layers: string[]) => { layer: string; properties: MapGeoJSONFeature["properties"] }[];
};

declare global {
  interface Window {
    /**
     * The MapLibre map. `settle()` in e2e/harness.mjs waits for it and for its `idle`; the flows
     * query rendered features and feature state through it and move the camera with `jumpTo`.
     * Declared as always there because the flows read it only after `settle()`.
     */
    __makermap: MapHook;
    /**
     * The input of the coverage report on screen: the planner flow asks the API the same question.
     * Declared as always there because the flow reads it only once the report is shown.
     */
    __makermapCoverage: { input: CoverageInput };
    /**
     * Written by the live-update flow itself (never by the app) and read back later to prove the
     * page was not reloaded; declared here so the flows type-check.
     */
    __notReloaded?: boolean;
  }
}

export function exposeMap(map: MapLibreMap): void {
  window.__makermap = {
    map,
    queryRenderedFeatures: (layers) => map.queryRenderedFeatures({ layers }).map((f) => ({ layer: f.layer.id, properties: f.properties })),
  };
}

export function exposeCoverageInput(input: CoverageInput): void {
  window.__makermapCoverage = { input };
}

/**
 * `<body data-view data-ready>`: the flows wait for `data-ready="true"` (set once the view named by
 * the URL has finished rendering) before they look at the panel or the map.
 */
export function markViewBusy(view: string): void {
  document.body.dataset.view = view;
  document.body.dataset.ready = "false";
}

export function markViewReady(): void {
  document.body.dataset.ready = "true";
}

/**
 * Performance marks for e2e/bench.mjs: the first time the map has rendered everything visible, and
 * the first time a nearest list is shown.
 */
export const benchMarks = { mapIdle: "makermap:map-idle", nearestList: "makermap:nearest-list" } as const;

export function markOnce(name: (typeof benchMarks)[keyof typeof benchMarks]): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** Keeps the map's drawing buffer so the flows' screenshots show the map, not a blank canvas. */
export const screenshotCanvasAttributes = { preserveDrawingBuffer: true } as const;

// Data attributes the flows select elements by or compare with the API's answer.

/** A week-grid slot: the booking flows click free ones and wait for `data-status="pending"`. */
export function slotAttributes(item: CalendarItem): Record<string, string> {
  return {
    "data-status": item.status,
    "data-slot-id": item.slotId ?? "",
    "data-booking-id": item.bookingId ?? "",
    // the Brussels date of the day this part of the slot is drawn on
    "data-day": brusselsDate(item.dayStart),
    // the block's own period (Brussels `datetime-local`), which clicking it must put in the booking form
    "data-start": instantToBrusselsLocal(item.dayStart),
    "data-end": instantToBrusselsLocal(item.dayEnd),
  };
}

/** A row under "your bookings": the booking flow finds the new booking by its id. */
export function bookingAttributes(booking: { id: string; status: string }): Record<string, string> {
  return { "data-booking-id": booking.id, "data-status": booking.status };
}

/** A nearest-list row: compared, in order and to 0.1 m, with the API's `nearestPlaces`. */
export function nearestAttributes(placeId: string, distanceMeters: number): Record<string, string> {
  return { "data-place-id": placeId, "data-distance-meters": distanceMeters.toFixed(1) };
}

/** A category chip (`ALL` for the reset chip): the nearest flow clicks `ELECTRO`. */
export function categoryAttributes(category: string | null): Record<string, string> {
  return { "data-category": category ?? "ALL" };
}

/** A coverage figure with its unformatted value: compared with the API's coverage report. */
export function figureAttributes(figure: string, value: number): Record<string, string | number> {
  return { "data-figure": figure, "data-value": value };
}

/** An area by its code: an area search result and a coverage row; the planner flow picks 44021. */
export function areaCodeAttributes(code: string): Record<string, string> {
  return { "data-code": code };
}
