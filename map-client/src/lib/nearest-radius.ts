// Relevance of the nearest list: show what is within a radius that widens until something is
// found (5 km, 10 km, 25 km …), say so when it had to widen, keep to the country of the nearest
// place (Rotterdam and Eindhoven are not Gent's neighbours, unless the resident looks from there),
// and sort by distance or by the next session.

export type Hit = {
  distanceMeters: number;
  place: { address: { countryCode: string } | null; upcomingSessions: readonly { start: string }[] };
};

export type NearestSelection<H extends Hit> = {
  hits: H[];
  /** The radius the hits are within, in metres. */
  radiusMeters: number;
  /** Whether nothing was within the first radius, so the list shows a wider one. */
  widened: boolean;
  /** Distance of the nearest hit, null when there is none. */
  nearestMeters: number | null;
};

export const firstRadiusMeters = 5000;
export const radiiMeters: readonly number[] = [firstRadiusMeters, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000];

/** `hits` ordered by distance, as nearestPlaces returns them. */
export function selectNearest<H extends Hit>(hits: readonly H[], max = 10): NearestSelection<H> {
  const nearest = hits[0];
  if (!nearest) return { hits: [], radiusMeters: firstRadiusMeters, widened: false, nearestMeters: null };
  const country = nearest.place.address?.countryCode ?? null;
  const sameCountry = hits.filter((h) => (h.place.address?.countryCode ?? null) === country);
  const radiusMeters = radiiMeters.find((r) => r >= nearest.distanceMeters) ?? nearest.distanceMeters;
  return {
    hits: sameCountry.filter((h) => h.distanceMeters <= radiusMeters).slice(0, max),
    radiusMeters,
    widened: radiusMeters > firstRadiusMeters,
    nearestMeters: nearest.distanceMeters,
  };
}

export type NearestSort = "distance" | "session";

/** By distance (as given), or by the next session with places without one last (by distance). */
export function sortHits<H extends Hit>(hits: readonly H[], sort: NearestSort): H[] {
  if (sort === "distance") return [...hits];
  const next = (h: H) => h.place.upcomingSessions[0]?.start ?? null;
  return [...hits].sort((a, b) => {
    const sa = next(a);
    const sb = next(b);
    if (sa && sb) return sa < sb ? -1 : sa > sb ? 1 : a.distanceMeters - b.distanceMeters;
    if (sa) return -1;
    if (sb) return 1;
    return a.distanceMeters - b.distanceMeters;
  });
}
