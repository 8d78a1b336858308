// What the organisation view keeps between renders: the resources to pick from, the resource's week,
// the viewer's bookings and the booking being prepared; with the loads and navigation they share.
import { request } from "../../api/graphql-client";
import {
  type BookableResourcesResult,
  MyBookingsDocument,
  type MyBookingsResult,
  ResourceWeekDocument,
  type ResourceWeekResult,
} from "../../graphql/generated";
import type { CalendarItem } from "../../lib/calendar";
import { addBrusselsDays, brusselsDate } from "../../lib/time";
import { setSourceData } from "../../map/create-map";
import type { QueueItem } from "./approval-queue";

export type Resource = NonNullable<ResourceWeekResult["resource"]>;
export type Booking = NonNullable<MyBookingsResult["viewer"]>["bookings"]["nodes"][number];
export type Point = { longitude: number; latitude: number };

export const state = {
  resources: null as BookableResourcesResult | null,
  resource: null as Resource | null,
  bookings: [] as Booking[],
  selected: null as CalendarItem | null,
  // the one day a phone shows of the week (0 Monday … 6 Sunday), remembered per week (Brussels date of its Monday)
  phoneDay: { week: "", index: 0 },
  picked: null as Point | null,
  idempotencyKey: "",
  message: "",
  // the last outcome told to the booker (request sent, cancelled, decided), shown above their bookings
  note: "",
  unsubscribe: null as (() => void) | null,
  subscribedTo: "",
  liveUpdatedAt: null as Date | null,
  // the approval queue (null: the viewer manages nothing)
  queue: null as QueueItem[] | null,
  queueNote: "",
  // the booking whose cancellation is being confirmed
  cancelling: null as string | null,
  // live subscriptions to the viewer's undecided bookings, by booking id
  watched: new Map<string, () => void>(),
};

let redraw: () => void = () => undefined;

/** Draws the signed-in view again from `state`; set by `renderOrganisation` for the current panel. */
export function rerender(): void {
  redraw();
}

export function setRerender(draw: () => void): void {
  redraw = draw;
}

export function go(resourceId: string | null, week: Date | null): void {
  const params = week ? `?week=${brusselsDate(week)}` : "";
  location.hash = `#/organisation${resourceId ? `/${encodeURIComponent(resourceId)}` : ""}${params}`;
}

export async function loadBookings(): Promise<void> {
  state.bookings = (await request(MyBookingsDocument, {})).viewer?.bookings.nodes ?? [];
}

export async function loadResource(id: string, week: Date): Promise<void> {
  state.resource = (await request(ResourceWeekDocument, { id, from: week.toISOString(), to: addBrusselsDays(week, 7).toISOString() })).resource;
}

export function showDeploymentMarker(): void {
  setSourceData("deployments", {
    type: "FeatureCollection",
    features: state.picked
      ? [{ type: "Feature", properties: { kind: "picked" }, geometry: { type: "Point", coordinates: [state.picked.longitude, state.picked.latitude] } }]
      : [],
  });
}
