// The offline base map: area polygons and streets (OpenStreetMap, where the server has them) from
// the server's vector tiles, styled as a calm land map, plus the app's own data sources.
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";

import { coverageFillExpression } from "../lib/coverage-scale";
import { placesTileUrl } from "../lib/place-filter";
import { kindColourExpression } from "../lib/place-style";

const tiles = (layer: string) => [`${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt`];
const emptyCollection = (): GeoJSON.FeatureCollection => ({ type: "FeatureCollection", features: [] });

export const areaSources: Record<string, SourceSpecification> = {
  municipalities: { type: "vector", tiles: tiles("municipalities"), minzoom: 0, maxzoom: 14, promoteId: "code" },
  neighbourhoods: { type: "vector", tiles: tiles("neighbourhoods"), minzoom: 8, maxzoom: 14, promoteId: "code" },
  sectors: { type: "vector", tiles: tiles("sectors"), minzoom: 10, maxzoom: 14, promoteId: "code" },
  "area-labels": { type: "vector", tiles: tiles("area-labels"), minzoom: 0, maxzoom: 14 },
};

/** Streets and paths; where the server has no street data its tiles are empty (204) and nothing is drawn. */
export const streetSources: Record<string, SourceSpecification> = {
  streets: { type: "vector", tiles: tiles("streets"), minzoom: 10, maxzoom: 14, attribution: "© OpenStreetMap contributors" },
};

const streetLine = (streetClass: string, minzoom: number, colour: string, widths: [number, number, number]): LayerSpecification => ({
  id: `streets-${streetClass}`,
  type: "line",
  source: "streets",
  "source-layer": "streets",
  minzoom,
  filter: ["==", ["get", "class"], streetClass],
  layout: { "line-cap": "round", "line-join": "round" },
  paint: { "line-color": colour, "line-width": ["interpolate", ["exponential", 1.6], ["zoom"], 12, widths[0], 15, widths[1], 18, widths[2]] },
});

/**
 * Roads by class (casing under the fill so white streets read on the light land), footways and
 * paths dashed, and street names drawn along the line from zoom 15. Names are images drawn by the
 * browser (see icons.ts: the offline map has no glyphs), placed and kept upright along the street.
 */
export const streetLayers: LayerSpecification[] = [
  {
    id: "streets-casing",
    type: "line",
    source: "streets",
    "source-layer": "streets",
    minzoom: 12,
    filter: ["!=", ["get", "class"], "path"],
    layout: { "line-cap": "round", "line-join": "round" },
    paint: { "line-color": "#cfc8b8", "line-width": ["interpolate", ["exponential", 1.6], ["zoom"], 12, 1.5, 15, 8, 18, 26] },
  },
  {
    id: "streets-path",
    type: "line",
    source: "streets",
    "source-layer": "streets",
    minzoom: 14,
    filter: ["==", ["get", "class"], "path"],
    paint: { "line-color": "#b3a892", "line-width": ["interpolate", ["linear"], ["zoom"], 14, 0.7, 18, 1.6], "line-dasharray": [2, 1.5] },
  },
  streetLine("minor", 13, "#ffffff", [0.8, 6, 22]),
  streetLine("secondary", 11, "#fdf3c8", [1, 7, 24]),
  streetLine("major", 10, "#f6d08b", [1.2, 8, 26]),
  {
    id: "streets-names",
    type: "symbol",
    source: "streets",
    "source-layer": "streets",
    minzoom: 15,
    filter: ["all", ["has", "name"], ["!=", ["get", "class"], "path"]],
    layout: {
      "symbol-placement": "line",
      "symbol-spacing": 300,
      "icon-image": ["concat", "street|", ["get", "name"]],
      "icon-rotation-alignment": "map",
      "icon-keep-upright": true,
      "icon-padding": 2,
    },
  },
];

export const dataSources: Record<string, SourceSpecification> = {
  // vector tiles the server clusters up to zoom 13 (point_count, counts per kind, the cluster's box);
  // from 14 on every place is its own feature, overzoomed beyond
  places: { type: "vector", tiles: [placesTileUrl(location.origin, { kinds: [], categories: [] })], minzoom: 0, maxzoom: 14, promoteId: "id" },
  "search-point": { type: "geojson", data: emptyCollection() },
  uncovered: { type: "geojson", data: emptyCollection() },
  suggested: { type: "geojson", data: emptyCollection() },
  deployments: { type: "geojson", data: emptyCollection() },
  "selected-place": { type: "geojson", data: emptyCollection() },
};

