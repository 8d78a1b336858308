// Every streets tile the server has (issue 15): for each zoom of the layer, every tile over the
// layer's bounds (TileJSON), requested once cold (the server cuts it in PostGIS, or answers 204
// where no street lies) and once warm (the server's in-memory tile cache, on by default), one
// kept-alive connection, `Accept-Encoding: br` as a browser sends it. Prints per zoom the tiles
// with data, their raw (protobuf) and Brotli sizes (average, max), cold and warm p50/p99 latency,
// and fails when a tile is over the 500 KB budget.
//   node bench/streets-tiles.mjs [--url http://127.0.0.1:5080] [--budget-kb 500]
// Used by scripts/bench-client.sh.
import http from "node:http";
import { brotliDecompressSync } from "node:zlib";

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const base = new URL(option("url", process.env.MAKERMAP_BENCH_URL ?? "http://127.0.0.1:5080"));
const budgetKb = Number(option("budget-kb", "500"));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET path: status, body as sent (maybe Brotli), content-encoding, milliseconds to the last byte. */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get({ host: base.hostname, port: base.port, path, agent, headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          encoding: response.headers["content-encoding"] ?? "",
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const tileJson = JSON.parse((await get("/tiles/streets.json")).body.toString("utf8"));
const [west, south, east, north] = tileJson.bounds;
const column = (lon, z) => Math.floor(((lon + 180) / 360) * 2 ** z);
const row = (lat, z) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p + 0.5))] ?? Number.NaN;
const kb = (bytes) => (bytes / 1024).toFixed(1);

console.log(`streets tiles from ${base.origin}, bounds ${tileJson.bounds.join(", ")}, zooms ${tileJson.minzoom}–${tileJson.maxzoom}`);
console.log("zoom  tiles  204s  raw avg KB  raw max KB  br avg KB  br max KB  cold p50 ms  cold p99 ms  warm p50 ms  warm p99 ms");
let over = 0;
let heaviest = { size: 0, tile: "" };
for (let z = tileJson.minzoom; z <= tileJson.maxzoom; z++) {
  const sizes = [];
  const brSizes = [];
  const cold = [];
  const warm = [];
  let empty = 0;
  for (let x = column(west, z); x <= column(east, z); x++) {
    for (let y = row(north, z); y <= row(south, z); y++) {
      const path = `/tiles/streets/${z}/${x}/${y}.mvt`;
      const first = await get(path, { "accept-encoding": "br" });
      const again = await get(path, { "accept-encoding": "br" });
      cold.push(first.ms);
      warm.push(again.ms);
      if (first.status === 204) {
        empty++;
        continue;
      }
      if (first.status !== 200) throw new Error(`${path}: HTTP ${first.status}`);
      const raw = first.encoding === "br" ? brotliDecompressSync(first.body).length : first.body.length;
      sizes.push(raw);
      brSizes.push(first.body.length);
      if (raw > budgetKb * 1024) over++;
      if (raw > heaviest.size) heaviest = { size: raw, tile: `${z}/${x}/${y}` };
    }
  }
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  const avg = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  console.log(
    [
      String(z).padStart(4),
      String(cold.length).padStart(6),
      String(empty).padStart(5),
      kb(avg(sizes)).padStart(11),
      kb(Math.max(0, ...sizes)).padStart(11),
      kb(avg(brSizes)).padStart(10),
      kb(Math.max(0, ...brSizes)).padStart(10),
      percentile(cold, 0.5).toFixed(1).padStart(12),
      percentile(cold, 0.99).toFixed(1).padStart(12),
      percentile(warm, 0.5).toFixed(1).padStart(12),
      percentile(warm, 0.99).toFixed(1).padStart(12),
    ].join(" "),
  );
}
agent.destroy();
console.log(`heaviest streets tile: ${heaviest.tile}, ${kb(heaviest.size)} KB raw; budget ${budgetKb} KB: ${over === 0 ? "every tile within it" : `${over} tiles over it`}`);
process.exit(over === 0 ? 0 : 1);
