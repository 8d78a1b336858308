// The viewer's bookings, live and waitlisted ones first, each with a cancel button that asks for
// confirmation and a reason; undecided ones are watched live (bookingUpdated), so a manager's
// decision or a promotion from the waitlist shows without a reload.
import { request, subscribe } from "../../api/graphql-client";
import { BookingUpdatedDocument, CancelBookingDocument } from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { groupBySeries } from "../../lib/series";
import { formatDateTime, startOfBrusselsWeek } from "../../lib/time";
import { bookingAttributes } from "../../test-hooks";
import { announce, h } from "../dom";
import { errorText } from "../format";
import { seriesItem, seriesResult } from "./booking-series";
import { type Booking, loadBookings, loadResource, rerender, state } from "./state";

const cancellable = new Set(["REQUESTED", "CONFIRMED", "WAITLISTED"]);
const undecided = new Set(["REQUESTED", "WAITLISTED"]);

export function myBookings(): HTMLElement {
  watchUndecided();
  const live = state.bookings.filter((b) => cancellable.has(b.status));
  return h(
    "section",
    { "aria-labelledby": "bookings-heading" },
    h("h2", { id: "bookings-heading" }, t("org.myBookings")),
    // the last outcome stays until the next one, whatever redraws the view in between
    h("p", { id: "booking-note", class: "note success", role: "status" }, state.note),
    seriesResult(),
    state.bookings.length === 0
      ? h("p", {}, t("org.noBookings"))
      : h(
          "ul",
          { class: "bookings", id: "my-bookings" },
          // live bookings first, then the ended, cancelled and declined ones, each newest first; the weeks of a series as one entry
          ...groupBySeries([...live, ...state.bookings.filter((b) => !live.includes(b))]).map((entry) => {
            if (entry.kind === "series") return seriesItem(entry, cancelControls);
            const b = entry.booking;
            return h(
              "li",
              bookingAttributes(b),
              h("strong", {}, b.resource.name),
              ` · ${formatDateTime(new Date(b.start), locale())} – ${formatDateTime(new Date(b.end), locale())} · `,
              h("span", { class: `status status-${b.status.toLowerCase()}` }, t(`status.${b.status}`)),
              b.deploymentAddress ? h("div", { class: "muted small" }, b.deploymentAddress) : null,
              b.decisionNote ? h("div", { class: "muted small decision" }, t("org.decisionNoteShown", { note: b.decisionNote })) : null,
              live.includes(b) ? cancelControls(b) : null,
            );
          }),
        ),
  );
}

function cancelControls(b: Booking): HTMLElement {
  if (state.cancelling !== b.id) {
    return h(
      "button",
      {
        type: "button",
        class: "small-button cancel",
        onclick: () => {
          state.cancelling = b.id;
          rerender();
          document.getElementById(`cancel-reason-${b.id}`)?.focus();
        },
      },
      t("org.cancel"),
    );
  }
  const reason = h("textarea", { id: `cancel-reason-${b.id}`, rows: 2, maxlength: 2000 });
  const error = h("p", { class: "error", role: "alert" });
  return h(
    "div",
    { class: "confirm-cancel", role: "group", "aria-label": t("org.cancelConfirm") },
    h("p", {}, h("strong", {}, t("org.cancelConfirm"))),
    h("label", { for: `cancel-reason-${b.id}`, class: "small" }, t("org.cancelReason")),
    reason,
    h(
      "div",
      { class: "row" },
      h(
        "button",
        {
          type: "button",
          class: "small-button confirm-cancel-yes",
          onclick: () =>
            void request(CancelBookingDocument, { id: b.id, reason: reason.value.trim() || null }).then(async (r) => {
              const failure = r.cancelBooking.errors[0];
              if (failure) return void (error.textContent = errorText(failure));
              state.cancelling = null;
              await loadBookings();
              if (state.resource) await loadResource(state.resource.id, startOfBrusselsWeek(new Date(state.resource.availability[0]?.start ?? b.start)));
              state.note = t("org.cancelled");
              rerender();
              announce(t("org.cancelled"));
            }),
        },
        t("org.cancelYes"),
      ),
      h("button", { type: "button", class: "small-button confirm-cancel-no", onclick: () => void ((state.cancelling = null), rerender()) }, t("org.cancelNo")),
    ),
    error,
  );
}

/** Subscribes to each undecided booking once; an update reloads the list and says what changed. */
function watchUndecided(): void {
  const wanted = new Set(state.bookings.filter((b) => undecided.has(b.status)).map((b) => b.id));
  for (const [id, stop] of state.watched) {
    if (!wanted.has(id)) {
      stop();
      state.watched.delete(id);
    }
  }
  for (const id of wanted) {
    if (state.watched.has(id)) continue;
    state.watched.set(
      id,
      subscribe(BookingUpdatedDocument, { id }, (data) => {
        const updated = data.bookingUpdated;
        const before = state.bookings.find((b) => b.id === id);
        if (before?.status === updated.status) return;
        state.bookings = state.bookings.map((b) => (b.id === id ? updated : b));
        state.note = t("org.bookingNowStatus", { name: updated.resource.name, status: t(`status.${updated.status}`) });
        rerender();
        announce(state.note);
      }),
    );
  }
}
