import { ERROR_MESSAGES } from "@shortly/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import FindMyWay, { type HTTPMethod } from "find-my-way";

declare module "fastify" {
  interface FastifyInstance {
    /** Set by the SPA plugin: answers unknown browser paths with the app shell. */
    spaFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
  }
  interface FastifyContextConfig {
    /** A catch-all route (the redirect's forwarded paths): left out of the 404-or-405 decision. */
    catchAll?: boolean;
  }
}

// HEAD follows GET and OPTIONS belongs to CORS preflight, so neither decides a 405.
const METHODS: HTTPMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
/** The router's maxParamLength (fastify-instance.ts): no route takes a longer path segment. */
export const MAX_PARAM_LENGTH = 2048;

/** Answers a request no route matched: 414, 405 with the methods the path has, the SPA's shell, or 404. */
export function answerUnmatched(app: FastifyInstance): void {
  // A shadow router of every route, to tell "wrong method" (405) from "no such path" (404).
  const routes = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook("onRoute", (route) => {
    // A catch-all (the redirect's forwarded paths) would make every unknown path "wrong method".
    if (route.config?.catchAll) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (METHODS.includes(method as HTTPMethod) && !routes.hasRoute(method as HTTPMethod, route.url)) {
        routes.on(method as HTTPMethod, route.url, () => {});
      }
    }
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?", 1)[0] ?? "/";
    // The router gives up on a parameter over its limit when another route (a catch-all) could have matched.
    if (path.split("/").some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      return reply.code(414).send({ detail: ERROR_MESSAGES.URI_TOO_LONG });
    }
    // A route of the request's own method matching the path (a handler passed it on, as the redirect does
    // for a name that cannot be a code) makes it "no such thing", not "wrong method".
    const own = (request.method === "HEAD" ? "GET" : request.method) as HTTPMethod;
    const ownMatches = METHODS.includes(own) && routes.find(own, path) !== null;
    const allowed = ownMatches ? [] : METHODS.filter((m) => m !== request.method && routes.find(m, path) !== null);
    if (allowed.length > 0) {
      return reply.code(405).header("allow", allowed.join(", ")).send({ detail: ERROR_MESSAGES.METHOD_NOT_ALLOWED });
    }
    const isApi = path === "/api" || path.startsWith("/api/");
    // A missing built file (an asset of an older deploy) is not a page: the shell would be parsed as a script.
    const isAsset = path.startsWith("/assets/");
    if (!isApi && !isAsset && app.spaFallback && (request.method === "GET" || request.method === "HEAD")) {
      return app.spaFallback(request, reply);
    }
    return reply.code(404).send({ detail: ERROR_MESSAGES.NOT_FOUND });
  });
}
