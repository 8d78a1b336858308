import { defineConfig } from "vitest/config";

// `npm run dev` serves the client with hot reload and proxies the server's endpoints to a running
// MakerMap server (MAKERMAP_DEV_SERVER, default http://127.0.0.1:5180), WebSocket included.
const server = process.env.MAKERMAP_DEV_SERVER ?? "http://127.0.0.1:5180";
const proxied = ["/graphql", "/tiles", "/basemap", "/export", "/calendar", "/auth", "/client-config.json", "/healthz"];

export default defineConfig({
  build: {
    outDir: "dist",
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: server, changeOrigin: false, ws: path === "/graphql" }])),
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
