import { Compression, PMTiles, type RangeResponse, type Source, TileType, zxyToTileId as readerTileId } from "pmtiles";
import { describe, expect, it } from "vitest";

import { type Tile, writePmtiles, zxyToTileId } from "../../scripts/pmtiles-writer.mjs";

/** The archive in memory, read by the independent reader (npm pmtiles) through its Source interface. */
class BytesSource implements Source {
  requests = 0;
  constructor(private readonly bytes: Uint8Array) {}
  getKey = () => "memory.pmtiles";
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.requests++;
    const slice = this.bytes.slice(offset, offset + length);
    return Promise.resolve({ data: slice.buffer });
  }
}

/** Deterministic bytes standing in for MVT tiles: the writer must not look inside them. */
function tileBytes(seed: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[i] = state % 256;
  }
  return bytes;
}

/** Every tile of zooms 8–11 over Gent, some shared (a blank land tile) to exercise deduplication and run lengths. */
function gentTiles(): Tile[] {
  const tiles: Tile[] = [];
  const blank = tileBytes(1, 40);
  for (let z = 8; z <= 11; z++) {
    const scale = 2 ** (z - 8);
    for (let x = 130 * scale; x < 131 * scale + 1; x++) {
      for (let y = 85 * scale; y < 86 * scale + 1; y++) {
        const shared = (x + y) % 3 === 0;
        tiles.push({ z, x, y, data: shared ? blank : tileBytes(z * 100000 + x * 1000 + y, 50 + ((x * 31 + y) % 400)) });
      }
    }
  }
  return tiles;
}

const bounds: [number, number, number, number] = [3.579, 50.979, 3.849, 51.189];
const metadata = {
  name: "MakerMap base map",
  attribution: "© OpenStreetMap contributors",
  vector_layers: [{ id: "streets", fields: { class: "String", name: "String" }, minzoom: 10, maxzoom: 14 }],
};

async function readBack(archive: Uint8Array, tiles: readonly Tile[]) {
  const reader = new PMTiles(new BytesSource(archive));
  for (const tile of tiles) {
    const read = await reader.getZxy(tile.z, tile.x, tile.y);
    expect(read, `tile ${tile.z}/${tile.x}/${tile.y}`).toBeDefined();
    expect(new Uint8Array(read!.data), `tile ${tile.z}/${tile.x}/${tile.y}`).toEqual(tile.data);
  }
  return reader;
}

// the reader decompresses every tile it reads: a few hundred take seconds on a busy machine
describe("pmtiles writer", { timeout: 30000 }, () => {
  it("numbers tiles on the Hilbert curve as the reader does", () => {
    for (let z = 0; z <= 14; z++) {
      const size = 2 ** z;
      for (const [x, y] of [
        [0, 0],
        [size - 1, 0],
        [0, size - 1],
        [size - 1, size - 1],
        [Math.floor(size / 3), Math.floor((2 * size) / 3)],
        [Math.floor((8383 * size) / 16384), Math.floor((5467 * size) / 16384)],
      ] as const) {
        expect(zxyToTileId(z, x, y), `${z}/${x}/${y}`).toBe(readerTileId(z, x, y));
      }
    }
    for (let x = 0; x < 16; x++) for (let y = 0; y < 16; y++) expect(zxyToTileId(4, x, y)).toBe(readerTileId(4, x, y));
  });

  it("writes an archive whose every tile the pmtiles reader reads back byte for byte", async () => {
    const tiles = gentTiles();
    const { archive, stats } = writePmtiles({ tiles, metadata, bounds });
    const reader = await readBack(archive, tiles);

    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect(header.tileCompression).toBe(Compression.Gzip);
    expect(header.internalCompression).toBe(Compression.Gzip);
    expect(header.clustered).toBe(true);
    expect([header.minZoom, header.maxZoom]).toEqual([8, 11]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual(bounds);
    expect(header.numAddressedTiles).toBe(tiles.length);
    expect(header.leafDirectoryLength).toBe(0);
    expect(stats.leafDirectories).toBe(false);
    expect(await reader.getMetadata()).toEqual(metadata);
  });

  it("stores a repeated tile once and runs of equal neighbours as one entry", async () => {
    const tiles = gentTiles();
    const distinct = new Set(tiles.map((t) => Buffer.from(t.data).toString("base64"))).size;
    const { archive, stats } = writePmtiles({ tiles, metadata, bounds });
    const header = await new PMTiles(new BytesSource(archive)).getHeader();

    expect(header.numTileContents).toBe(distinct);
    expect(stats.tileContents).toBe(distinct);
    expect(header.numTileEntries).toBeLessThanOrEqual(tiles.length);
    // a zoom filled with one tile is one entry with a run length
    const uniform = Array.from({ length: 16 }, (_, i) => ({ z: 2, x: i % 4, y: Math.floor(i / 4), data: tileBytes(7, 100) }));
    const { stats: runStats, archive: runArchive } = writePmtiles({ tiles: uniform, metadata, bounds });
    expect(runStats).toEqual({ addressedTiles: 16, tileEntries: 1, tileContents: 1, leafDirectories: false });
    await readBack(runArchive, uniform);
  });

  it("puts entries in leaf directories when told to, and the reader still finds every tile", async () => {
    const tiles = gentTiles();
    const { archive, stats } = writePmtiles({ tiles, metadata, bounds, leafSize: 7 });
    const reader = await readBack(archive, tiles);

    expect(stats.leafDirectories).toBe(true);
    expect((await reader.getHeader()).leafDirectoryLength).toBeGreaterThan(0);
    expect(await reader.getZxy(11, 0, 0)).toBeUndefined();
  });

  it("reads back uncompressed archives too, and answers a tile outside the archive with nothing", async () => {
    const tiles = gentTiles().filter((t) => t.z <= 10);
    const { archive } = writePmtiles({ tiles, metadata, bounds, compression: "none" });
    const reader = await readBack(archive, tiles);

    expect((await reader.getHeader()).tileCompression).toBe(Compression.None);
    expect(await reader.getZxy(11, 1046, 680)).toBeUndefined();
  });

  it("keeps the header and root directory within the first 16 KiB", () => {
    const tiles = gentTiles();
    const { archive } = writePmtiles({ tiles, metadata, bounds });
    const view = new DataView(archive.buffer, archive.byteOffset);
    const rootEnd = Number(view.getBigUint64(8, true) + view.getBigUint64(16, true));
    expect(rootEnd).toBeLessThanOrEqual(16384);
    expect(new TextDecoder().decode(archive.slice(0, 7))).toBe("PMTiles");
  });
});
