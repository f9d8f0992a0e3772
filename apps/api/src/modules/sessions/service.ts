import { createHash, randomBytes, randomUUID } from "node:crypto";
import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";
import type { SessionsRepository } from "./repository.js";

export class SessionExpiredError extends AppError {
  constructor() {
    super("SESSION_EXPIRED", ERROR_MESSAGES.SESSION_EXPIRED);
  }
}

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Refresh tokens: opaque, stored hashed, rotated on every use, grouped in
 * families (one per login). Presenting a token that was already rotated is
 * treated as theft: the whole family is revoked.
 */
export function createSessionsService(repo: SessionsRepository, ttlDays: number, clock: () => Date = () => new Date()) {
  async function issue(userId: number, familyId: string): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(clock().getTime() + ttlDays * 86_400_000);
    await repo.insert({ tokenHash: hash(token), familyId, userId, expiresAt });
    return { token, expiresAt };
  }

  return {
    ttlSeconds: ttlDays * 86_400,

    /** A new session (family) for a fresh login. */
    start: (userId: number) => issue(userId, randomUUID()),

    /** Exchanges a live token for a new one in the same family. */
    async rotate(token: string | undefined): Promise<{ userId: number; next: IssuedRefreshToken }> {
      if (!token) throw new SessionExpiredError();
      const now = clock();
      const rotated = await repo.markRotated(hash(token), now);
      if (rotated) return { userId: rotated.userId, next: await issue(rotated.userId, rotated.familyId) };
      const known = await repo.findByHash(hash(token));
      if (known?.rotatedAt && !known.revokedAt) await repo.revokeFamily(known.familyId, now);
      throw new SessionExpiredError();
    },

    /** Ends the session the token belongs to; unknown tokens are ignored. */
    async end(token: string | undefined): Promise<void> {
      if (!token) return;
      const known = await repo.findByHash(hash(token));
      if (known) await repo.revokeFamily(known.familyId, clock());
    },

    endAll: (userId: number) => repo.revokeAllForUser(userId, clock()),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
