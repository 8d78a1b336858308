// The resident's "what is broken?" filter. Clustering counts every point of a GeoJSON source, so
// the filter is applied to the data (matchesFilter) rather than only as a layer filter; the same
// rule as a MapLibre expression (filterExpression) filters the `places` vector-tile layer.
import type { PlaceKind, RepairCategory } from "../graphql/generated";

export type PlaceFilterState = { categories: readonly RepairCategory[]; kinds: readonly PlaceKind[] };
export type FilterablePlace = { kind: PlaceKind; categories: readonly RepairCategory[] };

/** True when the place is of one of the kinds (or no kind is chosen) and repairs one of the categories (or none is chosen). */
export function matchesFilter(place: FilterablePlace, filter: PlaceFilterState): boolean {
  if (filter.kinds.length > 0 && !filter.kinds.includes(place.kind)) return false;
  if (filter.categories.length > 0 && !place.categories.some((c) => filter.categories.includes(c))) return false;
  return true;
}

/** The same rule on features whose `kind` is an enum name and `categories` a comma-separated list. */
export function filterExpression(filter: PlaceFilterState): unknown[] {
  const conditions: unknown[] = [];
  if (filter.kinds.length > 0) conditions.push(["in", ["get", "kind"], ["literal", [...filter.kinds]]]);
  if (filter.categories.length > 0) {
    const wrapped = ["concat", ",", ["coalesce", ["get", "categories"], ""], ","];
    conditions.push(["any", ...filter.categories.map((c) => ["in", `,${c},`, wrapped])]);
  }
  return ["all", ...conditions];
}
