import { describe, expect, it } from "vitest";

import { countOutcomes, groupBySeries } from "./series";

const single = (id: string, start: string) => ({ id, start, series: null });
const week = (id: string, start: string, series = "s1", weeks = 4) => ({ id, start, series: { id: series, weeks } });

describe("groupBySeries", () => {
  it("puts the weeks of a series in one entry at the place of its first listed week, in week order", () => {
    const entries = groupBySeries([
      single("a", "2027-01-01T10:00:00Z"),
      week("w3", "2027-01-23T09:00:00Z"),
      single("b", "2027-01-02T10:00:00Z"),
      week("w1", "2027-01-09T09:00:00Z"),
      week("x1", "2027-02-01T09:00:00Z", "s2", 2),
    ]);

    expect(entries.map((e) => (e.kind === "single" ? e.booking.id : `${e.seriesId}:${e.bookings.map((b) => b.id).join(",")}`))).toEqual([
      "a",
      "s1:w1,w3",
      "b",
      "s2:x1",
    ]);
  });

  it("keeps a list without series as it is", () => {
    expect(groupBySeries([single("a", "2027-01-01T10:00:00Z")])).toEqual([{ kind: "single", booking: single("a", "2027-01-01T10:00:00Z") }]);
  });
});

describe("countOutcomes", () => {
  it("counts booked and refused weeks, a waitlisted week as booked", () => {
    const result = countOutcomes([
      { week: 1, start: "", booking: { status: "CONFIRMED" }, error: null },
      { week: 2, start: "", booking: { status: "WAITLISTED" }, error: null },
      { week: 3, start: "", booking: null, error: { code: "CAPACITY_EXCEEDED" } },
    ]);

    expect(result).toEqual({ booked: 2, failed: 1 });
  });
});
