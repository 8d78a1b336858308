import { describe, expect, it } from "vitest";

import { formatDistance, haversineMetres, walkingMinutes } from "./distance";

const nbsp = (s: string) => s.replace(/\u00a0|\u202f/g, " ");

describe("formatDistance", () => {
  it("gives whole metres below 100 m", () => expect(nbsp(formatDistance(42.4, "nl-BE"))).toBe("42 m"));
  it("rounds to 10 m below a kilometre", () => expect(nbsp(formatDistance(846, "nl-BE"))).toBe("850 m"));
  it("never shows 1000 m as metres", () => expect(nbsp(formatDistance(998, "nl-BE"))).toBe("990 m"));
  it("uses kilometres with one decimal and the locale's comma", () => expect(nbsp(formatDistance(1240, "nl-BE"))).toBe("1,2 km"));
  it("follows the locale, e.g. a decimal point in British English", () => expect(nbsp(formatDistance(1240, "en-GB"))).toBe("1.2 km"));
  it("drops decimals beyond 10 km", () => expect(nbsp(formatDistance(23456, "fr-BE"))).toBe("23 km"));
});

describe("walkingMinutes", () => {
  it("is at least one minute", () => expect(walkingMinutes(10)).toBe(1));
  it("walks 80 m a minute", () => expect(walkingMinutes(800)).toBe(10));
  it("is null beyond 5 km", () => expect(walkingMinutes(5001)).toBeNull());
});

describe("haversineMetres", () => {
  it("measures Gent Sint-Pieters to the Korenmarkt within a percent of 1.9 km", () => {
    const d = haversineMetres({ longitude: 3.7104, latitude: 51.0357 }, { longitude: 3.7207, latitude: 51.0545 });
    expect(d).toBeGreaterThan(2150);
    expect(d).toBeLessThan(2250);
  });
});
