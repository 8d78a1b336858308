// The resident's "what is broken?" filter, as the server applies it: the places tiles take it as query
// parameters (each filter is a URL of its own, so clusters count only the places that pass and each
// filter is cached apart), and the GraphQL list takes it as a PlaceFilter.
import type { PlaceKind, RepairCategory } from "../graphql/generated";

export type PlaceFilterState = { categories: readonly RepairCategory[]; kinds: readonly PlaceKind[] };

/** `kinds=REPAIR_CAFE,GIVE_BOX&categories=ELECTRO` (empty without a filter), in a fixed order so equal filters give equal URLs. */
export function tileQuery(filter: PlaceFilterState): string {
  const parts: string[] = [];
  if (filter.kinds.length > 0) parts.push(`kinds=${[...filter.kinds].sort().join(",")}`);
  if (filter.categories.length > 0) parts.push(`categories=${[...filter.categories].sort().join(",")}`);
  return parts.join("&");
}

/** The places tile template for a filter. */
export function placesTileUrl(origin: string, filter: PlaceFilterState): string {
  const query = tileQuery(filter);
  return `${origin}/tiles/places/{z}/{x}/{y}.mvt${query ? `?${query}` : ""}`;
}

/** [[west, south], [east, north]] of a cluster feature's `west`, `south`, `east`, `north` properties, or null when one is missing. */
export function clusterBounds(properties: Record<string, unknown>): [[number, number], [number, number]] | null {
  const west = Number(properties.west);
  const south = Number(properties.south);
  const east = Number(properties.east);
  const north = Number(properties.north);
  if (![west, south, east, north].every(Number.isFinite)) return null;
  return [
    [west, south],
    [east, north],
  ];
}
