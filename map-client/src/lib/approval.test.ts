import { describe, expect, it } from "vitest";

import { oldestFirst, timeLeft as timeLeftIn } from "./approval";

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
  // French puts a no-break space between number and unit (which one depends on the ICU version): compare the words
  const timeLeft = (expiresAt: Date, at: Date, locale: string) => timeLeftIn(expiresAt, at, locale).replace(/\s/g, " ");
  it("counts days and hours, hours and minutes, or minutes, in Dutch", () => {
    expect(timeLeft(new Date("2026-12-05T13:30:00Z"), now, "nl-BE")).toBe("2 dagen 3 uur");
    expect(timeLeft(new Date("2026-12-03T15:10:00Z"), now, "nl-BE")).toBe("5 uur 10 minuten");
    expect(timeLeft(new Date("2026-12-03T10:12:59Z"), now, "nl-BE")).toBe("12 minuten");
    expect(timeLeft(new Date("2026-12-04T11:01:00Z"), now, "nl-BE")).toBe("1 dag 1 uur");
  });
  it("says the same in French and English", () => {
    expect(timeLeft(new Date("2026-12-05T13:30:00Z"), now, "fr-BE")).toBe("2 jours 3 heures");
    expect(timeLeft(new Date("2026-12-03T11:01:00Z"), now, "fr-BE")).toBe("1 heure 1 minute");
    expect(timeLeft(new Date("2026-12-05T13:30:00Z"), now, "en-BE")).toBe("2 days 3 hours");
    expect(timeLeft(new Date("2026-12-03T10:01:00Z"), now, "en-BE")).toBe("1 minute");
  });
  it("says zero minutes once the request has expired", () => {
    expect(timeLeft(new Date("2026-12-03T09:00:00Z"), now, "nl-BE")).toBe("0 minuten");
    expect(timeLeft(new Date("2026-12-03T09:00:00Z"), now, "en-BE")).toBe("0 minutes");
  });
});
