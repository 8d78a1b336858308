// A resource's week as a time grid: hours down, days across (a phone, or the day view on a desktop,
// shows one day with previous / next day buttons), every slot and own booking drawn at its Brussels
// time as a button saying its day, time and state (free / taken / pending / yours, by colour and by
// word). Clicking a free block puts exactly that block's period in the booking form; dragging (or
// Shift+arrows) chooses part of it (period-select.ts). Also week navigation, the week / day switch,
// the jump to the next free period and the live-update status.
import { request } from "../../api/graphql-client";
import { UpcomingAvailabilityDocument } from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { type CalendarItem, type GridBlock, type GridDay, gridMinutes, layoutWeek } from "../../lib/calendar";
import { addBrusselsDays, brusselsDate, brusselsParts, formatDay, formatLongDate, formatTime, startOfBrusselsWeek } from "../../lib/time";
import { slotAttributes } from "../../test-hooks";
import { announce, h } from "../dom";
import { allowsFreePeriods, enablePeriodSelect, type GridContext, selectable, selectionBand } from "./period-select";
import { go, rerender, type Resource, state } from "./state";

// week (seven columns) or day (the one a phone shows) on a wide screen; a phone always shows a day
let view: "week" | "day" = "week";

export function statusLabel(item: Pick<CalendarItem, "status" | "remaining" | "capacity">): string {
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

/** The block's own times on its day; a block running to the next midnight ends at 24:00. */
function blockTimes(block: GridBlock, day: GridDay): string {
  const end = block.dayEnd.getTime() === addBrusselsDays(day.date, 1).getTime() ? "24:00" : formatTime(block.dayEnd, locale());
  return `${formatTime(block.dayStart, locale())}–${end}`;
}

export function ownBookingsOf(resource: Resource) {
  return state.bookings
    .filter((b) => b.resource.id === resource.id)
    .map((b) => ({ id: b.id, start: b.start, end: b.end, status: b.status, resourceId: b.resource.id }));
}

/** The day a phone shows: kept while paging within a week, else today if in this week, else the first free day. */
function phoneDayIndex(week: Date, days: GridDay[]): number {
  const key = brusselsDate(week);
  if (state.phoneDay.week === key) return state.phoneDay.index;
  const today = brusselsDate(new Date());
  let index = days.findIndex((d) => brusselsDate(d.date) === today);
  if (index < 0)
    index = Math.max(
      0,
      days.findIndex((d) => d.blocks.some((b) => b.status === "free" || b.status === "partly")),
    );
  state.phoneDay = { week: key, index };
  return index;
}

function stepPhoneDay(resourceId: string, week: Date, index: number, by: number): void {
  const next = index + by;
  if (next >= 0 && next < 7) {
    state.phoneDay = { week: brusselsDate(week), index: next };
    rerender();
    return;
  }
  const otherWeek = addBrusselsDays(week, by < 0 ? -7 : 7);
  state.phoneDay = { week: brusselsDate(otherWeek), index: by < 0 ? 6 : 0 };
  go(resourceId, otherWeek);
}

function block(item: GridBlock, day: GridDay): HTMLElement {
  const choosable = selectable(item);
  const label = statusLabel(item);
  const times = blockTimes(item, day);
  return h(
    "button",
    {
      type: "button",
      class: `slot slot-${item.status}${isSelected(item) ? " selected" : ""}${item.height < 60 ? " short" : ""}`,
      ...slotAttributes(item),
      style: `top:${(item.top / gridMinutes) * 100}%;height:${(item.height / gridMinutes) * 100}%;left:${(item.lane / item.lanes) * 100}%;width:${100 / item.lanes}%`,
      "aria-label": `${formatDay(day.date, locale())} ${times}: ${label}`,
      "aria-pressed": choosable ? String(isSelected(item)) : null,
      "aria-keyshortcuts": choosable ? "Shift+ArrowDown Shift+ArrowUp" : null,
      onclick: () => {
        // a full slot can be chosen to join its waitlist
        if (!choosable) return;
        state.selected = item;
        state.idempotencyKey = crypto.randomUUID();
        rerender();
        document.getElementById("booking-form")?.scrollIntoView({ block: "nearest" });
      },
    },
    // a narrow column may break the times after the dash, never inside a time
    h("span", { class: "slot-time" }, times.replace("–", "–\u200b")),
    h("span", { class: "slot-status" }, label),
  );
}

/** One day column: its blocks, the chosen period's band, and dragging / Shift+arrows to choose a period. */
function dayColumn(context: GridContext, day: GridDay, shown: boolean): HTMLElement {
  const blocks = new Map<Element, GridBlock>();
  const free = allowsFreePeriods(context.resource);
  const column = h(
    "div",
    {
      class: `grid-day${shown ? " phone-day" : ""}${free ? " free-periods" : ""}`,
      "data-date": brusselsDate(day.date),
      role: "group",
      "aria-label": free ? `${formatDay(day.date, locale())}: ${t("org.freePeriodHint")}` : formatDay(day.date, locale()),
      tabindex: free ? "0" : null,
    },
    ...day.blocks.map((item) => {
      const element = block(item, day);
      blocks.set(element, item);
      return element;
    }),
    selectionBand(context, day),
  );
  enablePeriodSelect(column, context, day, blocks);
  return column;
}

function viewSwitch(): HTMLElement {
  const button = (which: "week" | "day") =>
    h(
      "button",
      {
        type: "button",
        id: `view-${which}`,
        "aria-pressed": String(view === which),
        onclick: () => {
          view = which;
          rerender();
        },
      },
      t(which === "week" ? "org.viewWeek" : "org.viewDay"),
    );
  return h("div", { class: "view-switch", role: "group", "aria-label": t("org.view") }, button("week"), button("day"));
}

export function calendar(resource: Resource, week: Date): HTMLElement {
  const own = ownBookingsOf(resource);
  const days = layoutWeek(week, resource.availability, own);
  const hasItems = days.some((d) => d.blocks.length > 0);
  const phoneDay = phoneDayIndex(week, days);
  const shown = days[phoneDay]!;
  const hours = Array.from({ length: 23 }, (_, hour) => hour + 1);
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
      viewSwitch(),
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
      "div",
      { class: `time-grid${view === "day" ? " day-view" : ""}`, id: "week-grid", role: "group", "aria-labelledby": "calendar-heading" },
      h("div", { class: "grid-corner", "aria-hidden": "true" }),
      // only on a phone (CSS): one day at a time, in place of the day headings
      h(
        "div",
        { class: "day-nav" },
        h("button", { type: "button", id: "prev-day", "aria-label": t("org.prevDay"), onclick: () => stepPhoneDay(resource.id, week, phoneDay, -1) }, "‹"),
        h(
          "strong",
          { id: "phone-day" },
          formatDay(shown.date, locale()),
          shown.minutes === gridMinutes ? null : ` (${t("org.dayHours", { hours: shown.minutes / 60 })})`,
        ),
        h("button", { type: "button", id: "next-day", "aria-label": t("org.nextDay"), onclick: () => stepPhoneDay(resource.id, week, phoneDay, 1) }, "›"),
      ),
      ...days.map((day, index) =>
        h(
          "h3",
          {
            class: `grid-day-head${index === phoneDay ? " phone-day" : ""}`,
            title: day.minutes === gridMinutes ? null : t("org.dstDay", { hours: day.minutes / 60 }),
          },
          formatDay(day.date, locale()),
          day.minutes === gridMinutes ? null : h("span", { class: "dst" }, ` (${t("org.dayHours", { hours: day.minutes / 60 })})`),
        ),
      ),
      h(
        "div",
        { class: "hour-axis", "aria-hidden": "true" },
        ...hours.map((hour) => h("span", { style: `top:${(hour / 24) * 100}%` }, `${String(hour).padStart(2, "0")}:00`)),
      ),
      ...days.map((day, index) => dayColumn({ resource, own }, day, index === phoneDay)),
    ),
    h("p", { class: "muted small", id: "drag-hint" }, t(allowsFreePeriods(resource) ? "org.freePeriodHint" : "org.dragHint")),
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
  if (free) {
    const week = startOfBrusselsWeek(new Date(free.start));
    state.phoneDay = { week: brusselsDate(week), index: brusselsParts(new Date(free.start)).weekday };
    go(resourceId, week);
  } else announce(t("org.noSlots"));
}
