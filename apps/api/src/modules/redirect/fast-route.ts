import type { IncomingMessage, ServerResponse } from "node:http";
import proxyAddr from "@fastify/proxy-addr";
import type { RedirectService } from "./service.js";
import { visitFrom, writeRedirect } from "./visit.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * GET|HEAD /:code for a cached link without a click limit, answered before
 * Fastify builds a request, a reply and a logger for it: on this path those
 * cost much of the redirect (docs/adr/0002-pre-fastify-fast-path.md).
 * Everything else, and anything in doubt, goes to `fastify` (routes.ts),
 * which answers all the other cases.
 * `trustProxy` is the same list Fastify gets, so the visitor's IP is the same.
 */
export function createFastRedirect(redirects: RedirectService, trustProxy: string[]) {
  const trusted = trustProxy.length > 0 ? proxyAddr.compile(trustProxy) : null;
  const clientIp = (req: IncomingMessage) => (trusted ? proxyAddr(req, trusted) : req.socket.remoteAddress) ?? null;

  return (req: IncomingMessage, res: ServerResponse, fastify: Handler): void => {
    const { url, method } = req;
    if ((method !== "GET" && method !== "HEAD") || !url) return fastify(req, res);
    // Only "/<code>" with or without a query: further segments (path forwarding) go to Fastify.
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.indexOf("/", 1) !== -1) return fastify(req, res);
    const hit = redirects.redirectFromCache(visitFrom(req, path.slice(1), clientIp(req)));
    if (!hit) return fastify(req, res);
    hit.spooled.then(
      // A destination Node refuses as a header: Fastify's error handling answers.
      () => writeRedirect(res, hit.location, hit.status) || fastify(req, res),
      () => fastify(req, res), // the spool could not be written: Fastify's path answers (503)
    );
  };
}

export type FastRedirect = ReturnType<typeof createFastRedirect>;
