import { describe, expect, it } from "vitest";

import { bookingPeriod, buildWeek, layoutWeek, periodConflicts, slotStatus } from "./calendar";
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

describe("layoutWeek", () => {
  it("places a block at its Brussels wall-clock minutes on an ordinary day", () => {
    const days = layoutWeek(monday, [slot("a", "2026-12-08T10:00", "2026-12-08T17:00")], []);
    expect(days[1]!.minutes).toBe(1440);
    expect(days[1]!.blocks[0]).toMatchObject({ top: 600, height: 420, durationMinutes: 420, lane: 0, lanes: 1 });
  });
  it("splits a weekend slot crossing midnight into one block per day", () => {
    const days = layoutWeek(monday, [slot("w", "2026-12-11T09:00", "2026-12-14T09:00")], []);
    expect(days.slice(4).map((d) => d.blocks.map((b) => [b.top, b.height]))).toEqual([[[540, 900]], [[0, 1440]], [[0, 1440]]]);
  });
  it("keeps the hour axis on the 23-hour spring day (2026-03-29)", () => {
    const springWeek = brusselsLocalToInstant("2026-03-23T00:00");
    const days = layoutWeek(
      springWeek,
      [
        slot("night", "2026-03-29T01:00", "2026-03-29T04:00"),
        slot("day", "2026-03-29T10:00", "2026-03-29T17:00"),
        slot("we", "2026-03-27T09:00", "2026-03-30T09:00"),
      ],
      [],
    );
    const sunday = days[6]!;
    expect(sunday.minutes).toBe(23 * 60);
    expect(sunday.blocks.find((b) => b.slotId === "night")).toMatchObject({ top: 60, height: 180, durationMinutes: 120 });
    expect(sunday.blocks.find((b) => b.slotId === "day")).toMatchObject({ top: 600, height: 420, durationMinutes: 420 });
    expect(sunday.blocks.find((b) => b.slotId === "we")).toMatchObject({ top: 0, height: 1440, durationMinutes: 23 * 60 });
    expect(days[5]!.minutes).toBe(1440);
  });
  it("keeps the hour axis on the 25-hour autumn day (2026-10-25)", () => {
    const autumnWeek = brusselsLocalToInstant("2026-10-19T00:00");
    const days = layoutWeek(autumnWeek, [slot("night", "2026-10-25T00:00", "2026-10-25T06:00"), slot("late", "2026-10-25T22:00", "2026-10-26T02:00")], []);
    const sunday = days[6]!;
    expect(sunday.minutes).toBe(25 * 60);
    expect(sunday.blocks.find((b) => b.slotId === "night")).toMatchObject({ top: 0, height: 360, durationMinutes: 420 });
    // the part before midnight on Sunday; Monday of the next week is not in this week
    expect(sunday.blocks.find((b) => b.slotId === "late")).toMatchObject({ top: 1320, height: 120, durationMinutes: 120 });
  });
  it("keeps a block inside the repeated autumn hour visible", () => {
    const autumnWeek = brusselsLocalToInstant("2026-10-19T00:00");
    // 02:30 summer time to 02:15 winter time: 45 real minutes, backwards on the wall clock
    const days = layoutWeek(autumnWeek, [{ id: "x", start: "2026-10-25T00:30:00Z", end: "2026-10-25T01:15:00Z", capacity: 1, remaining: 1 }], []);
    expect(days[6]!.blocks[0]).toMatchObject({ top: 150, height: 15, durationMinutes: 45 });
  });
  it("puts overlapping blocks side by side and lone ones full width", () => {
    const days = layoutWeek(
      monday,
      [slot("a", "2026-12-07T09:00", "2026-12-07T12:00"), slot("b", "2026-12-07T11:00", "2026-12-07T13:00"), slot("c", "2026-12-07T15:00", "2026-12-07T16:00")],
      [],
    );
    const lanes: Record<string, number[]> = Object.fromEntries(days[0]!.blocks.map((b) => [b.slotId ?? "", [b.lane, b.lanes]]));
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 1] });
  });
});

describe("periodConflicts", () => {
  const full = slot("full", "2026-12-12T00:00", "2026-12-13T00:00", 0);
  const open = slot("open", "2026-12-13T00:00", "2026-12-14T00:00", 1);
  it("warns when the period overlaps a slot with no room left", () =>
    expect(periodConflicts("2026-12-12T10:00", "2026-12-12T17:00", [full, open], [])).toMatchObject([{ reason: "taken" }]));
  it("is quiet for a free period and for a period that only touches a taken one", () => {
    expect(periodConflicts("2026-12-13T10:00", "2026-12-13T17:00", [full, open], [])).toEqual([]);
    expect(periodConflicts("2026-12-13T00:00", "2026-12-13T17:00", [full, open], [])).toEqual([]);
  });
  it("warns about our own live booking once, not also as taken", () => {
    const ours = { id: "b", start: full.start, end: full.end, status: "REQUESTED" as const, resourceId: "r" };
    expect(periodConflicts("2026-12-12T10:00", "2026-12-12T17:00", [full], [ours])).toMatchObject([{ reason: "mine" }]);
  });
  it("is quiet for an unfinished or reversed period", () => {
    expect(periodConflicts("", "2026-12-12T17:00", [full], [])).toEqual([]);
    expect(periodConflicts("2026-12-12T17:00", "2026-12-12T10:00", [full], [])).toEqual([]);
  });
});
