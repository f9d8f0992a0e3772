import type { FastifyRequest } from "fastify";
import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError, NotAuthenticatedError } from "../lib/app-error.js";

/** Bearer values that are API keys, and the account each acts for (null: refused). */
export interface ApiKeyCheck {
  matches(token: string): boolean;
  authenticate(key: string): Promise<{ userId: number } | null>;
}

/** The account an access token names: its `sub` as we write it (decimal digits), or null. */
export function accessTokenUserId(payload: { sub?: unknown } | null): number | null {
  const sub = payload?.sub;
  if (typeof sub !== "string" || !/^[1-9]\d{0,9}$/.test(sub)) return null;
  const userId = Number(sub);
  return userId <= 2_147_483_647 ? userId : null;
}

/** The token of an `Authorization: Bearer …` header; the scheme is case-insensitive (RFC 9110 §11.1), as @fastify/jwt reads it. */
const bearerOf = (header: string | undefined) => (header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : null);

/** `authenticate`: lets a request in on an API key or a valid access token of an active account. */
export function createAuthenticate(apiKeys: ApiKeyCheck, isActiveUser: (userId: number) => Promise<boolean>) {
  return async (request: FastifyRequest) => {
    const bearer = bearerOf(request.headers.authorization);
    if (bearer !== null && apiKeys.matches(bearer)) {
      const owner = await apiKeys.authenticate(bearer);
      if (!owner) throw new NotAuthenticatedError();
      request.userId = owner.userId;
      request.credential = "api_key";
      return;
    }
    // Missing, malformed, expired and tampered tokens all get the same answer.
    const payload = await request.jwtVerify<{ sub: string }>().catch(() => null);
    const userId = accessTokenUserId(payload);
    if (userId === null) throw new NotAuthenticatedError();
    if (!(await isActiveUser(userId))) throw new NotAuthenticatedError();
    request.userId = userId;
    request.credential = "access_token";
  };
}

/** `denyApiKeys`: refuses requests made with an API key, whether or not `authenticate` ran. */
export function createDenyApiKeys(apiKeys: ApiKeyCheck) {
  return async (request: FastifyRequest) => {
    const bearer = bearerOf(request.headers.authorization);
    const usesKey = request.credential === "api_key" || (bearer !== null && apiKeys.matches(bearer));
    if (usesKey) throw new AppError("API_KEYS_NOT_ALLOWED", ERROR_MESSAGES.API_KEYS_NOT_ALLOWED);
  };
}
