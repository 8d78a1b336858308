// "Open now" / "next session" for a place: the server answers isOpenAt; this picks what to say.
import type { DayOfWeek } from "../graphql/generated";
import { brusselsParts } from "./time";

export type WeeklyInterval = { day: DayOfWeek; opens: string; closes: string };
export type Session = { start: string; end: string; title: string };

export type OpeningState =
  | { kind: "session-now"; title: string; until: Date }
  | { kind: "open"; until: string | null }
  | { kind: "opens"; day: DayOfWeek; time: string }
  | { kind: "next-session"; start: Date }
  | { kind: "closed" }
  | { kind: "unknown" };

const days: DayOfWeek[] = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * What to tell a resident about a place at `now`. `isOpenAt` is the server's answer (null when it
 * does not know); weekly intervals refine "open" with a closing time and "closed" with the next
 * opening; the next session is mentioned when nothing sooner is known.
 */
export function openingState(input: { isOpenAt: boolean | null; weekly: readonly WeeklyInterval[]; sessions: readonly Session[]; now: Date }): OpeningState {
  const { now } = input;
  const current = input.sessions.find((s) => new Date(s.start) <= now && now < new Date(s.end));
  if (current) return { kind: "session-now", title: current.title, until: new Date(current.end) };
  const local = brusselsParts(now);
  const nowMinutes = local.weekday * 1440 + local.hour * 60 + local.minute;
  const intervals = input.weekly.map((w) => {
    const start = days.indexOf(w.day) * 1440 + minutes(w.opens);
    let end = days.indexOf(w.day) * 1440 + minutes(w.closes);
    if (end <= start) end += 1440;
    return { ...w, start, end };
  });
  if (input.isOpenAt === true) {
    const open = intervals.find((i) => (i.start <= nowMinutes && nowMinutes < i.end) || (i.start <= nowMinutes + 10080 && nowMinutes + 10080 < i.end));
    return { kind: "open", until: open ? open.closes : null };
  }
  const nextSession = input.sessions.map((s) => new Date(s.start)).find((start) => start > now);
  if (intervals.length > 0) {
    const next = intervals
      .map((i) => ({ ...i, wait: (i.start - nowMinutes + 10080) % 10080 }))
      .filter((i) => i.wait > 0)
      .sort((a, b) => a.wait - b.wait)[0];
    if (next && (!nextSession || nextSession.getTime() - now.getTime() > next.wait * 60000)) return { kind: "opens", day: next.day, time: next.opens };
  }
  if (nextSession) return { kind: "next-session", start: nextSession };
  return input.isOpenAt === false ? { kind: "closed" } : { kind: "unknown" };
}

type Translate = (
  key: "open.now" | "open.nowUntil" | "open.sessionNow" | "open.closed" | "open.opensAt" | "open.nextSession" | "open.unknown" | `day.${DayOfWeek}`,
  params?: Record<string, string>,
) => string;

/** The sentence for an opening state, e.g. "Nu open tot 17:00" or "Volgende sessie: za 5 dec. 14:00". */
export function describeOpening(
  state: OpeningState,
  translate: Translate,
  formatWhen: (instant: Date) => string,
  formatClock: (instant: Date) => string,
): string {
  switch (state.kind) {
    case "session-now":
      return `${translate("open.sessionNow", { title: state.title })} (–${formatClock(state.until)})`;
    case "open":
      return state.until ? translate("open.nowUntil", { time: state.until }) : translate("open.now");
    case "opens":
      return translate("open.opensAt", { day: translate(`day.${state.day}`), time: state.time });
    case "next-session":
      return translate("open.nextSession", { when: formatWhen(state.start) });
    case "closed":
      return translate("open.closed");
    case "unknown":
      return translate("open.unknown");
  }
}
