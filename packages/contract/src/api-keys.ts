import { z } from "zod";
import { requestDateTime } from "./date-time.js";
import { wholeNumberParam } from "./whole-number.js";

/** Every key starts so: secret scanners can recognise a leaked one. */
export const API_KEY_PREFIX = "shortly_";
/** Characters of a key shown in lists: the prefix and the first few random ones. */
export const API_KEY_SHOWN_LENGTH = 12;
/** Live (unexpired) keys an account may hold at once. */
export const MAX_API_KEYS = 20;

export const createApiKeyRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    /** Optional (null or absent: never); must lie in the future. */
    expires_at: requestDateTime.nullish(),
  })
  .strict();
export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;

export const apiKeySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The one answer that carries the key itself: it is never shown again. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

export const apiKeyParamsSchema = z.object({ id: wholeNumberParam(1, 2_147_483_647) });
