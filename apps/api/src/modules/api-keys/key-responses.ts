import type { ApiKey } from "@shortly/contract";
import type { ApiKeyRecord } from "./repository.js";

/** A key as the API shows it: never the key itself, only its prefix. */
export const toApiKey = (key: ApiKeyRecord): ApiKey => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  created_at: key.createdAt.toISOString(),
  expires_at: key.expiresAt?.toISOString() ?? null,
  last_used_at: key.lastUsedAt?.toISOString() ?? null,
});
