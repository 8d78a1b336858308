// Distances as residents read them: metres while walking makes sense, then kilometres.

/** Average walking speed used for the "x min walk" hint (4.8 km/h, 80 m a minute). */
export const walkingMetresPerMinute = 80;

/** "350 m" below 1 km (rounded to 10 m), "1,2 km" up to 10 km, "23 km" beyond, in the locale's digits. */
export function formatDistance(metres: number, locale: string): string {
  if (metres < 1000) {
    const rounded = metres < 100 ? Math.round(metres) : Math.round(metres / 10) * 10;
    return new Intl.NumberFormat(locale, { style: "unit", unit: "meter", maximumFractionDigits: 0 }).format(rounded === 1000 ? 990 : rounded);
  }
  const km = metres / 1000;
  return new Intl.NumberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: km < 10 ? 1 : 0, minimumFractionDigits: 0 }).format(km);
}

/** Whole minutes of walking, at least 1; null when walking is not sensible (over 5 km). */
export function walkingMinutes(metres: number): number | null {
  if (metres > 5000) return null;
  return Math.max(1, Math.round(metres / walkingMetresPerMinute));
}

/** Great-circle distance in metres (haversine, mean Earth radius); for ordering on the client only. */
export function haversineMetres(a: { longitude: number; latitude: number }, b: { longitude: number; latitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

/** "51.05432, 3.72501" for showing a chosen point. */
export function formatPoint(point: { longitude: number; latitude: number }): string {
  return `${point.latitude.toFixed(5)}, ${point.longitude.toFixed(5)}`;
}
