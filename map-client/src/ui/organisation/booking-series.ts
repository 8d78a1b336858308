// Recurring bookings in the organisation view (issue 16): the "repeat weekly" fields of the booking
// form, the per-week result of a series request (which weeks were booked, which not and why), and a
// series grouped under "your bookings" with "cancel series" and "cancel from this week", each asking
// for confirmation and a reason like a single cancellation. One week alone is cancelled as a single
// booking (cancelBooking).
import { request } from "../../api/graphql-client";
import { CancelBookingSeriesDocument, RequestBookingSeriesDocument, type RequestBookingSeriesInput } from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { type BookingEntry, countOutcomes } from "../../lib/series";
import { formatDateTime, formatLongDate, startOfBrusselsWeek } from "../../lib/time";
import { bookingAttributes } from "../../test-hooks";
import { announce, h } from "../dom";
import { errorText } from "../format";
import { type Booking, loadBookings, loadResource, rerender, state } from "./state";

type Outcome = { week: number; start: string; booking: { id: string; status: string } | null; error: { code: string; message: string } | null };

// what the last series request gave, shown above the member's bookings until the next request
let lastResult: { weeks: number; outcomes: Outcome[] } | null = null;
// the series cancellation being confirmed: the whole series (from null) or from one week's start
let cancelling: { seriesId: string; from: string | null } | null = null;

/** The "repeat weekly for N weeks" fields; `weeks()` is null when the booking is not repeated. */
export function seriesFields(): { element: HTMLElement; weeks: () => number | null } {
  const repeat = h("input", { type: "checkbox", id: "booking-repeat" });
  const count = h("input", { type: "number", id: "booking-weeks", min: 2, max: 52, value: 4, disabled: true, inputmode: "numeric" });
  repeat.addEventListener("change", () => {
    count.disabled = !repeat.checked;
  });
  const element = h(
    "fieldset",
    { class: "series-fields" },
    h("legend", { class: "visually-hidden" }, t("series.repeat")),
    h("label", { class: "check" }, repeat, t("series.repeat")),
    h("label", { for: "booking-weeks" }, t("series.weeks")),
    count,
  );
  return { element, weeks: () => (repeat.checked ? Number.parseInt(count.value, 10) || 0 : null) };
}

/**
 * Sends the series request. A refusal of the request as a whole goes to `message`; otherwise the
 * per-week result is kept for `seriesResult()`, the view is drawn again and the count is announced.
 */
export async function requestSeries(input: RequestBookingSeriesInput, message: HTMLElement, weekOf: Date): Promise<boolean> {
  const result = (await request(RequestBookingSeriesDocument, { input })).requestBookingSeries;
  const error = result.errors[0];
  if (error && result.occurrences.length === 0) {
    message.textContent = errorText(error);
    return false;
  }
  lastResult = { weeks: input.weeks, outcomes: result.occurrences };
  state.selected = null;
  state.message = "";
  state.note = "";
  await Promise.all([loadBookings(), state.resource ? loadResource(state.resource.id, startOfBrusselsWeek(weekOf)) : Promise.resolve()]);
  rerender();
  const { booked } = countOutcomes(result.occurrences);
  announce(t("series.resultHeading", { booked, weeks: input.weeks }));
  return true;
}

/** The last series request's result, week by week, or null. */
export function seriesResult(): HTMLElement | null {
  if (!lastResult) return null;
  const { booked } = countOutcomes(lastResult.outcomes);
  const heading = h("h3", { id: "series-result-heading", tabindex: -1 }, t("series.resultHeading", { booked, weeks: lastResult.weeks }));
  return h(
    "section",
    { id: "series-result", class: "series-result", "aria-labelledby": "series-result-heading" },
    heading,
    h(
      "ul",
      {},
      ...lastResult.outcomes.map((o) => {
        const date = formatLongDate(new Date(o.start), locale());
        return h(
          "li",
          { "data-week": o.week, "data-outcome": o.booking ? o.booking.status : (o.error?.code ?? "ERROR"), class: o.booking ? "week-booked" : "week-failed" },
          o.booking
            ? t("series.weekBooked", { week: o.week, date, status: t(`status.${o.booking.status as Booking["status"]}`) })
            : t("series.weekFailed", { week: o.week, date, reason: o.error ? errorText(o.error) : "?" }),
        );
      }),
    ),
  );
}

