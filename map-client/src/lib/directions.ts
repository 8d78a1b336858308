// "Route" links for a place: a geo: URI (phones open their own maps app) and direction links to
// OpenStreetMap and Google Maps, all carrying the place's coordinates rather than its name, since
// most addresses are approximate or missing.

export type RouteLinks = { geo: string; openStreetMap: string; googleMaps: string };

/** Six decimals: about 0.1 m, as precise as the stored point. */
const coordinate = (value: number) => String(Number(value.toFixed(6)));

export function routeLinks(point: { longitude: number; latitude: number }, label: string): RouteLinks {
  const lat = coordinate(point.latitude);
  const lon = coordinate(point.longitude);
  return {
    // RFC 5870 with the label Android's maps apps show (q=lat,lon(label))
    geo: `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(label)})`,
    // route=from;to with an empty start: the site asks where the user starts from
    openStreetMap: `https://www.openstreetmap.org/directions?route=%3B${lat}%2C${lon}#map=17/${lat}/${lon}`,
    googleMaps: `https://www.google.com/maps/dir/?api=1&destination=${lat}%2C${lon}`,
  };
}
