// Selecting a period on the time grid: drag inside a free block (or, for a resource booked in free
// periods, anywhere on a day) with a mouse, pen or finger (pointer events; on touch after a short
// press, so a swipe still scrolls), or press Shift+Arrow keys on a focused block to extend the
// selection by quarter hours (Shift+PageDown/PageUp: an hour). The chosen period goes to the booking
// form; the band drawn on the grid says at once when it overlaps taken time or your own booking.
import { locale, t } from "../../i18n";
import { type BookingInput, type CalendarItem, type GridBlock, type GridDay, gridMinutes, periodConflicts } from "../../lib/calendar";
import { dragPeriod, extendPeriod, instantAtWallMinute, keyExtension, minuteAtOffset, selectionStepMinutes, type WallPeriod } from "../../lib/period-select";
import { addBrusselsDays, brusselsDate, brusselsParts, formatTime, instantToBrusselsLocal } from "../../lib/time";
import { announce, h } from "../dom";
import { rerender, type Resource, state } from "./state";

const touchHoldMs = 300;

/** Whether a block can be (partly) chosen: free, partly free, or full (to join its waitlist). */
export const selectable = (item: CalendarItem) => item.status === "free" || item.status === "partly" || item.status === "taken";

/**
 * A resource that never had an availability schedule is booked in free periods: any time of any day.
 * One whose schedules were all deleted is not (the server keeps it booked in slots, so it has none).
 */
export const allowsFreePeriods = (resource: Resource) => !resource.bookedInSlots;

function wallMinuteOf(instant: Date, day: GridDay): number {
  if (instant.getTime() >= addBrusselsDays(day.date, 1).getTime()) return gridMinutes;
  if (instant.getTime() <= day.date.getTime()) return 0;
  const p = brusselsParts(instant);
  return p.hour * 60 + p.minute;
}

/** The selection as wall minutes of `day`, when it lies on that day. */
function selectionOn(day: GridDay): WallPeriod | null {
  const selected = state.selected;
  if (!selected || brusselsDate(selected.dayStart) !== brusselsDate(day.date)) return null;
  return { start: wallMinuteOf(selected.dayStart, day), end: wallMinuteOf(selected.dayEnd, day) };
}

/** A free-period item for a resource without slots: the selection is all there is. */
function freePeriodItem(day: GridDay): CalendarItem {
  return {
    key: `period:${brusselsDate(day.date)}`,
    slotId: null,
    bookingId: null,
    start: day.date,
    end: addBrusselsDays(day.date, 1),
    dayStart: day.date,
    dayEnd: addBrusselsDays(day.date, 1),
    status: "free",
    remaining: 0,
    capacity: 0,
    bookingStatus: null,
  };
}

/** What the grid shows of a resource: its slots and the viewer's own bookings of it. */
export type GridContext = { resource: Resource; own: readonly BookingInput[] };

function conflictsOf({ resource, own }: GridContext, day: GridDay, period: WallPeriod) {
  return periodConflicts(
    instantToBrusselsLocal(instantAtWallMinute(day.date, period.start)),
    instantToBrusselsLocal(instantAtWallMinute(day.date, period.end)),
    resource.availability,
    own,
  );
}

function bandText(resource: GridContext, day: GridDay, period: WallPeriod): { text: string; conflict: boolean } {
  const end = period.end >= gridMinutes ? "24:00" : formatTime(instantAtWallMinute(day.date, period.end), locale());
  const times = `${formatTime(instantAtWallMinute(day.date, period.start), locale())}–${end}`;
  const conflict = conflictsOf(resource, day, period).length > 0;
  return { text: `${times} ${conflict ? t("org.selectionConflict") : t("org.selection")}`, conflict };
}

function placeBand(band: HTMLElement, resource: GridContext, day: GridDay, period: WallPeriod): void {
  const { text, conflict } = bandText(resource, day, period);
  band.style.top = `${(period.start / gridMinutes) * 100}%`;
  band.style.height = `${((period.end - period.start) / gridMinutes) * 100}%`;
  band.classList.toggle("selection-conflict", conflict);
  band.textContent = text;
}

/** The band of the chosen period on its day, when it is not exactly one block (those show as selected). */
export function selectionBand(resource: GridContext, day: GridDay): HTMLElement | null {
  const period = selectionOn(day);
  const selected = state.selected;
  if (!period || !selected) return null;
  const wholeBlock = selected.slotId !== null && day.blocks.some((b) => b.key === selected.key && b.top === period.start && b.top + b.height === period.end);
  if (wholeBlock) return null;
  const band = h("div", { class: "selection", id: "grid-selection", "aria-hidden": "true" });
  placeBand(band, resource, day, period);
  return band;
}

/** Puts the period in the booking form and tells the reader what was chosen. */
function choose(resource: GridContext, item: CalendarItem, day: GridDay, period: WallPeriod, refocus: string | null): void {
  state.selected = { ...item, dayStart: instantAtWallMinute(day.date, period.start), dayEnd: instantAtWallMinute(day.date, period.end) };
  state.idempotencyKey = crypto.randomUUID();
  rerender();
  if (refocus) document.querySelector<HTMLElement>(refocus)?.focus();
  else document.getElementById("booking-form")?.scrollIntoView({ block: "nearest" });
  announce(bandText(resource, day, period).text);
}

