import { ERROR_MESSAGES, toValidationIssues, type ErrorBody } from "@shortly/contract";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import FindMyWay, { type HTTPMethod } from "find-my-way";
import { AppError } from "../lib/app-error.js";
import { isDatabaseUnavailable } from "../lib/database-unavailable.js";
import { RequestValidationError } from "./validation.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Set by the SPA plugin: answers unknown browser paths with the app shell. */
    spaFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
  }
}

// HEAD follows GET and OPTIONS belongs to CORS preflight, so neither decides a 405.
const METHODS: HTTPMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
/** The router's maxParamLength (app.ts): no route takes a longer path segment. */
export const MAX_PARAM_LENGTH = 2048;

/** Fastify's own client errors that the contract gives a fixed answer. */
function fromFrameworkError(error: FastifyError): { status: number; body: ErrorBody } | null {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 422, body: { detail: [{ loc: ["body"], msg: "JSON decode error", type: "value_error.jsondecode" }] } };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, body: { detail: ERROR_MESSAGES.PAYLOAD_TOO_LARGE } };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, body: { detail: ERROR_MESSAGES.UNSUPPORTED_MEDIA_TYPE } };
    default:
      return null;
  }
}

/** Past this much of a refused body the client is cut off, answered or not. */
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/**
 * Fastify closes the connection on a body it refuses (too large, bad JSON,
 * unsupported type) while the client may still be sending it; the unread bytes
 * then turn the close into a TCP reset, and the client never reads the answer.
 * Reading the rest and discarding it, up to a bound, keeps the answer readable.
 */
function keepReadingRefusedBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete || raw.destroyed) return;
  reply.removeHeader("connection");
  let discarded = 0;
  raw.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) raw.socket.destroy();
  });
  raw.resume();
}

/**
 * Every error leaves as the contract's `{"detail": ...}` JSON: domain errors
 * with their status, validation as FastAPI's 422 list, framework client
 * errors by their status, an unreachable database as a retryable 503, and
 * anything else as a logged, generic 500.
 */
declare module "fastify" {
  interface FastifyContextConfig {
    /** A catch-all route (the redirect's forwarded paths): left out of the 404-or-405 decision. */
    catchAll?: boolean;
  }
}

export default fp(
  async (app) => {
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

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        return reply.code(error.statusCode).headers(error.headers).send({ detail: error.detail });
      }
      if (error instanceof RequestValidationError) {
        return reply.code(422).send({ detail: toValidationIssues(error.issues, error.location) });
      }
      const known = fromFrameworkError(error);
      if (known) {
        keepReadingRefusedBody(request, reply);
        return reply.code(known.status).send(known.body);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return reply.code(status).send({ detail: error.message });
      }
      if (isDatabaseUnavailable(error)) {
        // Transient: clients retry a 503 with backoff; a 500 would read as a bug.
        request.log.warn({ err: error, method: request.method, url: request.url }, "database unavailable");
        return reply.code(503).header("retry-after", "5").send({ detail: ERROR_MESSAGES.SERVICE_UNAVAILABLE });
      }
      request.log.error({ err: error, method: request.method, url: request.url }, "unhandled error");
      return reply.code(500).send({ detail: ERROR_MESSAGES.INTERNAL });
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split("?", 1)[0] ?? "/";
      // The router gives up on a parameter over its limit when another route (a catch-all) could have matched.
      if (path.split("/").some((segment) => segment.length > MAX_PARAM_LENGTH)) {
        return reply.code(414).send({ detail: ERROR_MESSAGES.URI_TOO_LONG });
      }
      const allowed = METHODS.filter((m) => m !== request.method && routes.find(m, path) !== null);
      if (allowed.length > 0) {
        return reply.code(405).header("allow", allowed.join(", ")).send({ detail: ERROR_MESSAGES.METHOD_NOT_ALLOWED });
      }
      const isApi = path === "/api" || path.startsWith("/api/");
      if (!isApi && app.spaFallback && (request.method === "GET" || request.method === "HEAD")) {
        return app.spaFallback(request, reply);
      }
      return reply.code(404).send({ detail: ERROR_MESSAGES.NOT_FOUND });
    });
  },
  { name: "error-handler", fastify: "5.x" },
);
