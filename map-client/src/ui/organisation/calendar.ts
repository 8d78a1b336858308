// A resource's week: free / taken / pending / yours per Brussels day, week navigation, the jump to
// the next free period and the live-update status. Choosing a free slot opens the booking form.
import { request } from "../../api/graphql-client";
import { UpcomingAvailabilityDocument } from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { buildWeek, type CalendarItem } from "../../lib/calendar";
import { addBrusselsDays, formatDateTime, formatDay, formatLongDate, formatTime, startOfBrusselsWeek } from "../../lib/time";
import { slotAttributes } from "../../test-hooks";
import { announce, h } from "../dom";
import { go, rerender, type Resource, state } from "./state";

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

export function calendar(resource: Resource, week: Date): HTMLElement {
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
      h(
        "span",
        { id: "live-status", class: "muted small", "aria-live": "polite" },
        state.liveUpdatedAt
          ? `${t("org.live")}: ${t("org.liveUpdated")} ${formatTime(state.liveUpdatedAt, locale())}`
          : state.unsubscribe
            ? `${t("org.live")} ●`
            : "",
      ),
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
                    class: `slot slot-${item.status}${isSelected(item) ? " selected" : ""}`,
                    ...slotAttributes(item),
                    "aria-label": `${formatDateTime(item.start, locale())} – ${formatDateTime(item.end, locale())}: ${statusLabel(item)}`,
                    onclick: () => {
                      // a full slot can be chosen to join its waitlist
                      if (item.status === "free" || item.status === "partly" || item.status === "taken") {
                        state.selected = item;
                        state.idempotencyKey = crypto.randomUUID();
                        rerender();
                        document.getElementById("booking-form")?.scrollIntoView({ block: "nearest" });
                      }
                    },
                  },
                  h(
                    "span",
                    { class: "slot-time" },
                    `${formatTime(item.dayStart, locale())}–${item.dayEnd.getTime() === addBrusselsDays(day.date, 1).getTime() ? "24:00" : formatTime(item.dayEnd, locale())}`,
                  ),
                  h("span", { class: "slot-status" }, statusLabel(item)),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      "p",
      { class: "legend small" },
      `${t("org.legend")}: `,
      ...(["free", "pending", "mine", "taken"] as const).map((s) => h("span", { class: `legend-item slot-${s}` }, t(`slot.${s}`))),
    ),
  );
}

// The day's part of a slot is what was clicked: a weekend slot shows on three days, each its own choice.
function isSelected(item: CalendarItem): boolean {
  return state.selected?.key === item.key && state.selected.dayStart.getTime() === item.dayStart.getTime();
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