/**
 * Makes a day column draggable. `blocks` maps each drawn block's element to its block; a drag that
 * starts on a selectable block stays inside it, one that starts on the empty day only counts for a
 * resource booked in free periods.
 */
export function enablePeriodSelect(column: HTMLElement, resource: GridContext, day: GridDay, blocks: Map<Element, GridBlock>): void {
  const free = allowsFreePeriods(resource.resource);
  let drag: { id: number; anchor: number; bounds: WallPeriod; item: CalendarItem; band: HTMLElement | null; period: WallPeriod; x: number; y: number } | null =
    null;
  let holdTimer = 0;
  let suppressClick = false;
  const minuteAt = (clientY: number) => {
    const rect = column.getBoundingClientRect();
    return minuteAtOffset(clientY - rect.top, rect.height);
  };
  const start = () => {
    if (!drag || drag.band) return;
    drag.band = h("div", { class: "selection dragging", "aria-hidden": "true" });
    column.append(drag.band);
    column.setPointerCapture(drag.id);
    placeBand(drag.band, resource, day, drag.period);
  };
  column.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    const target = (event.target as Element).closest(".slot");
    const block = target ? blocks.get(target) : undefined;
    let bounds: WallPeriod;
    let item: CalendarItem;
    if (block && selectable(block)) {
      bounds = { start: block.top, end: block.top + block.height };
      item = block;
    } else if (!target && free) {
      bounds = { start: 0, end: gridMinutes };
      item = freePeriodItem(day);
    } else return;
    const anchor = Math.min(Math.max(minuteAt(event.clientY), bounds.start), bounds.end);
    drag = { id: event.pointerId, anchor, bounds, item, band: null, period: dragPeriod(anchor, anchor, bounds), x: event.clientX, y: event.clientY };
    // a finger first holds still, so that a swipe over the grid still scrolls the page
    if (event.pointerType === "touch") holdTimer = window.setTimeout(start, touchHoldMs);
  });
  column.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    if (!drag.band) {
      const moved = Math.hypot(event.clientX - drag.x, event.clientY - drag.y);
      if (event.pointerType === "touch") {
        if (moved > 8) cancel();
        return;
      }
      if (moved < 4) return;
      start();
    }
    drag.period = dragPeriod(drag.anchor, minuteAt(event.clientY), drag.bounds);
    if (drag.band) placeBand(drag.band, resource, day, drag.period);
  });
  // once a held finger drags, the page must not scroll under it (touch-action cannot change mid-gesture)
  column.addEventListener("touchmove", (event) => drag?.band && event.preventDefault(), { passive: false });
  const cancel = () => {
    window.clearTimeout(holdTimer);
    drag?.band?.remove();
    drag = null;
  };
  column.addEventListener("pointerup", (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    window.clearTimeout(holdTimer);
    const finished = drag;
    drag = null;
    if (!finished.band) {
      // a click on the empty day of a free-period resource chooses an hour from there
      if (!(event.target as Element).closest(".slot") && free) {
        choose(resource, finished.item, day, dragPeriod(finished.anchor, finished.anchor + 60, finished.bounds), null);
      }
      return;
    }
    suppressClick = true;
    // a pointerup that makes no click (it ended outside the block) must not swallow the next click
    window.setTimeout(() => (suppressClick = false), 0);
    choose(resource, finished.item, day, finished.period, null);
  });
  column.addEventListener("pointercancel", cancel);
  // the click that ends a drag is not also a click on the block it ended on
  column.addEventListener(
    "click",
    (event) => {
      if (!suppressClick) return;
      suppressClick = false;
      event.stopPropagation();
      event.preventDefault();
    },
    true,
  );
  column.addEventListener("keydown", (event) => {
    const by = keyExtension(event.key, event.shiftKey);
    if (by === null) return;
    const target = event.target as Element;
    const block = blocks.get(target);
    let bounds: WallPeriod;
    let item: CalendarItem;
    let refocus: string;
    if (block && selectable(block)) {
      bounds = { start: block.top, end: block.top + block.height };
      item = block;
      refocus = `.grid-day[data-date="${brusselsDate(day.date)}"] .slot[data-start="${instantToBrusselsLocal(block.dayStart)}"][data-slot-id="${block.slotId ?? ""}"]`;
    } else if (target === column && free) {
      bounds = { start: 0, end: gridMinutes };
      item = freePeriodItem(day);
      refocus = `.grid-day[data-date="${brusselsDate(day.date)}"]`;
    } else return;
    event.preventDefault();
    const current = selectionOn(day);
    const same = current && state.selected?.key === item.key && current.start >= bounds.start && current.end <= bounds.end;
    const period = same ? extendPeriod(current, by, bounds) : dragPeriod(bounds.start, bounds.start + Math.max(by, selectionStepMinutes), bounds);
    choose(resource, item, day, period, refocus);
  });
}
