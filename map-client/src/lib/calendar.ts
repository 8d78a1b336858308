// The week grid of the organisation view: a resource's slots and the viewer's bookings laid out
// per Brussels day, each with what a booker needs to know (free, taken, pending, mine).
import type { BookingStatus } from "../graphql/generated";
import { addBrusselsDays, brusselsLocalToInstant, brusselsParts } from "./time";

export type SlotInput = { id: string; start: string; end: string; capacity: number; remaining: number };
export type BookingInput = { id: string; start: string; end: string; status: BookingStatus; resourceId: string };
export type CellStatus = "free" | "partly" | "taken" | "pending" | "mine";

export type CalendarItem = {
  key: string;
  slotId: string | null;
  bookingId: string | null;
  start: Date;
  end: Date;
  /** The part of the item on this day (items crossing midnight appear on each day they cover). */
  dayStart: Date;
  dayEnd: Date;
  status: CellStatus;
  remaining: number;
  capacity: number;
  bookingStatus: BookingStatus | null;
};

export type CalendarDay = { date: Date; items: CalendarItem[] };

const live: readonly BookingStatus[] = ["REQUESTED", "CONFIRMED"];
const overlaps = (aStart: Date, aEnd: Date, bStart: Date, bEnd: Date) => aStart < bEnd && bStart < aEnd;

/** Status of a slot given the viewer's live bookings of it: theirs first, then by what is left. */
export function slotStatus(slot: SlotInput, ownBookings: readonly BookingInput[]): { status: CellStatus; booking: BookingInput | null } {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  const mine = ownBookings.find((b) => live.includes(b.status) && overlaps(start, end, new Date(b.start), new Date(b.end)));
  if (mine) return { status: mine.status === "REQUESTED" ? "pending" : "mine", booking: mine };
  if (slot.remaining <= 0) return { status: "taken", booking: null };
  if (slot.remaining < slot.capacity) return { status: "partly", booking: null };
  return { status: "free", booking: null };
}

/**
 * Seven days from `weekStart` (Monday 00:00 Brussels), each with the slots and own bookings that
 * touch it, in time order. Own bookings outside any slot (booked by period) are shown too.
 */
