import { describe, expect, it } from "vitest";

import { dragPeriod, durationProblem, extendPeriod, instantAtWallMinute, keyExtension, minuteAtOffset } from "./period-select";
import { brusselsLocalToInstant } from "./time";

describe("minuteAtOffset", () => {
  it("snaps the pointer to quarter hours of a 24 h column", () => {
    expect(minuteAtOffset(0, 528)).toBe(0);
    expect(minuteAtOffset(220, 528)).toBe(600); // 22 px an hour: 10:00
    expect(minuteAtOffset(226, 528)).toBe(615); // 10:16 → 10:15
    expect(minuteAtOffset(600, 528)).toBe(1440); // below the column: midnight
    expect(minuteAtOffset(-5, 528)).toBe(0);
  });
});

describe("instantAtWallMinute", () => {
  it("reads wall-clock minutes as Brussels time, also on daylight-saving days", () => {
    const winterDay = brusselsLocalToInstant("2026-12-05T00:00");
    expect(instantAtWallMinute(winterDay, 600).toISOString()).toBe("2026-12-05T09:00:00.000Z");
    expect(instantAtWallMinute(winterDay, 1440).toISOString()).toBe("2026-12-05T23:00:00.000Z");
    const autumnChange = brusselsLocalToInstant("2026-10-25T00:00");
    // 10:00 on the 25 h day is 11 real hours after midnight, in winter time
    expect(instantAtWallMinute(autumnChange, 600).toISOString()).toBe("2026-10-25T09:00:00.000Z");
    const springChange = brusselsLocalToInstant("2026-03-29T00:00");
    expect(instantAtWallMinute(springChange, 600).toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(instantAtWallMinute(springChange, 1440).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});

describe("dragPeriod", () => {
  const slot = { start: 600, end: 1020 }; // 10:00–17:00
  it("orders the period whichever way the pointer moved", () => {
    expect(dragPeriod(600, 780, slot)).toEqual({ start: 600, end: 780 });
    expect(dragPeriod(780, 660, slot)).toEqual({ start: 660, end: 780 });
  });
  it("keeps the period inside the slot the drag started in", () => {
    expect(dragPeriod(900, 1200, slot)).toEqual({ start: 900, end: 1020 });
    expect(dragPeriod(700, 300, slot)).toEqual({ start: 600, end: 700 });
  });
  it("makes a click-sized drag one step long, upwards at the slot's end", () => {
    expect(dragPeriod(660, 660, slot)).toEqual({ start: 660, end: 675 });
    expect(dragPeriod(1020, 1020, slot)).toEqual({ start: 1005, end: 1020 });
  });
});

describe("extendPeriod and keyExtension", () => {
  const day = { start: 0, end: 1440 };
  it("moves the end by a quarter hour or an hour with Shift", () => {
    expect(keyExtension("ArrowDown", true)).toBe(15);
    expect(keyExtension("PageUp", true)).toBe(-60);
    expect(keyExtension("ArrowDown", false)).toBeNull();
    expect(keyExtension("Enter", true)).toBeNull();
    expect(extendPeriod({ start: 600, end: 615 }, 60, day)).toEqual({ start: 600, end: 675 });
  });
  it("never shrinks below one step nor grows past the bounds", () => {
    expect(extendPeriod({ start: 600, end: 615 }, -15, day)).toEqual({ start: 600, end: 615 });
    expect(extendPeriod({ start: 600, end: 1000 }, 60, { start: 600, end: 1020 })).toEqual({ start: 600, end: 1020 });
  });
});

describe("durationProblem", () => {
  const at = (local: string) => brusselsLocalToInstant(local);
  it("says when a period is shorter than the minimum or longer than the maximum", () => {
    expect(durationProblem(at("2026-12-05T10:00"), at("2026-12-05T12:00"), 240, 4320)).toBe("short");
    expect(durationProblem(at("2026-12-05T10:00"), at("2026-12-05T17:00"), 240, 4320)).toBeNull();
    expect(durationProblem(at("2026-12-05T10:00"), at("2026-12-05T17:00"), 30, 240)).toBe("long");
  });
});
