// The approval queue's pure parts: which requests a manager sees, in which order, and how much time
// is left to decide.
import { formatUnit } from "./duration";

export type QueueRequest = { id: string; createdAt: string; expiresAt: string | null };

/** Requests oldest first (first come, first decided); equal instants keep a stable order by id. */
export function oldestFirst<T extends QueueRequest>(requests: readonly T[]): T[] {
  return [...requests].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The time left until `expiresAt` in the two largest units, in the reader's language: "2 dagen 3 uur",
 * "5 heures 10 minutes", "12 minutes"; zero minutes once it has passed.
 */
export function timeLeft(expiresAt: Date, now: Date, locale: string): string {
  const minutes = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 60000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${formatUnit(days, "day", locale)} ${formatUnit(hours, "hour", locale)}`;
  if (hours > 0) return `${formatUnit(hours, "hour", locale)} ${formatUnit(rest, "minute", locale)}`;
  return formatUnit(rest, "minute", locale);
}
