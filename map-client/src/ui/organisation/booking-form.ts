// The booking request for the chosen slot: organisation, period (the day of the slot that was
// clicked, which the booker can narrow; the whole slot is booked by its id),
// purpose, for mobile resources the deployment spot picked on the map and its address, and every
// requirement confirmed.
import { request } from "../../api/graphql-client";
import { RequestBookingDocument } from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { bookingPeriod, periodConflicts } from "../../lib/calendar";
import { formatPoint } from "../../lib/distance";
import { formatMinutes } from "../../lib/duration";
import { durationProblem } from "../../lib/period-select";
import { brusselsLocalToInstant, formatDateTime, instantToBrusselsLocal, startOfBrusselsWeek } from "../../lib/time";
import { onMapClick, setPicking } from "../../map/create-map";
import type { Viewer } from "../../state/session";
import { announce, h } from "../dom";
import { errorText } from "../format";
import { requestSeries, seriesFields } from "./booking-series";
import { ownBookingsOf } from "./calendar";
import { loadBookings, loadResource, rerender, type Resource, showDeploymentMarker, state } from "./state";

export function bookingForm(resource: Resource, viewer: Viewer): HTMLElement | null {
  const item = state.selected;
  if (!item) return null;
  const start = h("input", { type: "datetime-local", id: "booking-start", value: instantToBrusselsLocal(item.dayStart), required: true });
  const end = h("input", { type: "datetime-local", id: "booking-end", value: instantToBrusselsLocal(item.dayEnd), required: true });
  const purpose = h("textarea", { id: "booking-purpose", rows: 2, maxlength: 2000 });
  const organisation = h(
    "select",
    { id: "booking-organisation" },
    ...viewer.memberships.map((m) => h("option", { value: m.organisation.id }, m.organisation.name)),
  );
  const address = h("input", { type: "text", id: "deployment-address" });
  const message = h("p", { class: "error", role: "alert", id: "booking-error" }, state.message);
  const waitlist = h("input", { type: "checkbox", id: "booking-waitlist", checked: item.status === "taken" });
  const series = seriesFields();
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
  // what the period would collide with, said next to the submit button before anything is sent
  const conflict = h("p", { class: "conflict", id: "booking-conflict", role: "status" });
  const showConflicts = () => {
    const found = periodConflicts(start.value, end.value, resource.availability, ownBookingsOf(resource));
    const periods = found.map((c) =>
      t(c.reason === "mine" ? "org.conflictMine" : "org.conflictTaken", {
        period: `${formatDateTime(c.start, locale())} – ${formatDateTime(c.end, locale())}`,
      }),
    );
    const problems = periods.length ? [t("org.conflict", { periods: periods.join(", ") })] : [];
    // a dragged period may be shorter or longer than the resource allows: say so before the server does
    try {
      const length = durationProblem(
        brusselsLocalToInstant(start.value),
        brusselsLocalToInstant(end.value),
        resource.minBookingMinutes,
        resource.maxBookingMinutes,
      );
      if (length === "short") problems.push(t("org.durationShort", { duration: formatMinutes(resource.minBookingMinutes, locale()) }));
      if (length === "long") problems.push(t("org.durationLong", { duration: formatMinutes(resource.maxBookingMinutes, locale()) }));
    } catch {
      // an incomplete date in the inputs: nothing to say yet
    }
    conflict.textContent = problems.join(" ");
  };
  start.addEventListener("input", showConflicts);
  end.addEventListener("input", showConflicts);
  start.addEventListener("change", showConflicts);
  end.addEventListener("change", showConflicts);
  showConflicts();
  const requirements = resource.requirements.map((r) =>
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "requirement", value: r.code }), r.description),
  );
  const form = h(
    "form",
    { id: "booking-form", class: "booking-form", "aria-labelledby": "booking-heading" },
    h("h2", { id: "booking-heading" }, t("org.bookingHeading")),
    h("label", { for: "booking-organisation" }, t("org.organisation")),
    organisation,
    h(
      "div",
      { class: "two" },
      h("div", {}, h("label", { for: "booking-start" }, t("org.start")), start),
      h("div", {}, h("label", { for: "booking-end" }, t("org.end")), end),
    ),
    h("label", { for: "booking-purpose" }, t("org.purpose")),
    purpose,
    resource.isMobile
      ? h(
          "fieldset",
          {},
          h("legend", {}, t("org.deployment", { name: resource.name })),
          pick,
          pickedText,
          h("label", { for: "deployment-address" }, t("org.deploymentAddress")),
          address,
        )
      : null,
    requirements.length ? h("fieldset", {}, h("legend", {}, t("org.confirmRequirements")), ...requirements) : null,
    series.element,
    h("label", { class: "check" }, waitlist, t("org.waitlist")),
    h("div", { class: "submit-row" }, h("button", { type: "submit", class: "primary", id: "booking-submit" }, t("org.submit")), conflict),
    message,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const confirmed = [...form.querySelectorAll<HTMLInputElement>("input[name=requirement]:checked")].map((i) => i.value);
    const weeks = series.weeks();
    if (weeks !== null) {
      // a series repeats the start and end as typed, never a slot id
      void requestSeries(
        {
          resourceId: resource.id,
          organisationId: organisation.value,
          start: brusselsLocalToInstant(start.value).toISOString(),
          end: brusselsLocalToInstant(end.value).toISOString(),
          weeks,
          purpose: purpose.value || null,
          deploymentLocation: resource.isMobile ? state.picked : null,
          deploymentAddress: resource.isMobile ? address.value || null : null,
          confirmedRequirements: confirmed,
          idempotencyKey: state.idempotencyKey,
          joinWaitlistIfFull: waitlist.checked,
        },
        message,
        item.start,
      );
      return;
    }
    void request(RequestBookingDocument, {
      input: {
        resourceId: resource.id,
        organisationId: organisation.value,
        ...bookingPeriod(item, start.value, end.value),
        purpose: purpose.value || null,
        deploymentLocation: resource.isMobile ? state.picked : null,
        deploymentAddress: resource.isMobile ? address.value || null : null,
        confirmedRequirements: confirmed,
        idempotencyKey: state.idempotencyKey,
        joinWaitlistIfFull: waitlist.checked,
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
      state.note = t("org.submitted", { status: t(`status.${result.requestBooking.booking.status}`) });
      rerender();
      announce(state.note);
    });
  });
  return form;
}
