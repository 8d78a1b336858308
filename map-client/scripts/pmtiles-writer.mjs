// A PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md), written for
// MakerMap's base-map archive (scripts/build-basemap.mjs) and tested against the independent reader,
// npm `pmtiles` (src/lib/pmtiles-writer.test.ts). Layout: a 127-byte header, the root directory, the
// JSON metadata, leaf directories (only when the root would not fit in the first 16 KiB) and the tile
// data in Hilbert tile-id order (clustered), each distinct tile stored once.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

const HEADER_BYTES = 127;
/** Header plus root directory must lie in the first 16 KiB, which a reader fetches in one request. */
const ROOT_LIMIT = 16384;
const COMPRESSION = { none: 1, gzip: 2 };
const TILE_TYPE_MVT = 1;

/**
 * The tile id: the tile's position on the Hilbert curve of its zoom, after every tile of the zooms above.
 * @param {number} z
 * @param {number} x
 * @param {number} y
 */
export function zxyToTileId(z, x, y) {
  const size = 2 ** z;
  if (!Number.isInteger(z) || z < 0 || z > 26 || x < 0 || y < 0 || x >= size || y >= size) throw new Error(`no tile ${z}/${x}/${y}`);
  // tiles of zooms 0 … z-1: 1 + 4 + … + 4^(z-1)
  let id = (4 ** z - 1) / 3;
  for (let half = size / 2; half >= 1; half /= 2) {
    const right = x >= half ? 1 : 0;
    const lower = y >= half ? 1 : 0;
    id += half * half * ((3 * right) ^ lower);
    // fold the quadrant onto the curve's orientation there: reflect in the lower quadrants' left/right halves and transpose
    x -= right * half;
    y -= lower * half;
    if (lower === 0) {
      if (right === 1) {
        x = half - 1 - x;
        y = half - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return id;
}

/**
 * Unsigned LEB128 varint; plain arithmetic rather than bit operators, which would cut at 32 bits.
 * @param {number[]} out
 * @param {number} value
 */
function writeVarint(out, value) {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** @typedef {{ tileId: number, offset: number, length: number, runLength: number }} Entry */

/**
 * A directory as the spec serializes it: the count, then columns of tile-id deltas, run lengths,
 * lengths and offsets (0 when an entry follows the previous one directly, otherwise offset + 1).
 * @param {readonly Entry[]} entries
 * @param {(bytes: Uint8Array) => Uint8Array} compress
 */
export function encodeDirectory(entries, compress) {
  if (entries.length === 0) throw new Error("a PMTiles directory must not be empty");
  /** @type {number[]} */
  const out = [];
  writeVarint(out, entries.length);
  let previousId = 0;
  for (const entry of entries) {
    writeVarint(out, entry.tileId - previousId);
    previousId = entry.tileId;
  }
  for (const entry of entries) writeVarint(out, entry.runLength);
  for (const entry of entries) writeVarint(out, entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    writeVarint(out, previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return compress(Uint8Array.from(out));
}

/**
 * Root and leaf directories: everything in the root when it fits in the first 16 KiB with the header,
 * otherwise leaves of `leafSize` entries (doubled until the root of leaf pointers fits).
 * @param {readonly Entry[]} entries
 * @param {(bytes: Uint8Array) => Uint8Array} compress
 * @param {number} [leafSize] entries per leaf; a test passes a small one to force leaves
 */
function buildDirectories(entries, compress, leafSize) {
  const root = encodeDirectory(entries, compress);
  if (leafSize === undefined && HEADER_BYTES + root.length <= ROOT_LIMIT) return { root, leaves: new Uint8Array(0) };
  for (let size = leafSize ?? 4096; ; size *= 2) {
    /** @type {Entry[]} */
    const pointers = [];
    /** @type {Uint8Array[]} */
    const leaves = [];
    let offset = 0;
    for (let start = 0; start < entries.length; start += size) {
      const leaf = encodeDirectory(entries.slice(start, start + size), compress);
      // a leaf pointer has run length 0 and the first tile id of its leaf
      pointers.push({ tileId: /** @type {Entry} */ (entries[start]).tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const pointerRoot = encodeDirectory(pointers, compress);
    if (HEADER_BYTES + pointerRoot.length <= ROOT_LIMIT) return { root: pointerRoot, leaves: concat(leaves) };
  }
}

/** @param {readonly Uint8Array[]} parts */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** @typedef {{ z: number, x: number, y: number, data: Uint8Array }} Tile */
/**
 * @typedef {object} ArchiveOptions
 * @property {Iterable<Tile>} tiles MVT tiles, uncompressed; empty ones are left out (a reader treats a missing tile as empty)
 * @property {Record<string, unknown>} metadata the JSON metadata (name, attribution, vector_layers …)
 * @property {[number, number, number, number]} bounds west, south, east, north in degrees
 * @property {[number, number, number]} [center] longitude, latitude, zoom; the middle of the bounds at the lowest zoom by default
 * @property {"gzip" | "none"} [compression] of tiles and directories, gzip by default
 * @property {number} [leafSize] entries per leaf directory, forcing leaves (tests)
 */

/**
 * Writes a PMTiles v3 archive of vector tiles.
 * @param {ArchiveOptions} options
 * @returns {{ archive: Uint8Array, stats: { addressedTiles: number, tileEntries: number, tileContents: number, leafDirectories: boolean } }}
 */
export function writePmtiles({ tiles, metadata, bounds, center, compression = "gzip", leafSize }) {
  const compress = compression === "gzip" ? (/** @type {Uint8Array} */ bytes) => new Uint8Array(gzipSync(bytes)) : (/** @type {Uint8Array} */ bytes) => bytes;
  const sorted = [...tiles].filter((tile) => tile.data.length > 0).map((tile) => ({ tileId: zxyToTileId(tile.z, tile.x, tile.y), tile }));
  if (sorted.length === 0) throw new Error("no tiles to write");
  sorted.sort((a, b) => a.tileId - b.tileId);

  /** @type {Entry[]} */
  const entries = [];
  /** @type {Uint8Array[]} */
  const blobs = [];
  /** @type {Map<string, { offset: number, length: number }>} */
  const stored = new Map();
  let dataLength = 0;
  let minZoom = Infinity;
  let maxZoom = -Infinity;
  for (const { tileId, tile } of sorted) {
    if (entries.length > 0 && entries[entries.length - 1]?.tileId === tileId) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} given twice`);
    minZoom = Math.min(minZoom, tile.z);
    maxZoom = Math.max(maxZoom, tile.z);
    const hash = createHash("sha256").update(tile.data).digest("base64");
    let blob = stored.get(hash);
    if (!blob) {
      // clustered: a new blob goes at the end, in tile-id order; a repeated one points back to the first copy
      const bytes = compress(tile.data);
      blob = { offset: dataLength, length: bytes.length };
      stored.set(hash, blob);
      blobs.push(bytes);
      dataLength += bytes.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === blob.offset && last.tileId + last.runLength === tileId) last.runLength++;
    else entries.push({ tileId, offset: blob.offset, length: blob.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries, compress, leafSize);
  const metadataBytes = compress(new TextEncoder().encode(JSON.stringify(metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadataBytes.length;
  const dataOffset = leavesOffset + leaves.length;

  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new TextEncoder().encodeInto("PMTiles", new Uint8Array(header.buffer));
  header.setUint8(7, 3);
  const u64 = (/** @type {number} */ at, /** @type {number} */ value) => header.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadataBytes.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, dataLength);
  const addressedTiles = entries.reduce((sum, entry) => sum + entry.runLength, 0);
  u64(72, addressedTiles);
  u64(80, entries.length);
  u64(88, blobs.length);
  header.setUint8(96, 1);
  header.setUint8(97, COMPRESSION[compression]);
  header.setUint8(98, COMPRESSION[compression]);
  header.setUint8(99, TILE_TYPE_MVT);
  header.setUint8(100, minZoom);
  header.setUint8(101, maxZoom);
  const e7 = (/** @type {number} */ degrees) => Math.round(degrees * 1e7);
  const [west, south, east, north] = bounds;
  header.setInt32(102, e7(west), true);
  header.setInt32(106, e7(south), true);
  header.setInt32(110, e7(east), true);
  header.setInt32(114, e7(north), true);
  const [centerLon, centerLat, centerZoom] = center ?? [(west + east) / 2, (south + north) / 2, minZoom];
  header.setUint8(118, centerZoom);
  header.setInt32(119, e7(centerLon), true);
  header.setInt32(123, e7(centerLat), true);

  return {
    archive: concat([new Uint8Array(header.buffer), root, metadataBytes, leaves, ...blobs]),
    stats: { addressedTiles, tileEntries: entries.length, tileContents: blobs.length, leafDirectories: leaves.length > 0 },
  };
}
