import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

import { describe, expect, it } from "vitest";

import { generate } from "../../scripts/codegen-lib.mjs";

const sdl = readFileSync(resolve(__dirname, "../../../schema/makermap.graphql"), "utf8");
const run = (text: string): string => generate(sdl, [{ name: "test.graphql", text }]);

describe("codegen", () => {
  it("types variables and results, with enums as string unions", () => {
    const out = run("query Near($near: GeoPointInput!, $first: Int) { nearestPlaces(near: $near, first: $first) { distanceMeters place { name kind } } }");
    expect(out).toContain("export type NearVariables = { near: GeoPointInput; first?: number | null };");
    expect(out).toContain("distanceMeters: number;");
    expect(out).toContain("kind: PlaceKind;");
    expect(out).toContain('export type PlaceKind = "MAKER_SPACE" | "REPAIR_CAFE"');
    expect(out).toContain("export type GeoPointInput = { longitude: number; latitude: number };");
  });
  it("makes nullable fields nullable and honours aliases and fragments", () => {
    const out = run("query P($id: ID!) { place(id: $id) { ...F title: name } } fragment F on Place { description }");
    expect(out).toContain("description: string | null;");
    expect(out).toContain("title: string;");
    expect(out).toContain("fragment F on Place");
  });
  it("fails when an operation does not validate against the SDL", () => {
    expect(() => run("query Bad { places { nodes { noSuchField } } }")).toThrow(/Cannot query field "noSuchField" on type "Place"/);
  });
  it("fails on a variable of the wrong type", () => {
    expect(() => run("query Bad($n: String) { nearestPlaces(near: {longitude: 1, latitude: 2}, first: $n) { distanceMeters } }")).toThrow(
      /Variable "\$n" of type "String" used in position expecting type "Int"/,
    );
  });
  it("generates the app's operations, which all validate against the SDL", () => {
    const dir = resolve(__dirname);
    const docs = readdirSync(dir)
      .filter((n) => n.endsWith(".graphql"))
      .map((name) => ({ name, text: readFileSync(resolve(dir, name), "utf8") }));
    const out = generate(sdl, docs);
    for (const name of ["NearestPlaces", "ResourceWeek", "RequestBooking", "SlotAvailabilityChanged", "Coverage"])
      expect(out).toContain(`export const ${name}Document`);
  });
});
