// Organisations: sign in, pick a resource, see its week (free / taken / pending), request a booking
// (with the deployment spot and requirements for mobile resources), see and cancel bookings, copy
// the calendar feed link; availability changes arrive live by subscription.
import { request, subscribe } from "../api/graphql-client";
import {
  BookableResourcesDocument,
  type BookableResourcesResult,
  CancelBookingDocument,
  MyBookingsDocument,
  type MyBookingsResult,
  RequestBookingDocument,
  ResourceWeekDocument,
  type ResourceWeekResult,
  SlotAvailabilityChangedDocument,
  UpcomingAvailabilityDocument,
} from "../graphql/generated";
import { locale, t } from "../i18n";
import { buildWeek, type CalendarItem } from "../lib/calendar";
import { formatPoint } from "../lib/distance";
import { addBrusselsDays, brusselsDate, brusselsLocalToInstant, formatDateTime, formatDay, formatLongDate, formatTime, instantToBrusselsLocal, startOfBrusselsWeek } from "../lib/time";
import type { Route } from "../lib/route";
import { fitPoints, onMapClick, setPicking, setSourceData } from "../map/create-map";
import { currentViewer, loadViewer, signOut, type Viewer } from "../state/session";
import { bookingAttributes, slotAttributes } from "../test-hooks";
import { renderDeployments } from "./deployments";
import { announce, h } from "./dom";
import { errorText } from "./format";
import { signInForm } from "./sign-in-form";

type Resource = NonNullable<ResourceWeekResult["resource"]>;
type Booking = NonNullable<MyBookingsResult["viewer"]>["bookings"]["nodes"][number];
type Point = { longitude: number; latitude: number };

const state = {
  resources: null as BookableResourcesResult | null,
  resource: null as Resource | null,
  bookings: [] as Booking[],
  selected: null as CalendarItem | null,
  picked: null as Point | null,
  idempotencyKey: "",
  message: "",
  unsubscribe: null as (() => void) | null,
  subscribedTo: "",
  liveUpdatedAt: null as Date | null,
};

let rerender: () => void = () => undefined;

function go(resourceId: string | null, week: Date | null): void {
  const params = week ? `?week=${brusselsDate(week)}` : "";
  location.hash = `#/organisation${resourceId ? `/${encodeURIComponent(resourceId)}` : ""}${params}`;
}

function weekFromRoute(route: Route): Date {
  const week = route.params.week;
  return startOfBrusselsWeek(week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? brusselsLocalToInstant(`${week}T12:00`) : new Date());
}

async function loadBookings(): Promise<void> {
  state.bookings = (await request(MyBookingsDocument, {})).viewer?.bookings.nodes ?? [];
}

async function loadResource(id: string, week: Date): Promise<void> {
  state.resource = (await request(ResourceWeekDocument, { id, from: week.toISOString(), to: addBrusselsDays(week, 7).toISOString() })).resource;
}

function showDeploymentMarker(): void {
  setSourceData("deployments", {
    type: "FeatureCollection",
    features: state.picked ? [{ type: "Feature", properties: { kind: "picked" }, geometry: { type: "Point", coordinates: [state.picked.longitude, state.picked.latitude] } }] : [],
  });
}

/** Live updates: replace the changed slots and redraw, without a reload. */
function ensureSubscription(resourceId: string | null): void {
  if (state.subscribedTo === (resourceId ?? "")) return;
  state.unsubscribe?.();
  state.unsubscribe = null;
  state.subscribedTo = resourceId ?? "";
  state.liveUpdatedAt = null;
  if (!resourceId) return;
  state.unsubscribe = subscribe(SlotAvailabilityChangedDocument, { resourceId }, (data) => {
    const resource = state.resource;
    if (!resource) return;
    const changed = new Map(data.slotAvailabilityChanged.slots.map((s) => [s.id, s]));
    resource.availability = resource.availability.map((s) => changed.get(s.id) ?? s);
    void loadBookings().then(() => {
      state.liveUpdatedAt = new Date();
      rerender();
      announce(t("org.liveUpdated"));
    });
  });
}

