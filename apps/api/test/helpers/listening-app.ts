import type { AddressInfo } from "node:net";
import type { AppConfig } from "../../src/config.js";
import { buildTestApp } from "./build-test-app.js";

/**
 * An app listening on a free loopback port, for behaviour that lives in real
 * HTTP (the redirect's fast path is not reached by inject). `seen.byFastify`
 * counts the requests that reached Fastify: the rest took the fast path.
 */
export async function listeningApp(overrides: Partial<AppConfig> = {}) {
  const app = await buildTestApp(overrides);
  const seen = { byFastify: 0 };
  app.addHook("onRequest", async () => {
    seen.byFastify++;
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, seen, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** What Chromium sends when a person follows a link. */
export const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
