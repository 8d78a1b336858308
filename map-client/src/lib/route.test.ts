import { describe, expect, it } from "vitest";

import { coverageExportQuery, plannerQueryFromParams, plannerQueryToParams } from "./planner-query";
import { formatRoute, parsePoint, parseRoute } from "./route";

describe("routes", () => {
  it("reads the residents' map with a point and filter", () => {
    expect(parseRoute("#/?near=3.72500,51.05400&cat=ELECTRO")).toEqual({ view: "residents", id: null, params: { near: "3.72500,51.05400", cat: "ELECTRO" } });
  });
  it("reads a place by slug", () => expect(parseRoute("#/place/repair-cafe-muide")).toMatchObject({ view: "place", id: "repair-cafe-muide" }));
  it("keeps base64 ids intact", () => {
    const route = { view: "organisation" as const, id: "UmVzb3VyY2U6NTdm+/=", params: { week: "2026-12-07" } };
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });
  it("falls back to the residents' map for unknown paths", () => expect(parseRoute("#/nowhere").view).toBe("residents"));
  it("rejects points out of range", () => {
    expect(parsePoint("200,51")).toBeNull();
    expect(parsePoint("3.7,51.05")).toEqual({ longitude: 3.7, latitude: 51.05 });
  });
});

describe("planner query", () => {
  it("round-trips through URL parameters", () => {
    const query = plannerQueryFromParams({
      municipality: "44021",
      name: "Gent",
      kinds: "REPAIR_CAFE,NOPE",
      d: "800",
      level: "NEIGHBOURHOOD",
      date: "2026-12-12",
    });
    expect(query).toEqual({
      area: { municipalityCode: "44021" },
      areaName: "Gent",
      kinds: ["REPAIR_CAFE"],
      categories: [],
      maxDistanceMeters: 800,
      date: "2026-12-12",
      rowLevel: "NEIGHBOURHOOD",
    });
    expect(plannerQueryFromParams(Object.fromEntries(plannerQueryToParams(query)))).toEqual(query);
  });
  it("defaults to 800 m per statistical sector", () =>
    expect(plannerQueryFromParams({ d: "-4" })).toMatchObject({ maxDistanceMeters: 800, rowLevel: "SECTOR", area: null }));
  it("names the export parameters as the server expects", () => {
    const query = plannerQueryFromParams({ municipality: "44021", kinds: "REPAIR_CAFE,GIVE_BOX", cat: "ELECTRO", d: "800" });
    expect(coverageExportQuery(query)).toBe("municipalityCode=44021&kinds=REPAIR_CAFE%2CGIVE_BOX&categories=ELECTRO&maxDistanceMeters=800&rowLevel=SECTOR");
  });
});