export function buildWeek(weekStart: Date, slots: readonly SlotInput[], ownBookings: readonly BookingInput[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  const covered = new Set<string>();
  const entries: Omit<CalendarItem, "dayStart" | "dayEnd">[] = slots.map((slot) => {
    const { status, booking } = slotStatus(slot, ownBookings);
    if (booking) covered.add(booking.id);
    return {
      key: `slot:${slot.id}`,
      slotId: slot.id,
      bookingId: booking?.id ?? null,
      start: new Date(slot.start),
      end: new Date(slot.end),
      status,
      remaining: slot.remaining,
      capacity: slot.capacity,
      bookingStatus: booking?.status ?? null,
    };
  });
  for (const booking of ownBookings) {
    if (covered.has(booking.id) || !live.includes(booking.status)) continue;
    entries.push({
      key: `booking:${booking.id}`,
      slotId: null,
      bookingId: booking.id,
      start: new Date(booking.start),
      end: new Date(booking.end),
      status: booking.status === "REQUESTED" ? "pending" : "mine",
      remaining: 0,
      capacity: 0,
      bookingStatus: booking.status,
    });
  }
  entries.sort((a, b) => a.start.getTime() - b.start.getTime());
  for (let i = 0; i < 7; i++) {
    const dayStart = addBrusselsDays(weekStart, i);
    const dayEnd = addBrusselsDays(weekStart, i + 1);
    const items = entries
      .filter((e) => overlaps(e.start, e.end, dayStart, dayEnd))
      .map((e) => ({ ...e, dayStart: e.start > dayStart ? e.start : dayStart, dayEnd: e.end < dayEnd ? e.end : dayEnd }));
    days.push({ date: dayStart, items });
  }
  return days;
}

/**
 * What a booking request asks for: the whole slot by its id (so the slot's capacity is held), or the
 * period the booker narrowed it to (Brussels local `datetime-local` values).
 */
export function bookingPeriod(
  item: Pick<CalendarItem, "slotId" | "start" | "end">,
  startLocal: string,
  endLocal: string,
): { slotId: string } | { start: string; end: string } {
  const start = brusselsLocalToInstant(startLocal);
  const end = brusselsLocalToInstant(endLocal);
  if (item.slotId && start.getTime() === item.start.getTime() && end.getTime() === item.end.getTime()) return { slotId: item.slotId };
  return { start: start.toISOString(), end: end.toISOString() };
}

/** Minutes in a wall-clock day: the grid always draws 00:00 to 24:00 so every column shares one hour axis. */
export const gridMinutes = 24 * 60;
/** The shortest block drawn, so a block inside the repeated autumn hour (02:30 → 02:15 on the wall) stays clickable. */
export const minimumBlockMinutes = 15;

/** An item's part on one day, placed on the time grid. */
export type GridBlock = CalendarItem & {
  /** Brussels wall-clock minutes from the day's midnight to the block's start (0 … 1440). */
  top: number;
  /** Wall-clock minutes the block spans on the grid (at least `minimumBlockMinutes`). */
  height: number;
  /** Real minutes the block lasts: 60 fewer or more than `height` across a daylight-saving change. */
  durationMinutes: number;
  /** Side-by-side lanes for blocks overlapping in time: this block's lane and how many lanes its group needs. */
  lane: number;
  lanes: number;
};

/** A day column of the grid; `minutes` is the day's real length (1380 on the spring change, 1500 in autumn). */
export type GridDay = { date: Date; minutes: number; blocks: GridBlock[] };

/** Brussels wall-clock minutes since the midnight `dayStart` of `instant`; the next midnight is 1440. */
function wallMinutes(instant: Date, dayStart: Date, dayEnd: Date): number {
  if (instant.getTime() >= dayEnd.getTime()) return gridMinutes;
  if (instant.getTime() <= dayStart.getTime()) return 0;
  const p = brusselsParts(instant);
  return p.hour * 60 + p.minute;
}

/** Gives each block of a day a lane: blocks overlapping in time (directly or through others) share their group's lanes. */
function assignLanes(blocks: GridBlock[]): void {
  let group: GridBlock[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const close = () => {
    for (const block of group) block.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const block of [...blocks].sort((a, b) => a.top - b.top || b.height - a.height)) {
    if (block.top >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= block.top);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = block.top + block.height;
    block.lane = lane;
    group.push(block);
    groupEnd = Math.max(groupEnd, block.top + block.height);
  }
  close();
}

/**
 * The week as a time grid: each day's items (a slot or booking crossing midnight is split, one block
 * per day it covers) with their top and height in Brussels wall-clock minutes, so a 10:00–17:00 block
 * sits between the 10 and 17 hour lines also on the 23 h and 25 h daylight-saving days.
 */
export function layoutWeek(weekStart: Date, slots: readonly SlotInput[], ownBookings: readonly BookingInput[]): GridDay[] {
  return buildWeek(weekStart, slots, ownBookings).map((day) => {
    const dayEnd = addBrusselsDays(day.date, 1);
    const blocks = day.items.map((item): GridBlock => {
      const top = wallMinutes(item.dayStart, day.date, dayEnd);
      const bottom = wallMinutes(item.dayEnd, day.date, dayEnd);
      return {
        ...item,
        top: Math.min(top, gridMinutes - minimumBlockMinutes),
        height: Math.max(bottom - top, minimumBlockMinutes),
        durationMinutes: Math.round((item.dayEnd.getTime() - item.dayStart.getTime()) / 60000),
        lane: 0,
        lanes: 1,
      };
    });
    assignLanes(blocks);
    return { date: day.date, minutes: Math.round((dayEnd.getTime() - day.date.getTime()) / 60000), blocks };
  });
}

/**
 * What the requested period would collide with before it is sent: slots with no room left and the
 * viewer's own live bookings of the resource. Empty when the period is free (or not a valid period).
 */
export function periodConflicts(
  startLocal: string,
  endLocal: string,
  slots: readonly SlotInput[],
  ownBookings: readonly BookingInput[],
): { start: Date; end: Date; reason: "taken" | "mine" }[] {
  let start: Date;
  let end: Date;
  try {
    start = brusselsLocalToInstant(startLocal);
    end = brusselsLocalToInstant(endLocal);
  } catch {
    return [];
  }
  if (!(start < end)) return [];
  const taken = slots
    .filter((s) => s.remaining <= 0 && overlaps(start, end, new Date(s.start), new Date(s.end)))
    .map((s) => ({ start: new Date(s.start), end: new Date(s.end), reason: "taken" as const }));
  const mine = ownBookings
    .filter((b) => live.includes(b.status) && overlaps(start, end, new Date(b.start), new Date(b.end)))
    .map((b) => ({ start: new Date(b.start), end: new Date(b.end), reason: "mine" as const }));
  // our own request of a full slot is both; say it once, as ours
  const ours = new Set(mine.map((c) => `${c.start.getTime()}-${c.end.getTime()}`));
  return [...taken.filter((c) => !ours.has(`${c.start.getTime()}-${c.end.getTime()}`)), ...mine].sort((a, b) => a.start.getTime() - b.start.getTime());
}
