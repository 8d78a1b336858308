// How every script here starts Debian's Chromium: headless, no network chatter, and software WebGL
// (SwiftShader) for MapLibre, since CI machines have no GPU. Shared by the flows (harness.mjs) and
// the benchmarks (bench.mjs, first-markers.mjs) so that they measure the browser the flows test.
import { chromium } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // software WebGL for MapLibre without a GPU
  "--use-gl=angle",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

/** A Chromium for the benchmarks: one browser, a fresh context per measured load. */
export const launchChromium = () => chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
