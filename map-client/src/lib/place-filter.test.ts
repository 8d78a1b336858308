import { describe, expect, it } from "vitest";

import { filterExpression, matchesFilter } from "./place-filter";
import { placesToGeoJson } from "./places-geojson";

const cafe = { kind: "REPAIR_CAFE" as const, categories: ["ELECTRO" as const, "TEXTILE" as const] };
const box = { kind: "GIVE_BOX" as const, categories: [] };

describe("matchesFilter", () => {
  it("keeps everything without a filter", () => expect(matchesFilter(box, { kinds: [], categories: [] })).toBe(true));
  it("keeps places repairing one of the categories", () => expect(matchesFilter(cafe, { kinds: [], categories: ["BICYCLE", "ELECTRO"] })).toBe(true));
  it("drops places repairing none of them", () => expect(matchesFilter(box, { kinds: [], categories: ["ELECTRO"] })).toBe(false));
  it("needs both kind and category to match", () => expect(matchesFilter(cafe, { kinds: ["REPAIR_SHOP"], categories: ["ELECTRO"] })).toBe(false));
});

describe("filterExpression", () => {
  it("is an always-true `all` without a filter", () => expect(filterExpression({ kinds: [], categories: [] })).toEqual(["all"]));
  it("matches whole category names in the comma-separated tile property", () => {
    expect(filterExpression({ kinds: ["REPAIR_CAFE"], categories: ["TOYS"] })).toEqual([
      "all",
      ["in", ["get", "kind"], ["literal", ["REPAIR_CAFE"]]],
      ["any", ["in", ",TOYS,", ["concat", ",", ["coalesce", ["get", "categories"], ""], ","]]],
    ]);
  });
});

describe("placesToGeoJson", () => {
  it("keeps the filtered places with tile-like properties", () => {
    const places = [
      {
        id: "a",
        slug: "a",
        name: "A",
        kind: "REPAIR_CAFE" as const,
        categories: ["ELECTRO" as const],
        coordinates: { longitude: 3.7, latitude: 51 },
        address: { locality: "Gent" },
      },
      { id: "b", slug: "b", name: "B", kind: "GIVE_BOX" as const, categories: [], coordinates: { longitude: 3.8, latitude: 51.1 }, address: null },
    ];
    const fc = placesToGeoJson(places, { kinds: [], categories: ["ELECTRO"] });
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties).toEqual({ id: "a", slug: "a", name: "A", kind: "REPAIR_CAFE", categories: "ELECTRO", city: "Gent" });
    expect(fc.features[0]!.geometry.coordinates).toEqual([3.7, 51]);
  });
});
