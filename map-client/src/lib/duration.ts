// Durations in the reader's language through Intl's unit style, never hand-made "d", "h" or "min".

export type DurationUnit = "day" | "hour" | "minute";

/** A whole number of days, hours or minutes in the reader's language ("2 dagen", "1 heure", "10 minutes"). */
export function formatUnit(value: number, unit: DurationUnit, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

/** A length in minutes in the largest whole units: "4 uur", "1 jour 2 heures", "90 minutes" stays "1 hour 30 minutes". */
export function formatMinutes(minutes: number, locale: string): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(formatUnit(days, "day", locale));
  if (hours) parts.push(formatUnit(hours, "hour", locale));
  if (rest || parts.length === 0) parts.push(formatUnit(rest, "minute", locale));
  return parts.join(" ");
}
