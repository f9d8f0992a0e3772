import { createHash, createHmac, randomBytes } from "node:crypto";

/** What is stored and looked up: the token itself never is. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const newToken = () => randomBytes(32).toString("base64url");

/** Each token's successor, derived from it with a key from the server secret: one token always yields the same successor. */
export function successorDerivation(secret: string): (token: string) => string {
  const successorKey = createHmac("sha256", secret).update("refresh-token-successor").digest();
  return (token) => createHmac("sha256", successorKey).update(token).digest("base64url");
}
