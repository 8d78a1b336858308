// Packages MakerMap's own base-map tiles into one PMTiles v3 archive, which the server can then host
// (setting Basemap:PmtilesPath) and the client reads by range requests instead of asking the server to
// cut every tile: the streets and the area outlines over an area (Gent by default) for a zoom range.
//
//   node map-client/scripts/build-basemap.mjs [--server http://127.0.0.1:5080] [--out .local/basemap/gent.pmtiles]
//        [--bbox 3.579,50.979,3.849,51.189] [--minzoom 8] [--maxzoom 14] [--layers streets,municipalities,neighbourhoods]
//
// The tiles come from a running server's /tiles/{layer}/{z}/{x}/{y}.mvt; a tile of the archive is the
// server's tiles of every layer one after the other, which is itself a valid MVT (a tile is a repeated
// `layers` field, and protobuf merges concatenated messages). Layer descriptions and credits come from
// each layer's TileJSON.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";

import { writePmtiles } from "./pmtiles-writer.mjs";

const { values: args } = parseArgs({
  options: {
    server: { type: "string", default: "http://127.0.0.1:5080" },
    out: { type: "string", default: resolve(import.meta.dirname, "../../.local/basemap/gent.pmtiles") },
    bbox: { type: "string", default: "3.579,50.979,3.849,51.189" },
    minzoom: { type: "string", default: "8" },
    maxzoom: { type: "string", default: "14" },
    layers: { type: "string", default: "streets,municipalities,neighbourhoods" },
  },
});

const server = args.server.replace(/\/$/, "");
const bounds = /** @type {[number, number, number, number]} */ (args.bbox.split(",").map(Number));
const minZoom = Number(args.minzoom);
const maxZoom = Number(args.maxzoom);
const layers = args.layers.split(",").filter(Boolean);
if (bounds.length !== 4 || bounds.some((n) => !Number.isFinite(n)) || !(minZoom >= 0 && maxZoom >= minZoom && maxZoom <= 16) || layers.length === 0) {
  console.error("usage: build-basemap.mjs [--server URL] [--out FILE] [--bbox west,south,east,north] [--minzoom Z] [--maxzoom Z] [--layers a,b]");
  process.exit(2);
}

/** Web-Mercator tile column and row of a point at zoom z. */
function tileOf(/** @type {number} */ lon, /** @type {number} */ lat, /** @type {number} */ z) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(Math.max(x, 0), n - 1), Math.min(Math.max(y, 0), n - 1)];
}

/** @param {string} url */
async function get(url) {
  const response = await fetch(url);
  if (!response.ok && response.status !== 204) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** @type {{ vector_layers: Record<string, unknown>[], attribution?: string }[]} */
const tileJson = await Promise.all(layers.map(async (layer) => /** @type {never} */ (await (await get(`${server}/tiles/${layer}.json`)).json())));

/** @type {{ z: number, x: number, y: number }[]} */
const addresses = [];
for (let z = minZoom; z <= maxZoom; z++) {
  const [west, north] = tileOf(bounds[0], bounds[3], z);
  const [east, south] = tileOf(bounds[2], bounds[1], z);
  for (let x = west; x <= east; x++) for (let y = north; y <= south; y++) addresses.push({ z, x, y });
}

const started = Date.now();
/** @type {import("./pmtiles-writer.d.mts").Tile[]} */
const tiles = [];
let next = 0;
// a few requests at a time: the server cuts each tile from PostGIS
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < addresses.length) {
      const address = /** @type {{ z: number, x: number, y: number }} */ (addresses[next++]);
      const parts = await Promise.all(
        layers.map(async (layer) => new Uint8Array(await (await get(`${server}/tiles/${layer}/${address.z}/${address.x}/${address.y}.mvt`)).arrayBuffer())),
      );
      const data = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      parts.reduce((at, part) => (data.set(part, at), at + part.length), 0);
      tiles.push({ ...address, data });
    }
  }),
);

const credits = [...new Set(tileJson.map((t) => t.attribution).filter(Boolean))];
const { archive, stats } = writePmtiles({
  tiles,
  bounds,
  center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.min(Math.max(minZoom, 12), maxZoom)],
  metadata: {
    name: "MakerMap base map",
    description: `MakerMap's ${layers.join(", ")} tiles, zoom ${minZoom}–${maxZoom}, over ${bounds.join(",")}`,
    type: "baselayer",
    version: new Date().toISOString(),
    attribution: credits.join(" · "),
    vector_layers: tileJson.flatMap((t) => t.vector_layers),
  },
});

// written beside and renamed, so a server reading the archive never sees half a file
const out = resolve(args.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, archive);
renameSync(`${out}.tmp`, out);
console.log(
  `${out}: ${(archive.length / 1024).toFixed(0)} KiB, ${stats.addressedTiles} tiles (${addresses.length - stats.addressedTiles} empty left out), ` +
    `${stats.tileContents} distinct, zoom ${minZoom}–${maxZoom}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
