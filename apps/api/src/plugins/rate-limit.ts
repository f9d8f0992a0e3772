import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import fp from "fastify-plugin";
import { RateLimitedError } from "../lib/app-error.js";
import { createMemoryCounter, createSharedCounter, type WindowCounter } from "../lib/window-counter.js";
import { rateLimitStoreOver } from "./rate-limit-store.js";

export interface LimitOptions {
  /** Names the counter, so limits on different routes never share one. */
  name: string;
  max: number;
  windowMs: number;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Per-client-IP limit (@fastify/rate-limit): a preHandler, a no-op when limits are off. */
    limitPerIp(options: LimitOptions): preHandlerAsyncHookHandler;
    /** Per-account limit keyed by what the request names (email, user id); a preHandler. */
    limitPerAccount(options: LimitOptions & { key: (request: FastifyRequest) => string | null }): preHandlerAsyncHookHandler;
    /** The counters behind per-account limits and login slow-down (Redis when configured). */
    counters: WindowCounter;
  }
}

const noop: preHandlerAsyncHookHandler = async () => {};

/**
 * Abuse limits. Per-IP limits use @fastify/rate-limit (it runs one limit per
 * request, so per-account limits use the same kind of fixed-window counter
 * separately). Both share Redis between API instances when REDIS_URL is set.
 */
export default fp<{ enabled: boolean }>(
  async (app, { enabled }) => {
    const counters = app.redis
      ? createSharedCounter(app.redis, (err) => app.log.warn({ err }, "redis unavailable: limits counted by this instance"))
      : createMemoryCounter();
    app.decorate("counters", counters);
    // Per-IP windows live in the same counters, so they too survive a Redis outage.
    await app.register(fastifyRateLimit, {
      global: false,
      store: rateLimitStoreOver(counters),
      errorResponseBuilder: (_request, context) => new RateLimitedError(context.ttl / 1000),
    });

    app.decorate("limitPerIp", ({ name, max, windowMs }: LimitOptions) =>
      enabled ? app.rateLimit({ max, timeWindow: windowMs, keyGenerator: (request) => `${name}:${request.ip}` }) : noop,
    );

    app.decorate("limitPerAccount", ({ name, max, windowMs, key }: LimitOptions & { key: (request: FastifyRequest) => string | null }) => {
      if (!enabled) return noop;
      return async (request: FastifyRequest) => {
        const account = key(request);
        if (!account) return;
        const { count, resetInMs } = await counters.hit(`account:${name}:${account}`, windowMs);
        if (count > max) throw new RateLimitedError(resetInMs / 1000);
      };
    });
  },
  { name: "rate-limit", fastify: "5.x", dependencies: ["redis"] },
);
