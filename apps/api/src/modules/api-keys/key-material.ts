import { createHash, randomBytes } from "node:crypto";
import { API_KEY_PREFIX, API_KEY_SHOWN_LENGTH } from "@shortly/contract";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 40 base62 characters: about 238 bits from the CSPRNG. */
const RANDOM_LENGTH = 40;

/** A new key: the fixed prefix, then base62 drawn without modulo bias (bytes of 248 and up are skipped). */
export function generateApiKey(): string {
  let random = "";
  while (random.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && random.length < RANDOM_LENGTH) random += BASE62[byte % 62];
    }
  }
  return API_KEY_PREFIX + random;
}

/** What is stored and looked up: the key itself never is. */
export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export const shownPrefix = (key: string) => key.slice(0, API_KEY_SHOWN_LENGTH);

export const looksLikeApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);
