// Places from GraphQL as a GeoJSON FeatureCollection for the clustered map source.
import type { PlaceKind, RepairCategory } from "../graphql/generated";
import { matchesFilter, type PlaceFilterState } from "./place-filter";

export type MapPlace = {
  id: string;
  slug: string;
  name: string;
  kind: PlaceKind;
  categories: RepairCategory[];
  coordinates: { longitude: number; latitude: number };
  address: { locality: string | null } | null;
};

export type PlaceFeature = {
  type: "Feature";
  id: number;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: { id: string; slug: string; name: string; kind: PlaceKind; categories: string; city: string };
};

/** The places that pass the filter, with the same properties as the `places` vector tiles. */
export function placesToGeoJson(places: readonly MapPlace[], filter: PlaceFilterState): { type: "FeatureCollection"; features: PlaceFeature[] } {
  return {
    type: "FeatureCollection",
    features: places
      .filter((p) => matchesFilter(p, filter))
      .map((p, index) => ({
        type: "Feature",
        id: index + 1,
        geometry: { type: "Point", coordinates: [p.coordinates.longitude, p.coordinates.latitude] },
        properties: { id: p.id, slug: p.slug, name: p.name, kind: p.kind, categories: p.categories.join(","), city: p.address?.locality ?? "" },
      })),
  };
}

/** [[west, south], [east, north]] around the places, or null for none. */
export function boundsOf(points: readonly { longitude: number; latitude: number }[]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let west = 180,
    south = 90,
    east = -180,
    north = -90;
  for (const p of points) {
    west = Math.min(west, p.longitude);
    east = Math.max(east, p.longitude);
    south = Math.min(south, p.latitude);
    north = Math.max(north, p.latitude);
  }
  return [
    [west, south],
    [east, north],
  ];
}