function membershipsBlock(viewer: Viewer): HTMLElement {
  if (viewer.memberships.length === 0) return h("p", {}, t("org.noMembership"));
  return h(
    "ul",
    { class: "memberships" },
    ...viewer.memberships.map((m) => {
      const feed = m.organisation.calendarFeedUrl ? new URL(m.organisation.calendarFeedUrl, location.origin).toString() : null;
      const copy = h("button", { type: "button", class: "small-button" }, t("common.copy"));
      copy.addEventListener("click", () => {
        if (!feed) return;
        void navigator.clipboard?.writeText(feed).then(
          () => announce(t("common.copied")),
          () => announce(feed),
        );
        copy.textContent = t("common.copied");
      });
      return h(
        "li",
        {},
        h("strong", {}, m.organisation.name),
        ` (${t(`org.role.${m.role}`)})`,
        feed
          ? h("div", { class: "feed" }, h("label", {}, t("org.feed", { name: m.organisation.name }), h("input", { type: "text", readonly: true, value: feed, class: "feed-url", "data-org": m.organisation.slug })), copy, h("p", { class: "muted small" }, t("org.feedHint")))
          : null,
      );
    }),
  );
}

function resourcePicker(selectedId: string | null, week: Date): HTMLElement {
  const select = h("select", { id: "resource-select" }, h("option", { value: "" }, t("org.chooseResource")));
  for (const place of state.resources?.places.nodes ?? []) {
    if (place.resources.length === 0) continue;
    const group = h("optgroup", { label: place.name });
    for (const r of place.resources) group.append(h("option", { value: r.id, selected: r.id === selectedId }, `${r.name}${r.organisation ? ` — ${r.organisation.name}` : ""}`));
    select.append(group);
  }
  select.addEventListener("change", () => go(select.value || null, week));
  return h("div", { class: "field" }, h("label", { for: "resource-select" }, t("org.resource")), select);
}

function statusLabel(item: CalendarItem): string {
  switch (item.status) {
    case "free":
      return t("slot.free");
    case "partly":
      return t("slot.partly", { remaining: item.remaining, capacity: item.capacity });
    case "taken":
      return t("slot.taken");
    case "pending":
      return t("slot.pending");
    case "mine":
      return t("slot.mine");
  }
}

