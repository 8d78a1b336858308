import { describe, expect, it } from "vitest";

import { oldestFirst, timeLeft } from "./approval";

describe("oldestFirst", () => {
  it("puts the earliest request first and breaks ties by id", () => {
    const queue = oldestFirst([
      { id: "c", createdAt: "2026-12-03T10:00:00Z", expiresAt: null },
      { id: "b", createdAt: "2026-12-01T09:00:00Z", expiresAt: null },
      { id: "a", createdAt: "2026-12-03T10:00:00Z", expiresAt: null },
    ]);
    expect(queue.map((r) => r.id)).toEqual(["b", "a", "c"]);
  });
});

describe("timeLeft", () => {
  const now = new Date("2026-12-03T10:00:00Z");
  it("counts days and hours, hours and minutes, or minutes", () => {
    expect(timeLeft(new Date("2026-12-05T13:30:00Z"), now)).toBe("2 d 3 h");
    expect(timeLeft(new Date("2026-12-03T15:10:00Z"), now)).toBe("5 h 10 min");
    expect(timeLeft(new Date("2026-12-03T10:12:59Z"), now)).toBe("12 min");
  });
  it("says 0 min once the request has expired", () => {
    expect(timeLeft(new Date("2026-12-03T09:00:00Z"), now)).toBe("0 min");
  });
});
