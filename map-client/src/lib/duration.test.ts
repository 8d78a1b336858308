import { describe, expect, it } from "vitest";

import { formatMinutes } from "./duration";

// French puts a no-break space between number and unit (which one depends on the ICU version): compare the words
const words = (text: string) => text.replace(/\s/g, " ");

describe("formatMinutes", () => {
  it("says a booking length in whole units of the reader's language", () => {
    expect(formatMinutes(240, "nl-BE")).toBe("4 uur");
    expect(formatMinutes(90, "en-BE")).toBe("1 hour 30 minutes");
    expect(words(formatMinutes(4320, "fr-BE"))).toBe("3 jours");
    expect(words(formatMinutes(1500, "fr-BE"))).toBe("1 jour 1 heure");
    expect(formatMinutes(30, "nl-BE")).toBe("30 minuten");
    expect(formatMinutes(0, "en-BE")).toBe("0 minutes");
  });
});