/** Layers that show the area geography (left out over an external base map, except boundaries). */
export const baseLayers: LayerSpecification[] = [
  { id: "background", type: "background", paint: { "background-color": "#e8ece6" } },
  {
    id: "municipalities-fill",
    type: "fill",
    source: "municipalities",
    "source-layer": "municipalities",
    paint: { "fill-color": "#f8f6f0", "fill-outline-color": "#f8f6f0" },
  },
];

export const overlayLayers: LayerSpecification[] = [
  {
    id: "sectors-coverage",
    type: "fill",
    source: "sectors",
    "source-layer": "sectors",
    // hidden until the planner runs a report, so residents' maps do not fetch sector tiles
    layout: { visibility: "none" },
    paint: { "fill-color": coverageFillExpression() as never, "fill-opacity": 0.65 },
  },
  {
    id: "neighbourhoods-coverage",
    type: "fill",
    source: "neighbourhoods",
    "source-layer": "neighbourhoods",
    // hidden until the planner runs a report, so residents' maps do not fetch sector tiles
    layout: { visibility: "none" },
    paint: { "fill-color": coverageFillExpression() as never, "fill-opacity": 0.65 },
  },
  { id: "sectors-line", type: "line", source: "sectors", "source-layer": "sectors", minzoom: 12, paint: { "line-color": "#d9d3c4", "line-width": 0.5 } },
  {
    id: "neighbourhoods-line",
    type: "line",
    source: "neighbourhoods",
    "source-layer": "neighbourhoods",
    minzoom: 9,
    paint: { "line-color": "#b9b09d", "line-width": ["interpolate", ["linear"], ["zoom"], 9, 0.4, 14, 1.2], "line-dasharray": [3, 2] },
  },
  {
    id: "municipalities-line",
    type: "line",
    source: "municipalities",
    "source-layer": "municipalities",
    paint: { "line-color": "#8f8676", "line-width": ["interpolate", ["linear"], ["zoom"], 6, 0.5, 12, 2] },
  },
  { id: "uncovered-fill", type: "fill", source: "uncovered", paint: { "fill-color": "#b2182b", "fill-opacity": 0.18 } },
  { id: "uncovered-line", type: "line", source: "uncovered", paint: { "line-color": "#b2182b", "line-width": 1.2, "line-dasharray": [2, 1] } },
  {
    id: "area-labels",
    type: "symbol",
    source: "area-labels",
    "source-layer": "area-labels",
    filter: [
      "any",
      ["all", ["==", ["downcase", ["to-string", ["get", "level"]]], "municipality"], ["<", ["zoom"], 12]],
      ["all", ["==", ["downcase", ["to-string", ["get", "level"]]], "neighbourhood"], [">=", ["zoom"], 11]],
      ["all", ["==", ["downcase", ["to-string", ["get", "level"]]], "sector"], [">=", ["zoom"], 14]],
    ],
    layout: {
      "icon-image": ["concat", "label|", ["to-string", ["get", "level"]], "|", ["to-string", ["get", "name"]]],
      "icon-allow-overlap": false,
      "icon-padding": 4,
      "symbol-sort-key": ["-", 0, ["coalesce", ["get", "population"], 0]],
    },
  },
  {
    id: "search-point",
    type: "circle",
    source: "search-point",
    paint: { "circle-radius": 8, "circle-color": "#1f6f5c", "circle-stroke-color": "#fff", "circle-stroke-width": 3 },
  },
  {
    id: "place-clusters",
    type: "circle",
    source: "places",
    "source-layer": "places",
    filter: ["has", "point_count"],
    paint: {
      "circle-color": "#1f6f5c",
      "circle-opacity": 0.9,
      "circle-radius": ["interpolate", ["linear"], ["get", "point_count"], 2, 15, 10, 20, 50, 28, 1000, 34],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 2,
    },
  },
  {
    id: "place-cluster-counts",
    type: "symbol",
    source: "places",
    "source-layer": "places",
    filter: ["has", "point_count"],
    // 1234 as "1.2k" and 23456 as "23k": fewer distinct count images to draw at 100,000 places
    layout: { "icon-image": ["concat", "count|", clusterCountText()], "icon-allow-overlap": true, "icon-ignore-placement": true },
  },

  {
    id: "places",
    type: "symbol",
    source: "places",
    "source-layer": "places",
    filter: ["!", ["has", "point_count"]],
    layout: {
      "icon-image": ["concat", "kind|", ["get", "kind"]],
      "icon-allow-overlap": true,
      "icon-size": ["interpolate", ["linear"], ["zoom"], 8, 0.75, 14, 1],
    },
  },
  // names beside the markers at street zoom; the label gives way to other labels rather than overlap
  {
    id: "place-labels",
    type: "symbol",
    source: "places",
    "source-layer": "places",
    filter: ["!", ["has", "point_count"]],
    minzoom: 15,
    layout: {
      "icon-image": ["concat", "place-name|", ["get", "name"]],
      "icon-anchor": "left",
      "icon-offset": [16, 0],
      "icon-padding": 2,
    },
  },
  // the place whose details are open, drawn above the others (places can share a spot)
  {
    id: "selected-place-halo",
    type: "circle",
    source: "selected-place",
    paint: { "circle-radius": 22, "circle-color": kindColourExpression() as never, "circle-opacity": 0.3 },
  },
  {
    id: "selected-place",
    type: "symbol",
    source: "selected-place",
    layout: { "icon-image": ["concat", "kind|", ["get", "kind"], "|selected"], "icon-allow-overlap": true, "icon-size": 1.15 },
  },
  {
    id: "deployments",
    type: "circle",
    source: "deployments",
    paint: { "circle-radius": 10, "circle-color": "#238b45", "circle-stroke-color": "#111", "circle-stroke-width": 3 },
  },
  {
    id: "suggested",
    type: "symbol",
    source: "suggested",
    layout: { "icon-image": ["concat", "rank|", ["to-string", ["get", "rank"]]], "icon-allow-overlap": true },
  },
];

