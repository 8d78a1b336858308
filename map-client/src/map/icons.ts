// Images drawn at run time, so the map needs neither a sprite sheet nor glyph PBFs (there is no
// internet at run time and the server serves no fonts): pictograms per kind, cluster counts, and
// area names rendered with the browser's own fonts. MapLibre still places them with collision
// detection like any symbol.
import type { Map as MapLibreMap } from "maplibre-gl";

import type { PlaceKind } from "../graphql/generated";
import { kindStyles } from "../lib/place-style";

const ratio = 2;
const font = '"Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif';

// One canvas for every image: the first view asks for some 300 area names at once, and creating a
// canvas and its 2D context per image (twice per name, to measure it first) cost about a second of
// the main thread before the first markers could be drawn. Resizing clears it and resets its state;
// the pixels are copied out (getImageData) before the next image is drawn. willReadFrequently keeps
// it in main memory, so that copy is no GPU read-back.
const shared = document.createElement("canvas");
const sharedContext = shared.getContext("2d", { willReadFrequently: true })!;

function canvas(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  shared.width = Math.ceil(width * ratio);
  shared.height = Math.ceil(height * ratio);
  sharedContext.scale(ratio, ratio);
  return [shared, sharedContext];
}

function add(map: MapLibreMap, id: string, c: HTMLCanvasElement): void {
  if (!map.hasImage(id)) map.addImage(id, sharedContext.getImageData(0, 0, c.width, c.height), { pixelRatio: ratio });
}

/** A round marker in the kind's colour with its white pictogram. */
export function drawKindIcon(map: MapLibreMap, kind: PlaceKind, selected = false): void {
  const size = 30;
  const [c, ctx] = canvas(size, size);
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 2, 0, Math.PI * 2);
  ctx.fillStyle = kindStyles[kind].colour;
  ctx.fill();
  ctx.lineWidth = selected ? 3 : 2;
  ctx.strokeStyle = selected ? "#111" : "#fff";
  ctx.stroke();
  ctx.save();
  ctx.translate(5, 5);
  ctx.scale(20 / 24, 20 / 24);
  ctx.fillStyle = "#fff";
  ctx.fill(new Path2D(kindStyles[kind].path), "evenodd");
  ctx.restore();
  add(map, `kind|${kind}${selected ? "|selected" : ""}`, c);
}

function drawText(map: MapLibreMap, id: string, text: string, size: number, weight: string, colour: string, halo: string): void {
  sharedContext.font = `${weight} ${size}px ${font}`;
  const width = Math.ceil(sharedContext.measureText(text).width) + 6;
  const [c, ctx] = canvas(width, size + 8);
  ctx.font = `${weight} ${size}px ${font}`;
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3;
  ctx.strokeStyle = halo;
  ctx.strokeText(text, 3, (size + 8) / 2);
  ctx.fillStyle = colour;
  ctx.fillText(text, 3, (size + 8) / 2);
  add(map, id, c);
}

/** A Statbel neighbourhood or sector code such as `44021A00-` or `44080B0`. */
export function isAreaCode(name: string): boolean {
  return /^\d{5}[A-Z0-9]{1,5}-?$/.test(name);
}

/**
 * Draws images on demand for ids that encode their content:
 *   `label|<level>|<name>`  an area name   `count|<n>`  a cluster count   `rank|<n>`  a suggested site
 *   `street|<name>`  a street name (placed along its line)   `place-name|<name>`  a place's name beside its marker
 */
export function installImageFactory(map: MapLibreMap): void {
  for (const kind of Object.keys(kindStyles) as PlaceKind[]) {
    drawKindIcon(map, kind);
    drawKindIcon(map, kind, true);
  }
  map.setMissingStyleImageResolver((id) => {
    const [type, a = "", b = ""] = id.split("|");
    if (type === "label") {
      const level = a.toLowerCase();
      const big = level === "municipality";
      // neighbourhoods without a name carry their Statbel code as name: not worth a label
      if (isAreaCode(b)) add(map, id, canvas(1, 1)[0]);
      else drawText(map, id, b, big ? 14 : level === "neighbourhood" ? 12 : 10, big ? "600" : "400", big ? "#3b3a36" : "#5b5850", "rgba(255,255,255,0.9)");
    } else if (type === "place-name") {
      drawText(map, id, a, 12, "600", "#1d2320", "rgba(255,255,255,0.95)");
    } else if (type === "street") {
      drawText(map, id, a, 11, "400", "#4a4740", "rgba(255,255,255,0.95)");
    } else if (type === "count") {
      drawText(map, id, a, 13, "700", "#ffffff", "rgba(0,0,0,0.25)");
    } else if (type === "rank") {
      const size = 26;
      const [c, ctx] = canvas(size, size);
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, size / 2 - 2, 0, Math.PI * 2);
      ctx.fillStyle = "#5e3c99";
      ctx.fill();
      ctx.strokeStyle = "#fff";
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.fillStyle = "#fff";
      ctx.font = `700 13px ${font}`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(a, size / 2, size / 2 + 1);
      add(map, id, c);
    }
  });
}
