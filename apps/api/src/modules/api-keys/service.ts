import { MAX_API_KEYS, type ApiKey, type CreateApiKeyRequest, type CreatedApiKey } from "@shortly/contract";
import { ValidationFailedError } from "../../lib/app-error.js";
import { ApiKeyLimitReachedError, ApiKeyNotFoundError } from "./errors.js";
import { createKeyAuthentication, type KeyAuthenticationDeps } from "./key-authentication.js";
import { generateApiKey, hashApiKey, shownPrefix } from "./key-material.js";
import { toApiKey } from "./key-responses.js";
import { ApiKeyLimitExceededError, type ApiKeysRepository } from "./repository.js";

export { looksLikeApiKey } from "./key-material.js";

export interface ApiKeysServiceDeps extends Omit<KeyAuthenticationDeps, "repo" | "clock"> {
  repo: ApiKeysRepository;
  clock?: () => Date;
}

/** Long-lived keys for scripts and integrations: shown once, stored hashed, revoked at once everywhere. */
export function createApiKeysService(deps: ApiKeysServiceDeps) {
  const { repo, clock = () => new Date() } = deps;

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

    authenticate: createKeyAuthentication({ ...deps, clock }),
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
