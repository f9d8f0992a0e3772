import { randomInt } from "node:crypto";
import { BASE62_ALPHABET, GENERATED_CODE_LENGTH } from "@shortly/contract";

/** A random base62 code from the CSPRNG (randomInt is unbiased). */
export function generateShortCode(length = GENERATED_CODE_LENGTH): string {
  let code = "";
  for (let i = 0; i < length; i++) code += BASE62_ALPHABET[randomInt(BASE62_ALPHABET.length)];
  return code;
}
