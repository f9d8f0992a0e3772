import { randomUUID } from "node:crypto";
import type { SessionsRepository } from "./repository.js";
import { hashToken, newToken } from "./token-material.js";
import { createTokenRotation } from "./token-rotation.js";

export { RotationLostError, SessionExpiredError } from "./errors.js";
export { ROTATION_GRACE_MS } from "./token-rotation.js";

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export interface SessionsOptions {
  ttlDays: number;
  /** Server secret from which each token's successor is derived. */
  secret: string;
}

/**
 * Refresh tokens: opaque, stored hashed, rotated on every use, grouped in
 * families (one per login). A token's successor is derived from it with a
 * server key, so a refresh racing the one that rotated it (within
 * ROTATION_GRACE_MS) gets the same successor. Presenting a rotated token
 * later is treated as theft: the whole family is revoked.
 */
export function createSessionsService(repo: SessionsRepository, options: SessionsOptions, clock: () => Date = () => new Date()) {
  const { ttlDays } = options;

  async function issue(userId: number, familyId: string): Promise<IssuedRefreshToken> {
    const token = newToken();
    const expiresAt = new Date(clock().getTime() + ttlDays * 86_400_000);
    await repo.insert({ tokenHash: hashToken(token), familyId, userId, expiresAt });
    return { token, expiresAt };
  }

  return {
    ttlSeconds: ttlDays * 86_400,

    /** A new session (family) for a fresh login. */
    start: (userId: number) => issue(userId, randomUUID()),

    rotate: createTokenRotation(repo, options, clock),

    /** Ends the session the token belongs to; unknown tokens are ignored. */
    async end(token: string | undefined): Promise<void> {
      if (!token) return;
      const known = await repo.findByHash(hashToken(token));
      if (known) await repo.revokeFamily(known.familyId, clock());
    },

    endAll: (userId: number) => repo.revokeAllForUser(userId, clock()),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