function clusterCountText(): ExpressionSpecification {
  const count: ExpressionSpecification = ["get", "point_count"];
  return [
    "case",
    ["<", count, 1000],
    ["to-string", count],
    ["<", count, 10000],
    ["concat", ["to-string", ["/", ["round", ["/", count, 100]], 10]], "k"],
    ["concat", ["to-string", ["round", ["/", count, 1000]]], "k"],
  ];
}

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    // the app's sources first: MapLibre requests and parses tiles in source order, so the places'
    // tiles reach the worker before the base map's polygons and labels (drawing order is the layers')
    sources: { ...dataSources, ...areaSources, ...streetSources },
    layers: [...baseLayers, ...streetLayers, ...overlayLayers],
  };
}

/** An external base map (when configured) with the app's sources and overlays on top. */
export function withOverlays(external: StyleSpecification): StyleSpecification {
  return {
    ...external,
    sources: { ...dataSources, ...external.sources, ...areaSources },
    layers: [...external.layers, ...overlayLayers],
  };
}

/**
 * The server's PMTiles archive as the base map (source `basemap`, read by range requests): its land and
 * streets replace the built-in ones where it has those layers (`municipalities`, `streets`, as
 * scripts/build-basemap.mjs packs them); outside its extent the built-in land fill still shows, and
 * boundaries, names and the app's data stay on the server's live tiles.
 */
export function withPmtilesBaseMap(archiveUrl: string, archiveLayers: ReadonlySet<string>, attribution?: string): StyleSpecification {
  const fromArchive = (layer: LayerSpecification): LayerSpecification => ({ ...layer, source: "basemap" }) as LayerSpecification;
  const land = baseLayers.flatMap((layer) =>
    layer.id === "municipalities-fill" && archiveLayers.has("municipalities") ? [layer, { ...fromArchive(layer), id: "basemap-land" }] : [layer],
  );
  const streets = archiveLayers.has("streets") ? streetLayers.map(fromArchive) : streetLayers;
  return {
    version: 8,
    sources: {
      ...areaSources,
      ...streetSources,
      basemap: { type: "vector", url: `pmtiles://${archiveUrl}`, ...(attribution ? { attribution } : {}) },
      ...dataSources,
    },
    layers: [...land, ...streets, ...overlayLayers],
  };
}
