import { MAX_API_KEYS, type ApiKey, type CreateApiKeyRequest, type CreatedApiKey } from "@shortly/contract";
import { RateLimitedError, ValidationFailedError } from "../../lib/app-error.js";
import type { WindowCounter } from "../../lib/window-counter.js";
import { ApiKeyLimitReachedError, ApiKeyNotFoundError } from "./errors.js";
import { generateApiKey, hashApiKey, looksLikeApiKey, shownPrefix } from "./key-material.js";
import { ApiKeyLimitExceededError, type ApiKeyRecord, type ApiKeysRepository } from "./repository.js";

export { looksLikeApiKey } from "./key-material.js";

export interface ApiKeysServiceDeps {
  repo: ApiKeysRepository;
  /** Per-key request counts, shared between instances through Redis when there is one. */
  counters: WindowCounter;
  requestsPerMinute: number;
  rateLimitsEnabled: boolean;
  clock?: () => Date;
}

const toApiKey = (key: ApiKeyRecord): ApiKey => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  created_at: key.createdAt.toISOString(),
  expires_at: key.expiresAt?.toISOString() ?? null,
  last_used_at: key.lastUsedAt?.toISOString() ?? null,
});

/** Long-lived keys for scripts and integrations: shown once, stored hashed, revoked at once everywhere. */
export function createApiKeysService({
  repo,
  counters,
  requestsPerMinute,
  rateLimitsEnabled,
  clock = () => new Date(),
}: ApiKeysServiceDeps) {
  /** When this instance last recorded each key's use (by hash): last_used_at is kept to the minute, not per request. */
  const touchedAt = new Map<string, number>();

  return {
    async create(userId: number, input: CreateApiKeyRequest): Promise<CreatedApiKey> {
      const now = clock();
      const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
      if (expiresAt && expiresAt.getTime() <= now.getTime()) {
        throw ValidationFailedError.at(["body", "expires_at"], "expires_at must be in the future", "value_error.datetime.past");
      }
      const key = generateApiKey();
      try {
        const stored = await repo.createWithinLimit(
          { userId, name: input.name, prefix: shownPrefix(key), keyHash: hashApiKey(key), expiresAt },
          MAX_API_KEYS,
          now,
        );
        return { ...toApiKey(stored), key };
      } catch (error) {
        if (error instanceof ApiKeyLimitExceededError) throw new ApiKeyLimitReachedError();
        throw error;
      }
    },

    async list(userId: number): Promise<ApiKey[]> {
      return (await repo.listByOwner(userId)).map(toApiKey);
    },

    async revoke(userId: number, id: number): Promise<void> {
      if (!(await repo.deleteOwned(userId, id))) throw new ApiKeyNotFoundError();
    },

    /** Every key of the account (it was disabled): they stop working at once, and are not restored. */
    revokeAll: (userId: number) => repo.deleteAllOwned(userId),

    /**
     * The account a key acts for; null for an unknown, revoked or expired key,
     * or one whose account is disabled. Read from the database on every
     * request, so a revocation holds at once on every instance.
     */
    async authenticate(key: string): Promise<{ userId: number; keyId: number } | null> {
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
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
