import { createHmac } from "node:crypto";

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A JWT signed with HS256 and `secret`, or unsigned with `alg: none`: for tokens the API must refuse. */
export function forgeJwt(payload: Record<string, unknown>, signing: { secret: string } | { alg: "none" }): string {
  if ("alg" in signing) return `${part({ alg: "none", typ: "JWT" })}.${part(payload)}.`;
  const unsigned = `${part({ alg: "HS256", typ: "JWT" })}.${part(payload)}`;
  return `${unsigned}.${createHmac("sha256", signing.secret).update(unsigned).digest("base64url")}`;
}
