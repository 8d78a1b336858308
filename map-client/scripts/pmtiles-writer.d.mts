// Types of pmtiles-writer.mjs for its test (src/lib/pmtiles-writer.test.ts), which tsconfig.test.json
// type-checks; the writer itself is plain JavaScript run by Node (scripts/build-basemap.mjs).

export type Tile = { z: number; x: number; y: number; data: Uint8Array };
export type Entry = { tileId: number; offset: number; length: number; runLength: number };
export type ArchiveOptions = {
    tiles: Iterable<Tile>;
    metadata: Record<string, unknown>;
    bounds: [number, number, number, number];
    center?: [number, number, number];
    compression?: "gzip" | "none";
    leafSize?: number;
};
export type ArchiveStats = { addressedTiles: number; tileEntries: number; tileContents: number; leafDirectories: boolean };

/** The tile's id: its place on the Hilbert curve of its zoom after every tile of the zooms above. */
export function zxyToTileId(z: number, x: number, y: number): number;
/** A directory serialized as the spec says (count, then columns), compressed by `compress`. */
export function encodeDirectory(entries: readonly Entry[], compress: (bytes: Uint8Array) => Uint8Array): Uint8Array;
/** A PMTiles v3 archive of MVT tiles, deduplicated and clustered. */
export function writePmtiles(options: ArchiveOptions): { archive: Uint8Array; stats: ArchiveStats };
