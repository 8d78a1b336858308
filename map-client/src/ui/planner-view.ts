// Planners: pick an area, kinds, distance (and a date for mobile deployments); see the coverage
// choropleth per sector or neighbourhood, the uncovered area, population figures, suggested sites,
// and export the report as CSV or GeoJSON.
import { request } from "../api/graphql-client";
import {
  type AreaLevel,
  CoverageDocument,
  type CoverageInput,
  type CoverageResult,
  type PlaceKind,
  PlaceKindValues,
  type RepairCategory,
  RepairCategoryValues,
  SearchAreasDocument,
} from "../graphql/generated";
import { locale, t } from "../i18n";
import { coverageColour, coverageRatio } from "../lib/coverage-scale";
import { formatDistance } from "../lib/distance";
import { coverageExportQuery, type PlannerQuery, plannerQueryFromParams, plannerQueryToParams } from "../lib/planner-query";
import type { Route } from "../lib/route";
import { fitGeometry, getMap, onMapClick, setLayerVisible, setSourceData } from "../map/create-map";
import { loadViewer } from "../state/session";
import { areaCodeAttributes, exposeCoverageInput, figureAttributes } from "../test-hooks";
import { h } from "./dom";
import { signInForm } from "./sign-in-form";

type Report = CoverageResult["coverage"];
let lastStateKeys: { source: string; codes: string[] } | null = null;
let lastReport: { key: string; report: Report } | null = null;

function go(query: PlannerQuery): void {
  const params = plannerQueryToParams(query).toString();
  location.hash = `#/planner${params ? `?${params}` : ""}`;
}

function applyToMap(report: Report | null, level: AreaLevel): void {
  const map = getMap();
  if (lastStateKeys) {
    for (const code of lastStateKeys.codes) map.removeFeatureState({ source: lastStateKeys.source, sourceLayer: lastStateKeys.source, id: code });
    lastStateKeys = null;
  }
  setLayerVisible("sectors-coverage", report !== null && level === "SECTOR");
  setLayerVisible("neighbourhoods-coverage", report !== null && level === "NEIGHBOURHOOD");
  const empty = { type: "FeatureCollection", features: [] } as GeoJSON.FeatureCollection;
  if (!report) {
    setSourceData("uncovered", empty);
    setSourceData("suggested", empty);
    return;
  }
  const source = level === "SECTOR" ? "sectors" : "neighbourhoods";
  for (const row of report.rows) {
    const ratio = coverageRatio(row.nearestDistanceMeters, report.maxDistanceMeters);
    map.setFeatureState({ source, sourceLayer: source, id: row.area.code }, { ratio: ratio ?? -1 });
  }
  lastStateKeys = { source, codes: report.rows.map((r) => r.area.code) };
  setSourceData("uncovered", report.uncoveredArea ? ({ type: "Feature", properties: {}, geometry: report.uncoveredArea } as GeoJSON.Feature) : empty);
  setSourceData("suggested", {
    type: "FeatureCollection",
    features: report.suggestedSites.map((s) => ({
      type: "Feature",
      properties: { rank: s.rank },
      geometry: { type: "Point", coordinates: [s.coordinates.longitude, s.coordinates.latitude] },
    })),
  });
}

