// MapLibre wiring: creates the map, keeps the app's GeoJSON sources, reports clicks. It holds no
// business logic; views call these functions with data they fetched.
import "maplibre-gl/dist/maplibre-gl.css";

import {
  type GeoJSONSource,
  LngLatBounds,
  Map as MapLibreMap,
  type MapGeoJSONFeature,
  NavigationControl,
  Popup,
  prewarm,
  ScaleControl,
  setWorkerCount,
  setWorkerUrl,
  type VectorTileSource,
} from "maplibre-gl";
// MapLibre 6 loads its worker from a file beside its module; bundled, that file must be named.
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";

import { clusterBounds, type PlaceFilterState, placesTileUrl } from "../lib/place-filter";
import { benchMarks, exposeMap, markOnce, screenshotCanvasAttributes } from "../test-hooks";
import { type BaseMapConfig, chooseStyle } from "./basemap";
import { installImageFactory } from "./icons";

export type ClientConfig = BaseMapConfig & { attribution: string };
type Point = { longitude: number; latitude: number };

let map: MapLibreMap;
// the first view: the places of Flanders and Brussels (the seed's Dutch places are reached by panning)
const flanders: [[number, number], [number, number]] = [
  [2.54, 50.68],
  [5.92, 51.51],
];

async function loadConfig(): Promise<ClientConfig> {
  try {
    const response = await fetch("/client-config.json");
    if (response.ok) return (await response.json()) as ClientConfig;
  } catch {
    // an older server without the endpoint: offline map with the default credit line
  }
  return { externalBaseMapStyleUrl: null, baseMapPmtilesUrl: null, attribution: "" };
}

export async function createMap(container: HTMLElement, attribution: string): Promise<MapLibreMap> {
  setWorkerUrl(workerUrl);
  // MapLibre cuts every tile in one worker by default (except on Safari), so the places' tiles wait
  // behind the base map's polygons and labels: a second worker parses them side by side. The workers
  // load their script while the client config is fetched, not after.
  setWorkerCount(2);
  prewarm();
  const config = await loadConfig();
  const { style } = await chooseStyle(config);
  map = new MapLibreMap({
    container,
    style,
    bounds: flanders,
    maxZoom: 19,
    attributionControl: { compact: true, customAttribution: [config.attribution || attribution] },
    canvasContextAttributes: screenshotCanvasAttributes,
  });
  map.addControl(new NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
  installImageFactory(map);
  exposeMap(map);
  await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once("load", () => resolve())));
  // the credit lines stay one click away (the ⓘ button) instead of covering the bottom of the map
  container.querySelector(".maplibregl-ctrl-attrib")?.classList.remove("maplibregl-compact-show");
  map.once("idle", () => markOnce(benchMarks.mapIdle));
  return map;
}

export function getMap(): MapLibreMap {
  return map;
}

export function setSourceData(source: string, data: GeoJSON.GeoJSON): void {
  // setData's promise only says when the worker has the data; views that need it drawn use whenIdle()
  void map.getSource<GeoJSONSource>(source)?.setData(data);
}

/** Shows the places (and clusters) that pass the filter: the server filters the tiles, one URL per filter. */
export function setPlacesFilter(filter: PlaceFilterState): void {
  const source = map.getSource<VectorTileSource>("places");
  const url = placesTileUrl(location.origin, filter);
  if (source && source.tiles[0] !== url) source.setTiles([url]);
}

export function setSearchPoint(point: Point | null): void {
  setSourceData("search-point", {
    type: "FeatureCollection",
    features: point ? [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [point.longitude, point.latitude] } }] : [],
  });
}

export function fitPoints(points: readonly Point[], maxZoom = 15): void {
  if (points.length === 0) return;
  const bounds = new LngLatBounds();
  for (const p of points) bounds.extend([p.longitude, p.latitude]);
  map.fitBounds(bounds, { padding: 60, maxZoom, duration: 0 });
}

export function fitGeometry(geometry: { type: string; coordinates: unknown }): void {
  const points: Point[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === "number") points.push({ longitude: value[0], latitude: value[1] as number });
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(geometry.coordinates);
  fitPoints(points, 14);
}

