// Organisations: sign in, pick a resource, see its week (free / taken / pending), request a booking
// (with the deployment spot and requirements for mobile resources, or a place on the waitlist), see
// and cancel bookings, decide on requests (managers' approval queue), read notifications, copy
// the calendar feed link; availability changes arrive live by subscription. The parts live in
// organisation/: state (shared by them), calendar, booking-form, bookings-list, memberships and
// live-updates; this module routes and lays them out.
import { request } from "../api/graphql-client";
import { BookableResourcesDocument } from "../graphql/generated";
import { t } from "../i18n";
import type { Route } from "../lib/route";
import { brusselsLocalToInstant, startOfBrusselsWeek } from "../lib/time";
import { fitPoints, onMapClick, setPicking } from "../map/create-map";
import { currentViewer, loadViewer, signOut } from "../state/session";
import { renderDeployments } from "./deployments";
import { h } from "./dom";
import { approvalQueue, loadQueue, managesResources, stopFollowingQueue } from "./organisation/approval-queue";
import { bookingForm } from "./organisation/booking-form";
import { myBookings } from "./organisation/bookings-list";
import { calendar } from "./organisation/calendar";
import { ensureSubscription } from "./organisation/live-updates";
import { membershipsBlock } from "./organisation/memberships";
import { loadNotifications, notificationsBlock } from "./organisation/notifications";
import { go, loadBookings, loadResource, rerender, setRerender, showDeploymentMarker, state } from "./organisation/state";
import { signInForm } from "./sign-in-form";

function weekFromRoute(route: Route): Date {
  const week = route.params.week;
  return startOfBrusselsWeek(week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? brusselsLocalToInstant(`${week}T12:00`) : new Date());
}

function resourcePicker(selectedId: string | null, week: Date): HTMLElement {
  const select = h("select", { id: "resource-select" }, h("option", { value: "" }, t("org.chooseResource")));
  for (const place of state.resources?.places.nodes ?? []) {
    if (place.resources.length === 0) continue;
    const group = h("optgroup", { label: place.name });
    for (const r of place.resources)
      group.append(h("option", { value: r.id, selected: r.id === selectedId }, `${r.name}${r.organisation ? ` — ${r.organisation.name}` : ""}`));
    select.append(group);
  }
  select.addEventListener("change", () => go(select.value || null, week));
  return h("div", { class: "field" }, h("label", { for: "resource-select" }, t("org.resource")), select);
}

export async function renderOrganisation(panel: HTMLElement, route: Route): Promise<void> {
  onMapClick(null);
  const viewer = await loadViewer();
  const week = weekFromRoute(route);
  if (!viewer) {
    ensureSubscription(null);
    stopFollowingQueue();
    panel.replaceChildren(
      h("h1", {}, t("org.heading")),
      signInForm(t("org.demoHint"), () => void renderOrganisation(panel, route)),
    );
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
    loadNotifications(),
    managesResources(viewer.memberships.map((m) => m.role)) ? loadQueue() : Promise.resolve(void (state.queue = null)),
    resourceId ? loadResource(resourceId, week) : Promise.resolve(void (state.resource = null)),
  ]);
  ensureSubscription(state.resource?.id ?? null);
  if (state.resource) fitPoints([state.resource.homePlace.coordinates], 13);
  setRerender(() => {
    const me = currentViewer();
    if (!me) return void renderOrganisation(panel, route);
    const signOutButton = h(
      "button",
      { type: "button", class: "small-button", id: "sign-out", onclick: () => void signOut().then(() => renderOrganisation(panel, route)) },
      t("org.signOut"),
    );
    panel.replaceChildren(
      ...[
        h("h1", {}, t("org.heading")),
        h("p", {}, t("org.signedInAs", { name: me.displayName }), " ", signOutButton),
        membershipsBlock(me),
        notificationsBlock(),
        approvalQueue(),
        resourcePicker(resourceId, week),
        state.resource
          ? h(
              "p",
              { class: "muted" },
              state.resource.description ?? "",
              state.resource.requirements.length ? ` ${t("details.requirements")}: ${state.resource.requirements.map((r) => r.description).join(", ")}.` : "",
            )
          : null,
        state.resource ? calendar(state.resource, week) : null,
        state.resource ? bookingForm(state.resource, me) : null,
        myBookings(),
        renderDeployments(state.resources),
      ].filter((node): node is HTMLElement => node !== null),
    );
  });
  rerender();
}

export function leaveOrganisation(): void {
  setPicking(false);
  stopFollowingQueue();
}
