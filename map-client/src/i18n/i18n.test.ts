import { describe, expect, it } from "vitest";

import { BookingStatusValues, PlaceKindValues, RepairCategoryValues } from "../graphql/generated";
import { catalogues, chooseInitialLanguage, interpolate, languages } from "./index";
import { nl } from "./nl";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have every Dutch key in English and French, and no extra keys", () => {
    for (const language of languages) {
      expect(Object.keys(catalogues[language]).sort()).toEqual(Object.keys(nl).sort());
    }
  });

  it("use the same placeholders in every language", () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      for (const language of languages) expect(placeholders(catalogues[language][key]), `${language} ${key}`).toEqual(placeholders(nl[key]));
    }
  });

  it("have no empty messages", () => {
    for (const language of languages) for (const [key, value] of Object.entries(catalogues[language])) expect(value.trim(), `${language} ${key}`).not.toBe("");
  });

  it("name every place kind, repair category and booking status of the schema", () => {
    const keys = new Set(Object.keys(nl));
    for (const kind of PlaceKindValues) expect(keys.has(`kind.${kind}`)).toBe(true);
    for (const category of RepairCategoryValues) expect(keys.has(`category.${category}`)).toBe(true);
    for (const status of BookingStatusValues) expect(keys.has(`status.${status}`)).toBe(true);
  });
});

describe("interpolate", () => {
  it("replaces named placeholders and leaves unknown ones", () => {
    expect(interpolate("{a} en {b}", { a: 1 })).toBe("1 en {b}");
  });
});

describe("chooseInitialLanguage", () => {
  it("prefers the remembered language", () => expect(chooseInitialLanguage("fr", ["en-GB"])).toBe("fr"));
  it("follows a browser that asks for French before Dutch", () => expect(chooseInitialLanguage(null, ["fr-BE", "nl-BE"])).toBe("fr"));
  it("is Dutch for an English browser", () => expect(chooseInitialLanguage(null, ["en-US", "de"])).toBe("nl"));
  it("defaults to Dutch", () => expect(chooseInitialLanguage("xx", ["de"])).toBe("nl"));
});
