import { describe, expect, it } from "vitest";

import { addBrusselsDays, brusselsLocalToInstant, instantToBrusselsLocal, startOfBrusselsWeek } from "./time";

describe("Brussels wall-clock time", () => {
  it("converts a winter local time with +01:00", () => expect(brusselsLocalToInstant("2026-12-05T14:00").toISOString()).toBe("2026-12-05T13:00:00.000Z"));
  it("converts a summer local time with +02:00", () => expect(brusselsLocalToInstant("2026-07-01T09:30").toISOString()).toBe("2026-07-01T07:30:00.000Z"));
  it("round-trips an instant", () => expect(instantToBrusselsLocal(new Date("2026-03-29T01:30:00Z"))).toBe("2026-03-29T03:30"));
  it("starts the week on Monday midnight in Brussels", () =>
    expect(startOfBrusselsWeek(new Date("2026-12-06T22:30:00Z")).toISOString()).toBe("2026-11-29T23:00:00.000Z"));
  it("adds calendar days across the change to summer time", () =>
    expect(addBrusselsDays(brusselsLocalToInstant("2026-03-28T00:00"), 2).toISOString()).toBe("2026-03-29T22:00:00.000Z"));
});
