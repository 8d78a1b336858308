// The approval queue's pure parts: which requests a manager sees, in which order, and how much time
// is left to decide.

export type QueueRequest = { id: string; createdAt: string; expiresAt: string | null };

/** Requests oldest first (first come, first decided); equal instants keep a stable order by id. */
export function oldestFirst<T extends QueueRequest>(requests: readonly T[]): T[] {
  return [...requests].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The time left until `expiresAt` as "2 d 3 h", "5 h 10 min" or "12 min"; "0 min" once it has passed. */
export function timeLeft(expiresAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 60000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}
