// Selecting a period on the calendar's time grid by dragging (pointer) or with Shift+arrows (keyboard):
// Brussels wall-clock minutes of one day column, snapped to a step, kept inside what may be booked
// there (the slot the drag started in, or the whole day for a resource booked in free periods).
import { addBrusselsDays, brusselsDate, brusselsLocalToInstant } from "./time";

/** The grid's selection step: a drag or a key press moves by quarter hours. */
export const selectionStepMinutes = 15;

/** A period on one day column, in wall-clock minutes since its midnight: `start` < `end`, 0 … 1440. */
export type WallPeriod = { start: number; end: number };

/** The wall-clock minute, snapped to `step`, under a pointer `offset` px below the top of a column `height` px tall (24 h). */
export function minuteAtOffset(offset: number, height: number, step = selectionStepMinutes): number {
  if (!(height > 0)) return 0;
  const minute = (Math.min(Math.max(offset, 0), height) / height) * 1440;
  return Math.round(minute / step) * step;
}

/**
 * The instant of wall-clock `minute` on the Brussels day starting at `dayStart`; 1440 is the next
 * midnight. On the spring change the missing hour (02:00–03:00) resolves to 03:00.
 */
export function instantAtWallMinute(dayStart: Date, minute: number): Date {
  if (minute >= 1440) return addBrusselsDays(dayStart, 1);
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return brusselsLocalToInstant(`${brusselsDate(dayStart)}T${hh}:${mm}`);
}

/**
 * The period between where a drag started (`anchor`) and where the pointer is (`current`), in either
 * direction, at least one step long and inside `bounds` (a slot's part of the day, or the whole day).
 */
export function dragPeriod(anchor: number, current: number, bounds: WallPeriod, step = selectionStepMinutes): WallPeriod {
  const clamp = (m: number) => Math.min(Math.max(m, bounds.start), bounds.end);
  let start = clamp(Math.min(anchor, current));
  let end = clamp(Math.max(anchor, current));
  if (end - start < step) {
    // a click-sized drag: one step from the anchor, downwards where there is room
    start = clamp(Math.min(anchor, bounds.end - step));
    end = clamp(start + step);
  }
  return { start, end };
}

/**
 * The keyboard's equivalent of dragging: Shift+ArrowDown / Shift+ArrowUp move the end by `by` minutes
 * (a step; Shift+PageDown / PageUp an hour), never before one step after the start nor past `bounds`.
 */
export function extendPeriod(period: WallPeriod, by: number, bounds: WallPeriod, step = selectionStepMinutes): WallPeriod {
  const end = Math.min(Math.max(period.end + by, period.start + step), bounds.end);
  return { start: period.start, end: Math.max(end, Math.min(period.start + step, bounds.end)) };
}

/** The minutes a key press extends a selection by, or null for keys that do not (Shift+arrows, Shift+PageUp/Down). */
export function keyExtension(key: string, shift: boolean, step = selectionStepMinutes): number | null {
  if (!shift) return null;
  switch (key) {
    case "ArrowDown":
      return step;
    case "ArrowUp":
      return -step;
    case "PageDown":
      return 60;
    case "PageUp":
      return -60;
    default:
      return null;
  }
}

/** Whether a booking's length fits the resource: "short" or "long" when not, else null. */
export function durationProblem(start: Date, end: Date, minMinutes: number, maxMinutes: number): "short" | "long" | null {
  const minutes = (end.getTime() - start.getTime()) / 60000;
  if (!(minutes > 0)) return null;
  if (minutes < minMinutes) return "short";
  if (maxMinutes > 0 && minutes > maxMinutes) return "long";
  return null;
}
