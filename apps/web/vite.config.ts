import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };
const apiTarget = process.env.API_URL ?? "http://127.0.0.1:8080";

// In dev, Vite serves the SPA and forwards the API, health and short-code
// paths to the API server, so the browser sees one origin as in production.
export default defineConfig({
  plugins: [react()],
  define: { "import.meta.env.VITE_APP_VERSION": JSON.stringify(version) },
  server: {
    port: 5173,
    proxy: {
      "/api": apiTarget,
      "/health": apiTarget,
      // A single path segment that is not a file or an SPA route is a short code.
      "^/(?!(?:login|register|dashboard|account|links|assets|src|node_modules|@)[/]?)[A-Za-z0-9_-]{3,32}$": apiTarget,
    },
  },
  build: { sourcemap: true, manifest: true },
});
