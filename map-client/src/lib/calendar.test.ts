import { describe, expect, it } from "vitest";

import { bookingPeriod, buildWeek, slotStatus } from "./calendar";
import { brusselsLocalToInstant } from "./time";

const monday = brusselsLocalToInstant("2026-12-07T00:00");
const slot = (id: string, start: string, end: string, remaining = 1, capacity = 1) => ({
  id,
  start: brusselsLocalToInstant(start).toISOString(),
  end: brusselsLocalToInstant(end).toISOString(),
  capacity,
  remaining,
});

describe("slotStatus", () => {
  it("is free with all capacity left", () => expect(slotStatus(slot("a", "2026-12-07T10:00", "2026-12-07T18:00"), []).status).toBe("free"));
  it("is partly free with some capacity left", () => expect(slotStatus(slot("a", "2026-12-07T10:00", "2026-12-07T18:00", 2, 3), []).status).toBe("partly"));
  it("is taken with nothing left and no booking of ours", () =>
    expect(slotStatus(slot("a", "2026-12-07T10:00", "2026-12-07T18:00", 0), []).status).toBe("taken"));
  it("is pending when our request holds it", () => {
    const s = slot("a", "2026-12-07T10:00", "2026-12-07T18:00", 0);
    expect(slotStatus(s, [{ id: "b", start: s.start, end: s.end, status: "REQUESTED", resourceId: "r" }]).status).toBe("pending");
  });
  it("ignores our cancelled bookings", () => {
    const s = slot("a", "2026-12-07T10:00", "2026-12-07T18:00", 1);
    expect(slotStatus(s, [{ id: "b", start: s.start, end: s.end, status: "CANCELLED", resourceId: "r" }]).status).toBe("free");
  });
});

describe("buildWeek", () => {
  it("makes seven Brussels days starting Monday", () => {
    const days = buildWeek(monday, [], []);
    expect(days).toHaveLength(7);
    expect(days[6]!.date.toISOString()).toBe("2026-12-12T23:00:00.000Z");
  });
  it("shows a weekend slot (Friday to Monday) on each day it covers, clipped to the day", () => {
    const days = buildWeek(monday, [slot("w", "2026-12-11T09:00", "2026-12-14T09:00")], []);
    expect(days.map((d) => d.items.length)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(days[4]!.items[0]!.dayStart.toISOString()).toBe("2026-12-11T08:00:00.000Z");
    expect(days[5]!.items[0]!.dayStart.toISOString()).toBe("2026-12-11T23:00:00.000Z");
  });
  it("adds our bookings made outside any slot", () => {
    const days = buildWeek(monday, [], [{ id: "b", start: "2026-12-08T09:00:00Z", end: "2026-12-08T11:00:00Z", status: "CONFIRMED", resourceId: "r" }]);
    expect(days[1]!.items[0]).toMatchObject({ bookingId: "b", status: "mine" });
  });
});

describe("bookingPeriod", () => {
  const item = { slotId: "s", start: brusselsLocalToInstant("2026-12-07T10:00"), end: brusselsLocalToInstant("2026-12-07T18:00") };
  it("asks for the whole slot by its id when the period is unchanged", () =>
    expect(bookingPeriod(item, "2026-12-07T10:00", "2026-12-07T18:00")).toEqual({ slotId: "s" }));
  it("asks for the narrowed period as instants", () =>
    expect(bookingPeriod(item, "2026-12-07T12:00", "2026-12-07T14:00")).toEqual({ start: "2026-12-07T11:00:00.000Z", end: "2026-12-07T13:00:00.000Z" }));
  it("asks for the period when the item is a booking without a slot", () =>
    expect(bookingPeriod({ ...item, slotId: null }, "2026-12-07T10:00", "2026-12-07T18:00")).toEqual({
      start: "2026-12-07T09:00:00.000Z",
      end: "2026-12-07T17:00:00.000Z",
    }));
});
