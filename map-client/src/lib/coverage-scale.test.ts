import { describe, expect, it } from "vitest";

import { coverageColour, coverageFillExpression, coverageRatio, coverageStops, noPlaceColour } from "./coverage-scale";

describe("coverage colour scale", () => {
  it("is the distance relative to the chosen maximum", () => expect(coverageRatio(400, 800)).toBe(0.5));
  it("has no ratio without a place within 50 km", () => expect(coverageRatio(null, 800)).toBeNull());
  it("is deep green at the place itself", () => expect(coverageColour(0)).toBe("#1a9850"));
  it("interpolates between stops", () => expect(coverageColour(0.25)).toBe("#40ab5a"));
  it("switches from green-yellow to orange just past the distance", () => {
    expect(coverageColour(1)).toBe("#d9ef8b");
    expect(coverageColour(1.0001)).toBe("#fdae61");
  });
  it("saturates far away and marks areas without any place", () => {
    expect(coverageColour(10)).toBe("#a50026");
    expect(coverageColour(null)).toBe(noPlaceColour);
  });
  it("gives the map the same stops", () => {
    const expression = JSON.stringify(coverageFillExpression());
    for (const [stop, colour] of coverageStops) expect(expression).toContain(`${stop},"${colour}"`);
  });
});
