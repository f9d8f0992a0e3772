import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { SPA_ROUTES } from "@shortly/contract";
import fp from "fastify-plugin";
import { HTML_SECURITY_HEADERS } from "./security-headers.js";

/** The app shell's headers; nginx.conf sets the same ones in front of it. */
export const SHELL_HEADERS = { "cache-control": "no-cache", ...HTML_SECURITY_HEADERS };

/**
 * Serves the built SPA from the same origin as the API: hashed assets cached
 * for a year, the HTML shell never cached, and the SPA's routes (from the
 * contract's route table) answered with the shell.
 */
export default fp<{ distDir: string | null }>(
  async (app, { distDir }) => {
    const indexFile = distDir ? path.join(distDir, "index.html") : null;
    if (!distDir || !indexFile || !existsSync(indexFile)) {
      app.log.warn({ distDir }, "no built web app found; serving the API only");
      return;
    }
    const shell = readFileSync(indexFile);
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        // The shell by its own name is the shell: a cached copy would point at assets a deploy removed.
        if (path.basename(filePath) === "index.html") {
          for (const [name, value] of Object.entries(SHELL_HEADERS)) res.header(name, value);
          return;
        }
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600");
      },
    });
    const sendShell = (status: number) => (_req: unknown, reply: import("fastify").FastifyReply) =>
      reply.code(status).type("text/html; charset=utf-8").headers(SHELL_HEADERS).send(shell);
    // Pages of the web app, not API operations: left out of the OpenAPI document.
    for (const route of SPA_ROUTES) app.get(route, { schema: { hide: true } }, sendShell(200));
    app.decorate("spaFallback", (request, reply) => sendShell(404)(request, reply));
  },
  { name: "spa", fastify: "5.x", dependencies: ["error-handler"] },
);
