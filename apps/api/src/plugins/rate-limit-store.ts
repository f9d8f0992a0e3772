import type { WindowCounter } from "../lib/window-counter.js";

/** @fastify/rate-limit's store interface over our counters. */
export function rateLimitStoreOver(counters: WindowCounter) {
  return class CounterStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      counters.hit(`ip:${key}`, timeWindow).then(
        ({ count, resetInMs }) => callback(null, { current: count, ttl: resetInMs }),
        (error: Error) => callback(error),
      );
    }
    child() {
      return this;
    }
  };
}