function form(query: PlannerQuery): HTMLElement {
  const areaInput = h("input", {
    type: "search",
    id: "planner-area",
    placeholder: t("planner.areaPlaceholder"),
    value: query.areaName ?? "",
    autocomplete: "off",
  });
  const areaResults = h("ul", { class: "search-results", id: "planner-area-results" });
  let timer = 0;
  const searchAreas = async () => {
    const search = areaInput.value.trim();
    if (search.length < 2) return areaResults.replaceChildren();
    const { areas } = await request(SearchAreasDocument, { search, first: 8 });
    areaResults.replaceChildren(
      ...areas
        .filter((a) => a.level !== "SECTOR")
        .map((a) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                ...areaCodeAttributes(a.code),
                onclick: () => go({ ...query, area: a.level === "MUNICIPALITY" ? { municipalityCode: a.code } : { areaId: a.id }, areaName: a.name }),
              },
              `${a.name} `,
              h("small", {}, `${t(`planner.level.${a.level}`)} · ${a.code}`),
            ),
          ),
        ),
    );
  };
  areaInput.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void searchAreas(), 250);
  });
  const checkboxes = <T extends string>(name: string, values: readonly T[], chosen: readonly T[], label: (v: T) => string, onChange: (next: T[]) => void) =>
    h(
      "div",
      { class: "checks" },
      ...values.map((v) =>
        h(
          "label",
          { class: "check" },
          h("input", {
            type: "checkbox",
            name,
            value: v,
            checked: chosen.includes(v),
            onchange: (e: Event) => onChange((e.target as HTMLInputElement).checked ? [...chosen, v] : chosen.filter((c) => c !== v)),
          }),
          label(v),
        ),
      ),
    );
  const distance = h("input", { type: "number", id: "planner-distance", min: 1, max: 50000, step: 50, value: query.maxDistanceMeters });
  distance.addEventListener("change", () => go({ ...query, maxDistanceMeters: Number(distance.value) || 1500 }));
  const date = h("input", { type: "date", id: "planner-date", value: query.date ?? "" });
  date.addEventListener("change", () => go({ ...query, date: date.value || null }));
  const level = h(
    "select",
    { id: "planner-level" },
    ...(["SECTOR", "NEIGHBOURHOOD"] as const).map((l) => h("option", { value: l, selected: l === query.rowLevel }, t(`planner.level.${l}`))),
  );
  level.addEventListener("change", () => go({ ...query, rowLevel: level.value as AreaLevel }));
  return h(
    "form",
    { class: "planner-form", onsubmit: (e: Event) => e.preventDefault() },
    h("label", { for: "planner-area" }, t("planner.area")),
    areaInput,
    areaResults,
    query.areaName ? h("p", { class: "muted" }, `✓ ${query.areaName}`) : null,
    h(
      "details",
      { open: query.kinds.length > 0 },
      h("summary", {}, t("planner.kinds")),
      checkboxes<PlaceKind>(
        "kind",
        PlaceKindValues,
        query.kinds,
        (k) => t(`kind.${k}`),
        (kinds) => go({ ...query, kinds }),
      ),
    ),
    h(
      "details",
      { open: query.categories.length > 0 },
      h("summary", {}, t("planner.categories")),
      checkboxes<RepairCategory>(
        "category",
        RepairCategoryValues,
        query.categories,
        (c) => t(`category.${c}`),
        (categories) => go({ ...query, categories }),
      ),
    ),
    h(
      "div",
      { class: "two" },
      h("div", {}, h("label", { for: "planner-distance" }, t("planner.distance")), distance),
      h("div", {}, h("label", { for: "planner-level" }, t("planner.rowLevel")), level),
    ),
    h("label", { for: "planner-date" }, t("planner.date")),
    date,
  );
}

