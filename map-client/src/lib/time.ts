// Wall-clock arithmetic in Europe/Brussels with Intl only (no date library): the server speaks
// UTC instants, people read Brussels time.
export const brusselsZone = "Europe/Brussels";

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: brusselsZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
  hourCycle: "h23",
});
const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The Brussels wall-clock fields of an instant; `weekday` is 0 for Monday … 6 for Sunday. */
export function brusselsParts(instant: Date): LocalParts {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays.indexOf(String(parts.weekday)),
  };
}

/** The offset of Brussels from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function brusselsOffsetMinutes(instant: Date): number {
  const p = brusselsParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** The instant of a Brussels wall-clock time `YYYY-MM-DDTHH:mm` (as in `<input type=datetime-local>`). */
export function brusselsLocalToInstant(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local);
  if (!match) throw new Error(`not a local date-time: ${local}`);
  const [, y, mo, d, h = "00", mi = "00"] = match;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  // Two rounds settle the offset also next to a daylight-saving change.
  let instant = new Date(guess - brusselsOffsetMinutes(new Date(guess)) * 60000);
  instant = new Date(guess - brusselsOffsetMinutes(instant) * 60000);
  return instant;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as Brussels `YYYY-MM-DDTHH:mm` for a datetime-local input. */
export function instantToBrusselsLocal(instant: Date): string {
  const p = brusselsParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The Brussels calendar date `YYYY-MM-DD` of an instant. */
export function brusselsDate(instant: Date): string {
  return instantToBrusselsLocal(instant).slice(0, 10);
}

/** Monday 00:00 Brussels time of the week holding `instant`. */
export function startOfBrusselsWeek(instant: Date): Date {
  const p = brusselsParts(instant);
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - p.weekday));
  return brusselsLocalToInstant(`${monday.toISOString().slice(0, 10)}T00:00`);
}

/** Midnight Brussels time `days` calendar days after the day of `start` (daylight-saving safe). */
export function addBrusselsDays(start: Date, days: number): Date {
  const p = brusselsParts(start);
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return brusselsLocalToInstant(`${date.toISOString().slice(0, 10)}T00:00`);
}

export function formatTime(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: brusselsZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

export function formatDay(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: brusselsZone, weekday: "short", day: "numeric", month: "short" }).format(instant);
}

export function formatDateTime(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: brusselsZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

export function formatLongDate(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: brusselsZone, day: "numeric", month: "long", year: "numeric" }).format(instant);
}
