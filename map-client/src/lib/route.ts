// Views are linkable: the URL hash holds the view and its state, e.g.
//   #/                             residents' map
//   #/?near=3.72500,51.05400&cat=ELECTRO
//   #/place/repair-cafe-muide     a place's details (by slug)
//   #/list                         the accessible list view
//   #/organisation/<resourceId>?week=2026-12-07
//   #/planner?area=44021&d=800&kinds=REPAIR_CAFE&level=SECTOR
export type View = "residents" | "place" | "list" | "organisation" | "planner";
export type Route = { view: View; id: string | null; params: Record<string, string> };

const byPath: Record<string, View> = { "": "residents", place: "place", list: "list", organisation: "organisation", planner: "planner" };

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, "");
  const [path = "", query = ""] = body.split("?", 2);
  const [head = "", ...rest] = path.split("/").filter((s, i) => s !== "" || i === 0);
  const view = byPath[head] ?? "residents";
  const id = rest.length > 0 ? decodeURIComponent(rest.join("/")) : null;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return { view, id, params };
}

export function formatRoute(route: Route): string {
  const head = route.view === "residents" ? "" : route.view;
  const path = route.id ? `${head}/${encodeURIComponent(route.id)}` : head;
  const query = new URLSearchParams(Object.entries(route.params).filter(([, v]) => v !== "")).toString();
  return `#/${path}${query ? `?${query}` : ""}`;
}

/** "3.72500,51.05400" → point; null when malformed or out of range. */
export function parsePoint(text: string | undefined): { longitude: number; latitude: number } | null {
  if (!text) return null;
  const [lon, lat] = text.split(",").map(Number);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return { longitude: lon, latitude: lat };
}

export function formatPointParam(point: { longitude: number; latitude: number }): string {
  return `${point.longitude.toFixed(5)},${point.latitude.toFixed(5)}`;
}
