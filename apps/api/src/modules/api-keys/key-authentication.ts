import { RateLimitedError } from "../../lib/app-error.js";
import type { WindowCounter } from "../../lib/window-counter.js";
import { hashApiKey, looksLikeApiKey } from "./key-material.js";
import type { ApiKeysRepository } from "./repository.js";

export interface KeyAuthenticationDeps {
  repo: Pick<ApiKeysRepository, "findByHash" | "touch">;
  /** Per-key request counts, shared between instances through Redis when there is one. */
  counters: WindowCounter;
  requestsPerMinute: number;
  rateLimitsEnabled: boolean;
  clock: () => Date;
}

/** Requests made with an API key: the account each acts for, each key rate-limited, its last use recorded. */
export function createKeyAuthentication({ repo, counters, requestsPerMinute, rateLimitsEnabled, clock }: KeyAuthenticationDeps) {
  /** When this instance last recorded each key's use (by hash): last_used_at is kept to the minute, not per request. */
  const touchedAt = new Map<string, number>();

  /**
   * The account a key acts for; null for an unknown, revoked or expired key,
   * or one whose account is disabled. Read from the database on every
   * request, so a revocation holds at once on every instance.
   */
  return async function authenticate(key: string): Promise<{ userId: number; keyId: number } | null> {
    if (!looksLikeApiKey(key)) return null;
    const keyHash = hashApiKey(key);
    const found = await repo.findByHash(keyHash);
    const now = clock();
    if (!found || !found.user.isActive || (found.expiresAt && found.expiresAt.getTime() <= now.getTime())) return null;
    if (rateLimitsEnabled) {
      const { count, resetInMs } = await counters.hit(`api-key:${found.id}`, 60_000);
      if (count > requestsPerMinute) throw new RateLimitedError(resetInMs / 1000);
    }
    const last = touchedAt.get(keyHash) ?? 0;
    if (now.getTime() - last >= 60_000) {
      touchedAt.set(keyHash, now.getTime());
      await repo.touch(found.id, now);
    }
    return { userId: found.userId, keyId: found.id };
  };
}
