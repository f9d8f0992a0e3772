import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Fastify, { LogController } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ERROR_MESSAGES } from "@shortly/contract";
import type { AppConfig } from "./config.js";
import type { FastRedirect } from "./modules/redirect/fast-route.js";
import { MAX_PARAM_LENGTH } from "./plugins/not-found.js";
import { clientErrorHandler, frameworkErrors } from "./plugins/framework-errors.js";
import { refuseUnknownExpectations, refuseWithoutHost } from "./plugins/node-http-refusals.js";
import { answerNonWebSocketUpgrades } from "./plugins/non-websocket-upgrades.js";

/** Where the composed app puts the redirect's fast path; null sends every request to Fastify. */
export interface FastPathSlot {
  handler: FastRedirect | null;
}

/**
 * The Fastify instance with its server, options and shutdown behaviour,
 * before any plugin or route: requests go to `fastPath.handler` first
 * while one is set.
 */
export function createFastify(config: AppConfig, fastPath: FastPathSlot) {
  const app = Fastify({
    serverFactory: (handler, options) => {
      const serve = refuseWithoutHost((req: IncomingMessage, res: ServerResponse) =>
        fastPath.handler ? fastPath.handler(req, res, handler) : handler(req, res),
      );
      const server = createServer({ requireHostHeader: false }, serve);
      refuseUnknownExpectations(server);
      answerNonWebSocketUpgrades(server, serve);
      // What Fastify sets on the servers it creates itself (its defaults are filled in by now).
      const timeouts = options as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number };
      server.keepAliveTimeout = timeouts.keepAliveTimeout;
      server.requestTimeout = timeouts.requestTimeout;
      server.setTimeout(timeouts.connectionTimeout);
      return server;
    },
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    requestIdHeader: false,
    // `/api/health/` is `/api/health`; parameters up to the longest URL Node reads reach validation (422/404).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
    // While closing, requests get the contract's 503 from the hook below instead of Fastify's own body.
    return503OnClosing: false,
    // Also bounds close hooks: the click writer may drain for up to 20 s at shutdown.
    pluginTimeout: 25_000,
    // Per-request logs would dominate the redirect's cost; nginx keeps access logs, we log errors.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  // First of the close hooks: from here every request is answered 503 (Connection: close),
  // so no click arrives while the writer drains and keep-alive visitors let the server stop.
  let closing = false;
  app.addHook("preClose", async () => {
    fastPath.handler = null;
    closing = true;
  });
  app.addHook("onRequest", async (_request, reply) => {
    if (!closing) return;
    return reply.code(503).headers({ connection: "close", "retry-after": "5" }).send({ detail: ERROR_MESSAGES.SERVICE_UNAVAILABLE });
  });
  return app;
}
