// Which base map the map draws under the app's layers: an operator's MapLibre style
// (Client:ExternalBaseMapStyleUrl), the PMTiles archive the server hosts (Basemap:PmtilesPath), or the
// built-in one cut by the server. An operator's base map that cannot be reached within 4 s, answers an
// error or is not a vector archive must not keep residents from the map: the built-in one is drawn.
import { addProtocol, type StyleSpecification } from "maplibre-gl";

import { offlineStyle, withOverlays, withPmtilesBaseMap } from "./style";

export type BaseMapConfig = { externalBaseMapStyleUrl: string | null; baseMapPmtilesUrl: string | null };
export type BaseMapKind = "style" | "pmtiles" | "built-in";

const timeoutMs = 4000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${timeoutMs} ms`)), timeoutMs)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

let protocol: import("pmtiles").Protocol | null = null;
/** The pmtiles:// protocol, registered once; the module is loaded only when a base map needs it. */
async function pmtilesProtocol(): Promise<{ protocol: import("pmtiles").Protocol; module: typeof import("pmtiles") }> {
  const module = await import("pmtiles");
  if (!protocol) {
    protocol = new module.Protocol();
    addProtocol("pmtiles", protocol.tile);
  }
  return { protocol, module };
}

async function externalStyle(url: string): Promise<StyleSpecification> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const style = (await response.json()) as StyleSpecification;
  // an operator's style may draw from PMTiles archives (pmtiles://https://…) too
  if (JSON.stringify(style.sources).includes("pmtiles://")) await pmtilesProtocol();
  return withOverlays(style);
}

/** Opens the archive (header, root directory, metadata: two range requests) before the map asks it for tiles. */
async function pmtilesStyle(path: string): Promise<StyleSpecification> {
  const url = new URL(path, location.href).href;
  const { protocol, module } = await pmtilesProtocol();
  const archive = new module.PMTiles(url);
  const header = await withTimeout(archive.getHeader(), url);
  if (header.tileType !== module.TileType.Mvt) throw new Error(`${url}: not a vector tile archive`);
  const metadata = (await withTimeout(archive.getMetadata(), url)) as { vector_layers?: { id?: unknown }[]; attribution?: unknown };
  protocol.add(archive);
  const layers = new Set((metadata.vector_layers ?? []).map((layer) => String(layer.id)));
  return withPmtilesBaseMap(url, layers, typeof metadata.attribution === "string" ? metadata.attribution : undefined);
}

/** The style to start with, and which base map it carries. */
export async function chooseStyle(config: BaseMapConfig): Promise<{ style: StyleSpecification; baseMap: BaseMapKind }> {
  try {
    if (config.externalBaseMapStyleUrl) return { style: await externalStyle(config.externalBaseMapStyleUrl), baseMap: "style" };
    if (config.baseMapPmtilesUrl) return { style: await pmtilesStyle(config.baseMapPmtilesUrl), baseMap: "pmtiles" };
  } catch (error) {
    // unreachable, refused or not a base map: said once in the console for the operator, nothing broken for residents
    console.warn("MakerMap: the configured base map cannot be used, drawing the built-in one instead.", error);
  }
  return { style: offlineStyle(), baseMap: "built-in" };
}
