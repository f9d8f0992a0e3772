import type { Redis } from "ioredis";

/** Counts hits per key in fixed windows; shared through Redis when there is one. */
export interface WindowCounter {
  /** Adds one hit; returns the count in the current window and the ms until it resets. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Sets a key that expires by itself (e.g. a temporary block). */
  block(key: string, ms: number): Promise<void>;
  /** Remaining ms of a block, 0 when none. */
  blockedFor(key: string): Promise<number>;
  clear(...keys: string[]): Promise<void>;
}

export function createMemoryCounter(now: () => number = Date.now): WindowCounter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const blocks = new Map<string, number>();
  // Expired entries are dropped as the map is used, so it cannot grow without bound.
  const sweep = () => {
    const t = now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
    if (blocks.size > 10_000) for (const [k, until] of blocks) if (until <= t) blocks.delete(k);
  };
  return {
    async hit(key, windowMs) {
      sweep();
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowMs };
        windows.set(key, w);
      }
      w.count++;
      return { count: w.count, resetInMs: w.resetAt - t };
    },
    async block(key, ms) {
      blocks.set(key, now() + ms);
    },
    async blockedFor(key) {
      const until = blocks.get(key);
      return until ? Math.max(0, until - now()) : 0;
    },
    async clear(...keys) {
      for (const k of keys) {
        windows.delete(k);
        blocks.delete(k);
      }
    },
  };
}

export function createRedisCounter(redis: Redis, prefix = "shortly:"): WindowCounter {
  return {
    async hit(key, windowMs) {
      const k = prefix + key;
      const result = await redis.multi().incr(k).pexpire(k, windowMs, "NX").pttl(k).exec();
      const count = Number(result?.[0]?.[1] ?? 1);
      const ttl = Number(result?.[2]?.[1] ?? windowMs);
      return { count, resetInMs: ttl > 0 ? ttl : windowMs };
    },
    async block(key, ms) {
      await redis.set(prefix + key, "1", "PX", ms);
    },
    async blockedFor(key) {
      return Math.max(0, await redis.pttl(prefix + key));
    },
    async clear(...keys) {
      if (keys.length) await redis.del(...keys.map((k) => prefix + k));
    },
  };
}

/** After a command fails, this long on the instance's own counts before Redis is asked again. */
const LOCAL_AFTER_FAILURE_MS = 5_000;

/**
 * Redis while it answers, this instance's own counts while it does not: a
 * limit keeps holding per instance through a Redis outage instead of failing
 * every request it guards (or letting every request through). A Redis that
 * is connected but stalled fails a command only at its timeout, so after one
 * failure the next LOCAL_AFTER_FAILURE_MS go straight to the local counts
 * (blocks and clears too), and then one command at a time tries Redis again:
 * a request that passes several limits waits for one timeout, not one per limit.
 */
export function createSharedCounter(redis: Redis, onFallback: (error: unknown) => void, now: () => number = Date.now): WindowCounter {
  const shared = createRedisCounter(redis);
  const local = createMemoryCounter(now);
  /** Until when the local counts answer; 0 while Redis is trusted. */
  let localUntil = 0;
  let probing = false;
  const pick = <K extends keyof WindowCounter>(method: K) =>
    (async (...args: unknown[]) => {
      const call = (counter: WindowCounter) => (counter[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      if (redis.status !== "ready" || probing || now() < localUntil) return call(local);
      const probe = localUntil !== 0;
      probing = probe;
      try {
        const result = await call(shared);
        localUntil = 0;
        return result;
      } catch (error) {
        localUntil = now() + LOCAL_AFTER_FAILURE_MS;
        onFallback(error);
        return call(local);
      } finally {
        if (probe) probing = false;
      }
    }) as WindowCounter[K];
  return { hit: pick("hit"), block: pick("block"), blockedFor: pick("blockedFor"), clear: pick("clear") };
}
