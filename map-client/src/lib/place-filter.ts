// The resident's "what is broken?" filter, as the server applies it: the places tiles take it as query
// parameters (each filter is a URL of its own, so clusters count only the places that pass and each
// filter is cached apart), and the GraphQL list takes it as a PlaceFilter.
import type { PlaceKind, RepairCategory, WheelchairAccess } from "../graphql/generated";

/**
 * `wheelchair`: only the places a wheelchair user can get into, fully or partly (OpenStreetMap's
 * `wheelchair=yes` and `wheelchair=limited`: a place marked limited may have a step at the door or a
 * room out of reach, and its page says so). Left out, or false: any access.
 */
export type PlaceFilterState = { categories: readonly RepairCategory[]; kinds: readonly PlaceKind[]; wheelchair?: boolean };

/** The wheelchair access values the "wheelchair accessible" filter keeps, in the server's spelling. */
export const accessibleWheelchair: readonly WheelchairAccess[] = ["LIMITED", "YES"];

/** The filter's wheelchair values for GraphQL (`PlaceFilter.wheelchair`, `nearestPlaces(wheelchair:)`), or null for any. */
export function wheelchairValues(filter: PlaceFilterState): WheelchairAccess[] | null {
  return filter.wheelchair ? [...accessibleWheelchair] : null;
}

/**
 * `kinds=REPAIR_CAFE,GIVE_BOX&categories=ELECTRO&wheelchair=LIMITED,YES` (empty without a filter), in a
 * fixed order so equal filters give equal URLs (and one entry in the browser's and the server's caches).
 */
export function tileQuery(filter: PlaceFilterState): string {
  const parts: string[] = [];
  if (filter.kinds.length > 0) parts.push(`kinds=${[...filter.kinds].sort().join(",")}`);
  if (filter.categories.length > 0) parts.push(`categories=${[...filter.categories].sort().join(",")}`);
  if (filter.wheelchair) parts.push(`wheelchair=${accessibleWheelchair.join(",")}`);
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
