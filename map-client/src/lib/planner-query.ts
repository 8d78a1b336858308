// The planner's choices as URL parameters (linkable) and as the export endpoints' query string.
import type { AreaLevel, PlaceKind, RepairCategory } from "../graphql/generated";
import { PlaceKindValues, RepairCategoryValues } from "../graphql/generated";

export type PlannerQuery = {
  area: { municipalityCode: string } | { areaId: string } | null;
  areaName: string | null;
  kinds: PlaceKind[];
  categories: RepairCategory[];
  maxDistanceMeters: number;
  date: string | null;
  rowLevel: AreaLevel;
};

const pick = <T extends string>(text: string | undefined, allowed: readonly T[]): T[] =>
  text ? text.split(",").filter((v): v is T => (allowed as readonly string[]).includes(v)) : [];

export function plannerQueryFromParams(params: Record<string, string>): PlannerQuery {
  const distance = Number(params.d);
  return {
    area: params.municipality ? { municipalityCode: params.municipality } : params.areaId ? { areaId: params.areaId } : null,
    areaName: params.name ?? null,
    kinds: pick(params.kinds, PlaceKindValues),
    categories: pick(params.cat, RepairCategoryValues),
    maxDistanceMeters: Number.isFinite(distance) && distance >= 1 && distance <= 50000 ? distance : 800,
    date: params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : null,
    rowLevel: params.level === "NEIGHBOURHOOD" ? "NEIGHBOURHOOD" : "SECTOR",
  };
}

export function plannerQueryToParams(query: PlannerQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.area && "municipalityCode" in query.area) params.set("municipality", query.area.municipalityCode);
  if (query.area && "areaId" in query.area) params.set("areaId", query.area.areaId);
  if (query.areaName) params.set("name", query.areaName);
  if (query.kinds.length) params.set("kinds", query.kinds.join(","));
  if (query.categories.length) params.set("cat", query.categories.join(","));
  params.set("d", String(query.maxDistanceMeters));
  if (query.date) params.set("date", query.date);
  params.set("level", query.rowLevel);
  return params;
}

/** The query string of /export/coverage.csv and .geojson for the same report. */
export function coverageExportQuery(query: PlannerQuery): string {
  const params = new URLSearchParams();
  if (query.area && "municipalityCode" in query.area) params.set("municipalityCode", query.area.municipalityCode);
  if (query.area && "areaId" in query.area) params.set("areaId", query.area.areaId);
  if (query.kinds.length) params.set("kinds", query.kinds.join(","));
  if (query.categories.length) params.set("categories", query.categories.join(","));
  params.set("maxDistanceMeters", String(query.maxDistanceMeters));
  if (query.date) params.set("date", query.date);
  params.set("rowLevel", query.rowLevel);
  return params.toString();
}
