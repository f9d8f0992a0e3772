import type { WindowCounter } from "../../lib/window-counter.js";

export interface LoginThrottleOptions {
  counters: WindowCounter;
  enabled: boolean;
  failuresBeforeDelay: number;
  maxDelaySeconds: number;
}

const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Slows down repeated failed logins. After `failuresBeforeDelay` failures
 * for one account from one address, each further failure blocks that pair
 * for 1, 2, 4… seconds, capped at `maxDelaySeconds`. Keyed by account and
 * address, so an attacker elsewhere cannot lock the real user out; the
 * per-account rate limit caps distributed guessing.
 */
export function createLoginThrottle({ counters, enabled, failuresBeforeDelay, maxDelaySeconds }: LoginThrottleOptions) {
  const keys = (email: string, ip: string) => ({ failures: `login-fail:${email}:${ip}`, block: `login-block:${email}:${ip}` });
  return {
    /** Seconds to wait before this pair may try again; 0 when it may. */
    async waitSeconds(email: string, ip: string): Promise<number> {
      if (!enabled) return 0;
      return Math.ceil((await counters.blockedFor(keys(email, ip).block)) / 1000);
    },
    async failed(email: string, ip: string): Promise<void> {
      if (!enabled) return;
      const k = keys(email, ip);
      const { count } = await counters.hit(k.failures, FAILURE_WINDOW_MS);
      const over = count - failuresBeforeDelay;
      if (over >= 0) await counters.block(k.block, Math.min(2 ** over, maxDelaySeconds) * 1000);
    },
    async succeeded(email: string, ip: string): Promise<void> {
      if (!enabled) return;
      const k = keys(email, ip);
      await counters.clear(k.failures, k.block);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
