import { describe, expect, it } from "vitest";

import { describeOpening, openingState } from "./opening";

const weekdays = [
  { day: "MONDAY", opens: "09:00", closes: "17:00" },
  { day: "SATURDAY", opens: "10:00", closes: "12:00" },
] as const;
// Monday 7 December 2026, 11:00 Brussels
const mondayMorning = new Date("2026-12-07T10:00:00Z");

describe("openingState", () => {
  it("says open until the closing time when the server says open", () => {
    expect(openingState({ isOpenAt: true, weekly: weekdays, sessions: [], now: mondayMorning })).toEqual({ kind: "open", until: "17:00" });
  });
  it("gives the next opening when closed", () => {
    const evening = new Date("2026-12-07T18:00:00Z");
    expect(openingState({ isOpenAt: false, weekly: weekdays, sessions: [], now: evening })).toEqual({ kind: "opens", day: "SATURDAY", time: "10:00" });
  });
  it("prefers a running session", () => {
    const state = openingState({
      isOpenAt: true,
      weekly: [],
      sessions: [{ title: "Repair Café", start: "2026-12-07T09:00:00Z", end: "2026-12-07T12:00:00Z" }],
      now: mondayMorning,
    });
    expect(state).toEqual({ kind: "session-now", title: "Repair Café", until: new Date("2026-12-07T12:00:00Z") });
  });
  it("announces the next session of a repair café without weekly hours", () => {
    const state = openingState({
      isOpenAt: false,
      weekly: [],
      sessions: [{ title: "RC", start: "2026-12-12T13:00:00Z", end: "2026-12-12T16:00:00Z" }],
      now: mondayMorning,
    });
    expect(state).toEqual({ kind: "next-session", start: new Date("2026-12-12T13:00:00Z") });
  });
  it("mentions a session that comes before the next weekly opening", () => {
    const evening = new Date("2026-12-07T18:00:00Z");
    const state = openingState({
      isOpenAt: false,
      weekly: weekdays,
      sessions: [{ title: "RC", start: "2026-12-09T13:00:00Z", end: "2026-12-09T16:00:00Z" }],
      now: evening,
    });
    expect(state.kind).toBe("next-session");
  });
  it("is unknown without hours, sessions or an answer", () => {
    expect(openingState({ isOpenAt: null, weekly: [], sessions: [], now: mondayMorning })).toEqual({ kind: "unknown" });
  });
});

describe("describeOpening", () => {
  const translate = (key: string, params?: Record<string, string>) => `${key}${params ? JSON.stringify(params) : ""}`;
  it("uses the closing time", () => expect(describeOpening({ kind: "open", until: "17:00" }, translate, String, String)).toBe('open.nowUntil{"time":"17:00"}'));
  it("translates the day name of the next opening", () =>
    expect(describeOpening({ kind: "opens", day: "SATURDAY", time: "10:00" }, translate, String, String)).toBe(
      'open.opensAt{"day":"day.SATURDAY","time":"10:00"}',
    ));
});
