// The planner's choropleth: a sub-area's colour from how far its residents are from the nearest
// matching place, relative to the chosen distance. Green within reach, amber just beyond, red far.
export const coverageStops: readonly [number, string][] = [
  [0, "#1a9850"],
  [0.5, "#66bd63"],
  [1, "#d9ef8b"],
  [1.0001, "#fdae61"],
  [2, "#f46d43"],
  [4, "#a50026"],
];
export const noPlaceColour = "#6d0019";

/** Distance / maxDistance, or null when there is no matching place within 50 km. */
export function coverageRatio(nearestDistanceMeters: number | null, maxDistanceMeters: number): number | null {
  if (nearestDistanceMeters === null || maxDistanceMeters <= 0) return null;
  return nearestDistanceMeters / maxDistanceMeters;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour the map draws for a ratio (same stops and linear interpolation as the map expression). */
export function coverageColour(ratio: number | null): string {
  if (ratio === null) return noPlaceColour;
  const stops = coverageStops;
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  if (ratio <= first[0]) return first[1];
  if (ratio >= last[0]) return last[1];
  for (let i = 1; i < stops.length; i++) {
    const [x1, c1] = stops[i]!;
    const [x0, c0] = stops[i - 1]!;
    if (ratio <= x1) {
      const f = (ratio - x0) / (x1 - x0);
      const a = hexToRgb(c0);
      const b = hexToRgb(c1);
      const mix = a.map((v, k) => Math.round(v + (b[k]! - v) * f));
      return `#${mix.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    }
  }
  return last[1];
}

/** The MapLibre paint expression reading the feature-state `ratio` set per area code. */
export function coverageFillExpression(): unknown[] {
  return [
    "case",
    ["==", ["feature-state", "ratio"], null],
    "rgba(0,0,0,0)",
    ["<", ["feature-state", "ratio"], 0],
    noPlaceColour,
    ["interpolate", ["linear"], ["feature-state", "ratio"], ...coverageStops.flat()],
  ];
}