function results(report: Report, query: PlannerQuery): HTMLElement {
  const n = (v: number) => new Intl.NumberFormat(locale()).format(v);
  const pct = (v: number) => new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(v);
  const exportQuery = coverageExportQuery(query);
  const max = formatDistance(report.maxDistanceMeters, locale());
  return h(
    "section",
    { class: "coverage", id: "coverage-results", "aria-labelledby": "coverage-heading" },
    h("h2", { id: "coverage-heading" }, report.areaName ?? query.areaName ?? ""),
    h(
      "dl",
      { class: "figures" },
      h("div", {}, h("dt", {}, t("planner.population")), h("dd", figureAttributes("population", report.population), n(report.population))),
      h("div", {}, h("dt", {}, t("planner.covered")), h("dd", figureAttributes("coveredPopulation", report.coveredPopulation), n(report.coveredPopulation))),
      h(
        "div",
        {},
        h("dt", {}, t("planner.uncovered")),
        h("dd", figureAttributes("uncoveredPopulation", report.population - report.coveredPopulation), n(report.population - report.coveredPopulation)),
      ),
      h("div", {}, h("dt", {}, t("planner.share")), h("dd", figureAttributes("coveredShare", report.coveredShare), pct(report.coveredShare))),
      h(
        "div",
        {},
        h("dt", {}, t("planner.placesConsidered")),
        h("dd", figureAttributes("placesConsidered", report.placesConsidered), n(report.placesConsidered)),
      ),
    ),
    report.populationReferenceDate ? h("p", { class: "muted small" }, t("planner.referenceDate", { date: report.populationReferenceDate })) : null,
    h(
      "p",
      { class: "legend small" },
      h("span", { class: "legend-swatch", style: `background:${coverageColour(0.3)}` }),
      t("planner.legendCovered", { distance: max }),
      " ",
      h("span", { class: "legend-swatch", style: `background:${coverageColour(2.5)}` }),
      t("planner.legendFar", { distance: max }),
      " ",
      h("span", { class: "legend-swatch uncovered" }),
      t("planner.uncoveredArea"),
    ),
    h(
      "p",
      {},
      `${t("planner.export")}: `,
      h("a", { class: "button", id: "export-csv", href: `/export/coverage.csv?${exportQuery}`, download: "coverage.csv" }, t("planner.exportCsv")),
      " ",
      h(
        "a",
        { class: "button", id: "export-geojson", href: `/export/coverage.geojson?${exportQuery}`, download: "coverage.geojson" },
        t("planner.exportGeojson"),
      ),
    ),
    h("h3", {}, t("planner.suggested")),
    report.suggestedSites.length
      ? h(
          "ul",
          { class: "suggested", id: "suggested-sites" },
          ...report.suggestedSites.map((s) =>
            h(
              "li",
              { "data-added": s.addedPopulation },
              t("planner.suggestedRow", { rank: s.rank, area: s.area?.name ?? "", added: n(s.addedPopulation), share: pct(s.coveredShareAfter) }),
            ),
          ),
        )
      : h("p", {}, t("common.none")),
    h("h3", {}, t("planner.rows")),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        { class: "rows", id: "coverage-rows" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("planner.area")),
            h("th", { scope: "col" }, t("planner.population")),
            h("th", { scope: "col" }, t("planner.nearest")),
            h("th", { scope: "col" }, t("planner.covered")),
          ),
        ),
        h(
          "tbody",
          {},
          ...report.rows.map((row) =>
            h(
              "tr",
              areaCodeAttributes(row.area.code),
              h(
                "th",
                { scope: "row" },
                h("span", {
                  class: "legend-swatch",
                  style: `background:${coverageColour(coverageRatio(row.nearestDistanceMeters, report.maxDistanceMeters))}`,
                }),
                row.area.name,
              ),
              h("td", {}, n(row.population)),
              h(
                "td",
                {},
                row.nearestDistanceMeters === null
                  ? "—"
                  : `${formatDistance(row.nearestDistanceMeters, locale())}${row.nearestPlace ? ` · ${row.nearestPlace.name}` : ""}`,
              ),
              h("td", {}, row.covered ? t("planner.yes") : t("planner.no")),
            ),
          ),
        ),
      ),
    ),
  );
}

export async function renderPlanner(panel: HTMLElement, route: Route): Promise<void> {
  onMapClick(null);
  const viewer = await loadViewer();
  if (!viewer || !(viewer.isPlanner || viewer.isAdmin)) {
    applyToMap(null, "SECTOR");
    panel.replaceChildren(
      h("h1", {}, t("planner.heading")),
      viewer ? h("p", { class: "error" }, t("planner.notPlanner")) : "",
      signInForm(t("planner.signInNeeded"), () => void renderPlanner(panel, route)),
    );
    return;
  }
  const query = plannerQueryFromParams(route.params);
  const status = h("div", { id: "planner-status", "aria-live": "polite" });
  panel.replaceChildren(h("h1", {}, t("planner.heading")), form(query), status);
  if (!query.area) {
    applyToMap(null, query.rowLevel);
    status.replaceChildren(h("p", { class: "hint" }, t("planner.chooseArea")));
    return;
  }
  const input: CoverageInput = {
    area: query.area,
    kinds: query.kinds.length ? query.kinds : null,
    categories: query.categories.length ? query.categories : null,
    maxDistanceMeters: query.maxDistanceMeters,
    date: query.date,
    rowLevel: query.rowLevel,
  };
  const key = JSON.stringify(input);
  status.replaceChildren(h("p", {}, t("common.loading")));
  try {
    const report = lastReport?.key === key ? lastReport.report : (await request(CoverageDocument, { input, sites: 5 })).coverage;
    const firstTime = lastReport?.key !== key;
    lastReport = { key, report };
    exposeCoverageInput(input);
    status.replaceChildren(results(report, query));
    applyToMap(report, query.rowLevel);
    if (firstTime) fitGeometry(report.area);
  } catch (error) {
    status.replaceChildren(h("p", { class: "error", role: "alert" }, t("common.error", { message: (error as Error).message })));
  }
}

export function leavePlanner(): void {
  if (lastStateKeys || lastReport) applyToMap(null, "SECTOR");
}