/** One series under "your bookings": its weeks, each cancellable alone, and the series' own cancel controls. */
export function seriesItem(entry: Extract<BookingEntry<Booking>, { kind: "series" }>, cancelOne: (b: Booking) => HTMLElement | null): HTMLElement {
  const first = entry.bookings[0];
  const live = entry.bookings.filter((b) => ["REQUESTED", "CONFIRMED", "WAITLISTED"].includes(b.status));
  return h(
    "li",
    { class: "series", "data-series-id": entry.seriesId },
    h("strong", {}, t("series.label", { weeks: entry.weeks, name: first?.resource.name ?? "" })),
    h(
      "ul",
      { class: "series-weeks" },
      ...entry.bookings.map((b) =>
        h(
          "li",
          bookingAttributes(b),
          `${formatDateTime(new Date(b.start), locale())} – ${formatDateTime(new Date(b.end), locale())} · `,
          h("span", { class: `status status-${b.status.toLowerCase()}` }, t(`status.${b.status}`)),
          b.decisionNote ? h("div", { class: "muted small decision" }, t("org.decisionNoteShown", { note: b.decisionNote })) : null,
          live.includes(b) ? cancelOne(b) : null,
          live.includes(b) && b !== live[0] ? cancelSeriesControls(entry.seriesId, b.start) : null,
        ),
      ),
    ),
    live.length > 0 ? cancelSeriesControls(entry.seriesId, null) : null,
  );
}

// "Cancel series" (from null) or "cancel from this week", then the confirmation with a reason.
function cancelSeriesControls(seriesId: string, from: string | null): HTMLElement {
  const key = `${seriesId}-${from ? Date.parse(from) : "all"}`;
  if (cancelling?.seriesId !== seriesId || cancelling.from !== from) {
    return h(
      "button",
      {
        type: "button",
        class: `small-button ${from ? "cancel-series-from" : "cancel-series"}`,
        onclick: () => {
          cancelling = { seriesId, from };
          rerender();
          document.getElementById(`series-reason-${key}`)?.focus();
        },
      },
      t(from ? "series.cancelFrom" : "series.cancelAll"),
    );
  }
  const question = from ? t("series.cancelFromConfirm", { date: formatLongDate(new Date(from), locale()) }) : t("series.cancelAllConfirm");
  const reason = h("textarea", { id: `series-reason-${key}`, rows: 2, maxlength: 2000 });
  const error = h("p", { class: "error", role: "alert" });
  return h(
    "div",
    { class: "confirm-cancel confirm-cancel-series", role: "group", "aria-label": question },
    h("p", {}, h("strong", {}, question)),
    h("label", { for: `series-reason-${key}`, class: "small" }, t("org.cancelReason")),
    reason,
    h(
      "div",
      { class: "row" },
      h(
        "button",
        {
          type: "button",
          class: "small-button confirm-cancel-series-yes",
          onclick: () =>
            void request(CancelBookingSeriesDocument, { id: seriesId, fromStart: from, reason: reason.value.trim() || null }).then(async (r) => {
              const failure = r.cancelBookingSeries.errors[0];
              if (failure) return void (error.textContent = errorText(failure));
              cancelling = null;
              await loadBookings();
              if (state.resource) await loadResource(state.resource.id, startOfBrusselsWeek(new Date(state.resource.availability[0]?.start ?? Date.now())));
              state.note = t("series.cancelled", { count: r.cancelBookingSeries.cancelled.length });
              rerender();
              announce(state.note);
            }),
        },
        t("org.cancelYes"),
      ),
      h("button", { type: "button", class: "small-button confirm-cancel-no", onclick: () => void ((cancelling = null), rerender()) }, t("org.cancelNo")),
    ),
    error,
  );
}
