// Recurring bookings (issue 16): how the member's bookings group into weekly series, and what a
// series request's per-week outcomes add up to. Pure, so the grouping and counting are tested alone.

/** A booking as far as grouping is concerned: its series, if it is one week of one. */
export type SeriesMember = { id: string; start: string; series: { id: string; weeks: number } | null };

/** One row of "your bookings": a single booking, or every listed week of one series in week order. */
export type BookingEntry<B extends SeriesMember> = { kind: "single"; booking: B } | { kind: "series"; seriesId: string; weeks: number; bookings: B[] };

/**
 * Groups the weeks of each series into one entry, placed where its first listed booking was, and keeps
 * single bookings as they are; the order of the list is otherwise kept.
 */
export function groupBySeries<B extends SeriesMember>(bookings: readonly B[]): BookingEntry<B>[] {
  const entries: BookingEntry<B>[] = [];
  const bySeries = new Map<string, Extract<BookingEntry<B>, { kind: "series" }>>();
  for (const booking of bookings) {
    if (!booking.series) {
      entries.push({ kind: "single", booking });
      continue;
    }
    let entry = bySeries.get(booking.series.id);
    if (!entry) {
      entry = { kind: "series", seriesId: booking.series.id, weeks: booking.series.weeks, bookings: [] };
      bySeries.set(booking.series.id, entry);
      entries.push(entry);
    }
    entry.bookings.push(booking);
  }
  for (const entry of bySeries.values()) entry.bookings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return entries;
}

/** A week's outcome as `requestBookingSeries` answers it. */
export type WeekOutcome = { week: number; start: string; booking: { status: string } | null; error: { code: string } | null };

/** How many weeks got a booking (confirmed, requested or waitlisted) and how many were refused. */
export function countOutcomes(weeks: readonly WeekOutcome[]): { booked: number; failed: number } {
  const booked = weeks.filter((w) => w.booking !== null).length;
  return { booked, failed: weeks.length - booked };
}