export function setLayerVisible(layer: string, visible: boolean): void {
  if (map.getLayer(layer)) map.setLayoutProperty(layer, "visibility", visible ? "visible" : "none");
}

/** Resolves when the map has rendered everything it has (used after changing data). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (map.loaded() && !map.isMoving()) map.once("idle", () => resolve());
    else map.once("idle", () => resolve());
    map.triggerRepaint();
  });
}

/** Click handling: one handler at a time decides what a click on the empty map means. */
let clickHandler: ((point: Point) => void) | null = null;
export function onMapClick(handler: ((point: Point) => void) | null): void {
  clickHandler = handler;
}

export function installClickRouting(onPlaceClick: (id: string, slug: string) => void): void {
  map.on("click", (event) => {
    const features = map.queryRenderedFeatures(event.point, { layers: ["places", "place-clusters"] });
    const top = features[0];
    if (top && top.layer.id === "place-clusters") {
      // the server sends each cluster's box: zoom to it, at least one step (its places may share a spot)
      const bounds = clusterBounds(top.properties);
      const camera = bounds ? map.cameraForBounds(bounds, { padding: 60 }) : undefined;
      const geometry = top.geometry as GeoJSON.Point;
      map.easeTo({
        center: camera?.center ?? (geometry.coordinates as [number, number]),
        zoom: Math.min(Math.max(camera?.zoom ?? 0, map.getZoom() + 1), 17),
      });
      return;
    }
    if (top && top.layer.id === "places" && !clickHandlerIsPicking) {
      const spot = placesAtSameSpot(top, features);
      if (spot.length > 1) showSpotChooser(top.geometry as GeoJSON.Point, spot, onPlaceClick);
      else onPlaceClick(String(top.properties.id), String(top.properties.slug));
      return;
    }
    clickHandler?.({ longitude: event.lngLat.lng, latitude: event.lngLat.lat });
  });
  for (const layer of ["places", "place-clusters"]) {
    map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
    map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
  }
}

type SpotPlace = { id: string; slug: string; name: string; kind: string };

/** The places drawn at the clicked marker's exact point (a community centre with several), top first. */
function placesAtSameSpot(top: MapGeoJSONFeature, features: MapGeoJSONFeature[]): SpotPlace[] {
  const key = (f: MapGeoJSONFeature) => (f.geometry as GeoJSON.Point).coordinates.map((c) => c.toFixed(6)).join(",");
  const spot = new Map<string, SpotPlace>();
  for (const f of features) {
    if (f.layer.id !== "places" || key(f) !== key(top)) continue;
    const id = String(f.properties.id);
    spot.set(id, { id, slug: String(f.properties.slug), name: String(f.properties.name), kind: String(f.properties.kind) });
  }
  return [...spot.values()];
}

let spotPopup: Popup | null = null;

/** A chooser at a spot with several places: a list of buttons, focused, so mouse, touch and keyboard reach each. */
function showSpotChooser(point: GeoJSON.Point, places: SpotPlace[], onPlaceClick: (id: string, slug: string) => void): void {
  spotPopup?.remove();
  const list = document.createElement("ul");
  list.className = "spot-chooser";
  list.setAttribute("aria-label", spotChooserLabel(places.length));
  for (const place of places) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "spot-choice";
    button.dataset.placeId = place.id;
    button.textContent = place.name;
    button.addEventListener("click", () => {
      spotPopup?.remove();
      onPlaceClick(place.id, place.slug);
    });
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
  spotPopup = new Popup({ closeButton: true, maxWidth: "280px", focusAfterOpen: false })
    .setLngLat(point.coordinates as [number, number])
    .setDOMContent(list)
    .addTo(map);
  list.querySelector("button")?.focus();
}

let spotChooserLabel = (count: number) => `${count}`;
/** How the chooser names itself for screen readers (set by the views, which know the language). */
export function setSpotChooserLabel(label: (count: number) => string): void {
  spotChooserLabel = label;
}

let clickHandlerIsPicking = false;
/** While picking (a deployment spot), clicks on places also give their point. */
export function setPicking(picking: boolean): void {
  clickHandlerIsPicking = picking;
  map.getCanvas().style.cursor = picking ? "crosshair" : "";
}
