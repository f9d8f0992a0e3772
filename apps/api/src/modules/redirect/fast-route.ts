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

  /**
   * Redirects waiting for their clicks to reach the spool, as (req, res,
   * location, status) runs in one array per promise: the visits of a turn
   * share one, so they are answered by one reaction, not one per visit.
   */
  let batch: unknown[] | null = null;
  let batchFor: Promise<void> | null = null;
  const answer = (waiting: unknown[], fastify: Handler, spooled: boolean) => {
    if (batch === waiting) {
      batch = null;
      batchFor = null;
    }
    for (let i = 0; i < waiting.length; i += 4) {
      const req = waiting[i] as IncomingMessage;
      const res = waiting[i + 1] as ServerResponse;
      // A destination Node refuses as a header, or a spool that could not be written (503): Fastify's path answers.
      if (!spooled || !writeRedirect(res, waiting[i + 2] as string, waiting[i + 3] as number)) fastify(req, res);
    }
  };
  const waitFor = (spooled: Promise<void>, fastify: Handler) => {
    const waiting: unknown[] = [];
    spooled.then(
      () => answer(waiting, fastify, true),
      () => answer(waiting, fastify, false),
    );
    batch = waiting;
    batchFor = spooled;
    return waiting;
  };

  return (req: IncomingMessage, res: ServerResponse, fastify: Handler): void => {
    const { url, method } = req;
    if ((method !== "GET" && method !== "HEAD") || !url) return fastify(req, res);
    // Only "/<code>" with or without a query: further segments (path forwarding) go to Fastify.
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.indexOf("/", 1) !== -1) return fastify(req, res);
    const hit = redirects.redirectFromCache(visitFrom(req, path.slice(1), clientIp(req)));
    if (!hit) return fastify(req, res);
    // A HEAD (nothing to spool) between a turn's GETs starts a batch of its own: each waits for its own promise.
    const waiting = hit.spooled === batchFor ? batch! : waitFor(hit.spooled, fastify);
    waiting.push(req, res, hit.location, hit.status);
  };
}

export type FastRedirect = ReturnType<typeof createFastRedirect>;
