import { describe, expect, it } from "vitest";

import { PlaceKindValues, RepairCategoryValues } from "../graphql/generated";
import { findRepairObjects, normalise } from "./repair-objects";
import { repairObjects } from "./repair-objects-data";

const first = (query: string, language: "nl" | "fr" | "en" = "nl") => findRepairObjects(repairObjects, query, language)[0];

describe("the repair-object dictionary (seed-data/repair-objects.csv)", () => {
  it("holds at least 300 objects, each named in nl, fr and en", () => {
    expect(repairObjects.length).toBeGreaterThanOrEqual(300);
    for (const o of repairObjects) expect([o.nl, o.fr, o.en].every((name) => name.length > 1)).toBe(true);
  });

  it("points every object to a real repair category and real place kinds", () => {
    for (const o of repairObjects) {
      expect(RepairCategoryValues).toContain(o.category);
      for (const kind of o.kinds) expect(PlaceKindValues).toContain(kind);
    }
  });

  it("has no object twice in one language within a category", () => {
    for (const lang of ["nl", "fr", "en"] as const) {
      const keys = repairObjects.map((o) => `${o.category}:${normalise(o[lang])}`);
      expect(new Set(keys).size, lang).toBe(keys.length);
    }
  });
});

describe("findRepairObjects", () => {
  it.each([
    ["broodrooster", "nl", "ELECTRO"],
    ["toaster", "en", "ELECTRO"],
    ["grille-pain", "fr", "ELECTRO"],
    ["grille pain", "fr", "ELECTRO"],
    ["jeans", "nl", "TEXTILE"],
    ["fietsband", "nl", "BICYCLE"],
    ["laptop", "nl", "COMPUTERS"],
    ["Grasmaaier", "nl", "GARDEN"],
    ["théière", "fr", "CERAMICS"],
    ["theiere", "fr", "CERAMICS"],
  ] as const)("%s (%s) gives %s first", (query, language, category) => {
    expect(first(query, language)?.object.category).toBe(category);
  });

  it("prefers the whole name over a longer one that contains it (toaster before sandwich toaster)", () => {
    expect(first("toaster", "nl")?.object.nl).toBe("broodrooster");
  });

  it("finds an object by a later word of its name", () => {
    expect(findRepairObjects(repairObjects, "band", "nl").map((m) => m.object.nl)).toContain("lekke band");
  });

  it("names the match in the language it matched", () => {
    expect(first("grille-pain", "nl")).toMatchObject({ term: "grille-pain", language: "fr" });
  });

  it("finds nothing for a neighbourhood name or a query too short", () => {
    expect(findRepairObjects(repairObjects, "Kaster", "nl")).toEqual([]);
    expect(findRepairObjects(repairObjects, "b", "nl")).toEqual([]);
  });
});
