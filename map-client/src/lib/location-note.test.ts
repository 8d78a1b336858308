import { describe, expect, it } from "vitest";

import { describeApproximation } from "./location-note";

describe("describeApproximation", () => {
  it("names the sector in readable words without its code", () => {
    expect(describeApproximation("approximate: interior point of the statistical sector ROOIGEM (44021A531); street address to be verified")).toEqual({
      kind: "area",
      area: "Rooigem",
    });
    expect(describeApproximation("approximate: interior point of the statistical sector WIJGMAAL-KERN (24062F40-); street address to be verified")).toEqual({
      kind: "area",
      area: "Wijgmaal-Kern",
    });
  });

  it("keeps a neighbourhood name as written", () => {
    expect(describeApproximation("approximate: interior point of the neighbourhood Sluizeken - Tolhuis - Ham (440212); street address to be verified")).toEqual(
      {
        kind: "area",
        area: "Sluizeken - Tolhuis - Ham",
      },
    );
    expect(describeApproximation("approximate: interior point of the Dampoort neighbourhood; the street address comes from a 2017 city announcement")).toEqual({
      kind: "area",
      area: "Dampoort",
    });
  });

  it("says town centre for the reuse centres placed in the middle of their town", () => {
    expect(describeApproximation("approximate: a point in the centre of Aarschot (interior point of statistical sector 24001A00-), not the shop")).toEqual({
      kind: "town",
      town: "Aarschot",
    });
    expect(
      describeApproximation("approximate: interior point of a central Mechelen statistical sector (12025A02-); the site is in the Graaf van Egmontstraat"),
    ).toEqual({
      kind: "town",
      town: "Mechelen",
    });
  });

  it("falls back to 'near' for notes it cannot read, and never returns a code", () => {
    expect(describeApproximation("approximate: Strijp-T area in Eindhoven from general knowledge; not geocoded")).toEqual({ kind: "near" });
    expect(describeApproximation(null)).toEqual({ kind: "near" });
  });
});
