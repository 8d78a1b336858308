// The viewer's bookings, live ones first, each live one with a cancel button.
import { request } from "../../api/graphql-client";
import { CancelBookingDocument } from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { formatDateTime, startOfBrusselsWeek } from "../../lib/time";
import { bookingAttributes } from "../../test-hooks";
import { announce, h } from "../dom";
import { errorText } from "../format";
import { loadBookings, loadResource, rerender, state } from "./state";

export function myBookings(): HTMLElement {
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
                          if (state.resource)
                            await loadResource(state.resource.id, startOfBrusselsWeek(new Date(state.resource.availability[0]?.start ?? b.start)));
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