function calendar(resource: Resource, week: Date): HTMLElement {
  const own = state.bookings
    .filter((b) => b.resource.id === resource.id)
    .map((b) => ({ id: b.id, start: b.start, end: b.end, status: b.status, resourceId: b.resource.id }));
  const days = buildWeek(week, resource.availability, own);
  const hasItems = days.some((d) => d.items.length > 0);
  return h(
    "section",
    { class: "calendar", "aria-labelledby": "calendar-heading" },
    h(
      "div",
      { class: "calendar-nav" },
      h("button", { type: "button", "aria-label": t("org.prevWeek"), onclick: () => go(resource.id, addBrusselsDays(week, -7)) }, "‹"),
      h("h2", { id: "calendar-heading" }, t("org.calendar", { date: formatLongDate(week, locale()) })),
      h("button", { type: "button", "aria-label": t("org.nextWeek"), id: "next-week", onclick: () => go(resource.id, addBrusselsDays(week, 7)) }, "›"),
    ),
    h(
      "div",
      { class: "row" },
      h("button", { type: "button", id: "next-free", onclick: () => void jumpToNextFree(resource.id) }, t("org.nextFree")),
      h("span", { id: "live-status", class: "muted small", "aria-live": "polite" }, state.liveUpdatedAt ? `${t("org.live")}: ${t("org.liveUpdated")} ${formatTime(state.liveUpdatedAt, locale())}` : state.unsubscribe ? `${t("org.live")} ●` : ""),
    ),
    hasItems ? null : h("p", {}, t("org.noSlots")),
    h(
      "ol",
      { class: "week", id: "week-grid" },
      ...days.map((day) =>
        h(
          "li",
          { class: "day" },
          h("h3", {}, formatDay(day.date, locale())),
          h(
            "ul",
            {},
            ...day.items.map((item) =>
              h(
                "li",
                {},
                h(
                  "button",
                  {
                    type: "button",
                    class: `slot slot-${item.status}${state.selected?.key === item.key ? " selected" : ""}`,
                    ...slotAttributes(item),
                    disabled: item.status === "taken",
                    "aria-label": `${formatDateTime(item.start, locale())} – ${formatDateTime(item.end, locale())}: ${statusLabel(item)}`,
                    onclick: () => {
                      if (item.status === "free" || item.status === "partly") {
                        state.selected = item;
                        state.idempotencyKey = crypto.randomUUID();
                        rerender();
                        document.getElementById("booking-form")?.scrollIntoView({ block: "nearest" });
                      }
                    },
                  },
                  h("span", { class: "slot-time" }, `${formatTime(item.dayStart, locale())}–${item.dayEnd.getTime() === addBrusselsDays(day.date, 1).getTime() ? "24:00" : formatTime(item.dayEnd, locale())}`),
                  h("span", { class: "slot-status" }, statusLabel(item)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h("p", { class: "legend small" }, `${t("org.legend")}: `, ...(["free", "pending", "mine", "taken"] as const).map((s) => h("span", { class: `legend-item slot-${s}` }, t(`slot.${s}`)))),
  );
}

/** The whole slot by its id (so the slot's capacity is held), or the period the booker narrowed it to. */
function period(item: CalendarItem, startLocal: string, endLocal: string): { slotId: string } | { start: string; end: string } {
  const start = brusselsLocalToInstant(startLocal);
  const end = brusselsLocalToInstant(endLocal);
  if (item.slotId && start.getTime() === item.start.getTime() && end.getTime() === item.end.getTime()) return { slotId: item.slotId };
  return { start: start.toISOString(), end: end.toISOString() };
}

/** Opens the week holding the first slot with room left in the coming 92 days (the API's window). */
async function jumpToNextFree(resourceId: string): Promise<void> {
  const from = new Date();
  const to = new Date(from.getTime() + 92 * 86400000);
  const { availability } = await request(UpcomingAvailabilityDocument, { id: resourceId, from: from.toISOString(), to: to.toISOString() });
  const free = availability.find((slot) => slot.remaining > 0 && new Date(slot.start) > from);
  if (free) go(resourceId, startOfBrusselsWeek(new Date(free.start)));
  else announce(t("org.noSlots"));
}

function bookingForm(resource: Resource, viewer: Viewer): HTMLElement | null {
  const item = state.selected;
  if (!item) return null;
  const start = h("input", { type: "datetime-local", id: "booking-start", value: instantToBrusselsLocal(item.start), required: true });
  const end = h("input", { type: "datetime-local", id: "booking-end", value: instantToBrusselsLocal(item.end), required: true });
  const purpose = h("textarea", { id: "booking-purpose", rows: 2, maxlength: 2000 });
  const organisation = h("select", { id: "booking-organisation" }, ...viewer.memberships.map((m) => h("option", { value: m.organisation.id }, m.organisation.name)));
  const address = h("input", { type: "text", id: "deployment-address" });
  const message = h("p", { class: "error", role: "alert", id: "booking-error" }, state.message);
  const pick = h("button", { type: "button", id: "pick-on-map" }, t("org.pickOnMap"));
  const pickedText = h("p", { id: "picked-point", class: "muted" }, state.picked ? t("org.pickedAt", { point: formatPoint(state.picked) }) : "");
  pick.addEventListener("click", () => {
    setPicking(true);
    pickedText.textContent = t("org.pickingOnMap");
    onMapClick((point) => {
      state.picked = point;
      setPicking(false);
      onMapClick(null);
      showDeploymentMarker();
      pickedText.textContent = t("org.pickedAt", { point: formatPoint(point) });
    });
  });
  const requirements = resource.requirements.map((r) => h("label", { class: "check" }, h("input", { type: "checkbox", name: "requirement", value: r.code }), r.description));
  const form = h(
    "form",
    { id: "booking-form", class: "booking-form", "aria-labelledby": "booking-heading" },
    h("h2", { id: "booking-heading" }, t("org.bookingHeading")),
    h("label", { for: "booking-organisation" }, t("org.organisation")),
    organisation,
    h("div", { class: "two" }, h("div", {}, h("label", { for: "booking-start" }, t("org.start")), start), h("div", {}, h("label", { for: "booking-end" }, t("org.end")), end)),
    h("label", { for: "booking-purpose" }, t("org.purpose")),
    purpose,
    resource.isMobile
      ? h("fieldset", {}, h("legend", {}, t("org.deployment", { name: resource.name })), pick, pickedText, h("label", { for: "deployment-address" }, t("org.deploymentAddress")), address)
      : null,
    requirements.length ? h("fieldset", {}, h("legend", {}, t("org.confirmRequirements")), ...requirements) : null,
    h("button", { type: "submit", class: "primary", id: "booking-submit" }, t("org.submit")),
    message,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const confirmed = [...form.querySelectorAll<HTMLInputElement>("input[name=requirement]:checked")].map((i) => i.value);
    void request(RequestBookingDocument, {
      input: {
        resourceId: resource.id,
        organisationId: organisation.value,
        ...period(item, start.value, end.value),
        purpose: purpose.value || null,
        deploymentLocation: resource.isMobile ? state.picked : null,
        deploymentAddress: resource.isMobile ? address.value || null : null,
        confirmedRequirements: confirmed,
        idempotencyKey: state.idempotencyKey,
      },
    }).then(async (result) => {
      const error = result.requestBooking.errors[0];
      if (error || !result.requestBooking.booking) {
        message.textContent = error ? errorText(error) : t("error.other", { message: "?" });
        return;
      }
      state.selected = null;
      state.picked = null;
      showDeploymentMarker();
      state.message = "";
      await Promise.all([loadBookings(), loadResource(resource.id, startOfBrusselsWeek(item.start))]);
      announce(t("org.submitted", { status: t(`status.${result.requestBooking.booking.status}`) }));
      rerender();
      const note = document.getElementById("booking-note");
      if (note) note.textContent = t("org.submitted", { status: t(`status.${result.requestBooking.booking.status}`) });
    });
  });
  return form;
}

function myBookings(): HTMLElement {
  const live = state.bookings.filter((b) => b.status === "REQUESTED" || b.status === "CONFIRMED");
  return h(
    "section",
    { "aria-labelledby": "bookings-heading" },
    h("h2", { id: "bookings-heading" }, t("org.myBookings")),
    h("p", { id: "booking-note", class: "note", role: "status" }),
    state.bookings.length === 0
      ? h("p", {}, t("org.noBookings"))
      : h(
          "ul",
          { class: "bookings", id: "my-bookings" },
          // live bookings first, then the ended, cancelled and declined ones, each newest first
          ...[...live, ...state.bookings.filter((b) => !live.includes(b))].map((b) =>
            h(
              "li",
              bookingAttributes(b),
              h("strong", {}, b.resource.name),
              ` · ${formatDateTime(new Date(b.start), locale())} – ${formatDateTime(new Date(b.end), locale())} · `,
              h("span", { class: `status status-${b.status.toLowerCase()}` }, t(`status.${b.status}`)),
              b.deploymentAddress ? h("div", { class: "muted small" }, b.deploymentAddress) : null,
              live.includes(b)
                ? h(
                    "button",
                    {
                      type: "button",
                      class: "small-button cancel",
                      onclick: () =>
                        void request(CancelBookingDocument, { id: b.id }).then(async (r) => {
                          const error = r.cancelBooking.errors[0];
                          if (error) return announce(errorText(error));
                          await loadBookings();
                          if (state.resource) await loadResource(state.resource.id, startOfBrusselsWeek(new Date(state.resource.availability[0]?.start ?? b.start)));
                          announce(t("org.cancelled"));
                          rerender();
                        }),
                    },
                    t("org.cancel"),
                  )
                : null,
            ),
          ),
        ),
  );
}

export async function renderOrganisation(panel: HTMLElement, route: Route): Promise<void> {
  onMapClick(null);
  const viewer = await loadViewer();
  const week = weekFromRoute(route);
  if (!viewer) {
    ensureSubscription(null);
    panel.replaceChildren(h("h1", {}, t("org.heading")), signInForm(t("org.demoHint"), () => void renderOrganisation(panel, route)));
    return;
  }
  panel.replaceChildren(h("h1", {}, t("org.heading")), h("p", {}, t("common.loading")));
  const resourceId = route.id;
  if (state.resource?.id !== resourceId) {
    state.selected = null;
    state.picked = null;
    showDeploymentMarker();
  }
  await Promise.all([
    state.resources ? Promise.resolve() : request(BookableResourcesDocument, {}).then((r) => void (state.resources = r)),
    loadBookings(),
    resourceId ? loadResource(resourceId, week) : Promise.resolve(void (state.resource = null)),
  ]);
  ensureSubscription(state.resource?.id ?? null);
  if (state.resource) fitPoints([state.resource.homePlace.coordinates], 13);
  rerender = () => {
    const me = currentViewer();
    if (!me) return void renderOrganisation(panel, route);
    const signOutButton = h("button", { type: "button", class: "small-button", id: "sign-out", onclick: () => void signOut().then(() => renderOrganisation(panel, route)) }, t("org.signOut"));
    panel.replaceChildren(
      ...[
      h("h1", {}, t("org.heading")),
      h("p", {}, t("org.signedInAs", { name: me.displayName }), " ", signOutButton),
      membershipsBlock(me),
      resourcePicker(resourceId, week),
      state.resource ? h("p", { class: "muted" }, state.resource.description ?? "", state.resource.requirements.length ? ` ${t("details.requirements")}: ${state.resource.requirements.map((r) => r.description).join(", ")}.` : "") : null,
      state.resource ? calendar(state.resource, week) : null,
      state.resource ? bookingForm(state.resource, me) : null,
      myBookings(),
      renderDeployments(state.resources),
      ].filter((node): node is HTMLElement => node !== null),
    );
  };
  rerender();
}

export function leaveOrganisation(): void {
  setPicking(false);
}
