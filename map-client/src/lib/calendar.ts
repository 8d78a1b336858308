// The week grid of the organisation view: a resource's slots and the viewer's bookings laid out
// per Brussels day, each with what a booker needs to know (free, taken, pending, mine).
import type { BookingStatus } from "../graphql/generated";
import { addBrusselsDays, brusselsLocalToInstant } from "./time";

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
