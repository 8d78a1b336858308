import { describe, expect, it } from "vitest";

import { clusterBounds, placesTileUrl, tileQuery, wheelchairValues } from "./place-filter";

describe("tileQuery", () => {
  it("is empty without a filter", () => expect(tileQuery({ kinds: [], categories: [] })).toBe(""));
  it("names kinds and categories as the server's parameters", () =>
    expect(tileQuery({ kinds: ["REPAIR_CAFE"], categories: ["TOYS", "ELECTRO"] })).toBe("kinds=REPAIR_CAFE&categories=ELECTRO,TOYS"));
  it("gives equal filters equal URLs whatever the order of their values", () =>
    expect(tileQuery({ kinds: ["GIVE_BOX", "REPAIR_CAFE"], categories: [] })).toBe(tileQuery({ kinds: ["REPAIR_CAFE", "GIVE_BOX"], categories: [] })));
  it("asks for the places a wheelchair user can get into, fully or partly", () =>
    expect(tileQuery({ kinds: ["GIVE_BOX"], categories: [], wheelchair: true })).toBe("kinds=GIVE_BOX&wheelchair=LIMITED,YES"));
  it("leaves wheelchair access out when the filter is off", () => expect(tileQuery({ kinds: [], categories: [], wheelchair: false })).toBe(""));
});

describe("wheelchairValues", () => {
  it("is YES and LIMITED for the wheelchair filter", () =>
    expect(wheelchairValues({ kinds: [], categories: [], wheelchair: true })).toEqual(["LIMITED", "YES"]));
  it("is null (any access) without it", () => expect(wheelchairValues({ kinds: [], categories: [] })).toBeNull());
});

describe("placesTileUrl", () => {
  it("keeps MapLibre's placeholders and adds the filter", () =>
    expect(placesTileUrl("http://x", { kinds: ["GIVE_BOX"], categories: [] })).toBe("http://x/tiles/places/{z}/{x}/{y}.mvt?kinds=GIVE_BOX"));
  it("has no query string without a filter", () =>
    expect(placesTileUrl("http://x", { kinds: [], categories: [] })).toBe("http://x/tiles/places/{z}/{x}/{y}.mvt"));
});

describe("clusterBounds", () => {
  it("reads the box a cluster carries", () =>
    expect(clusterBounds({ west: 3.1, south: 50.9, east: 3.4, north: 51.1, point_count: 12 })).toEqual([
      [3.1, 50.9],
      [3.4, 51.1],
    ]));
  it("is null for a feature without one", () => expect(clusterBounds({ point_count: 2 })).toBeNull());
});
