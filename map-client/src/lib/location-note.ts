// Approximate locations in plain words. The seed's notes are written for maintainers
// ("approximate: interior point of the statistical sector ROOIGEM (44021A531); street address to
// be verified"); residents get a sentence in their language naming the area, never a code.

export type Approximation =
  | { kind: "area"; area: string } // the marker stands for a neighbourhood, not the building
  | { kind: "town"; town: string } // the marker is somewhere in the town centre, not at the door
  | { kind: "near" }; // the marker is close, but not at the door

/** Title case for Statbel's upper-case sector names (ROOIGEM → Rooigem, WIJGMAAL-KERN → Wijgmaal-Kern). */
function readable(name: string): string {
  const trimmed = name.trim();
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s\-'/])(\p{L})/gu, (_whole, before: string, letter: string) => before + letter.toUpperCase());
}

export function describeApproximation(note: string | null): Approximation {
  const text = note ?? "";
  const named = /interior point of the (?:neighbourhood|statistical sector) (.+?) \(/i.exec(text);
  if (named?.[1]) return { kind: "area", area: readable(named[1]) };
  const before = /interior point of the (.+?) (?:neighbourhood|statistical sector)/i.exec(text);
  if (before?.[1]) return { kind: "area", area: readable(before[1]) };
  const town = /a point in the centre of (.+?) \(/i.exec(text) ?? /interior point of a central (.+?) statistical sector/i.exec(text);
  if (town?.[1]) return { kind: "town", town: readable(town[1]) };
  return { kind: "near" };
}
