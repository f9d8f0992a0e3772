import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
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
 * How long a just-rotated token still yields its successor: two tabs (or a
 * retried request) refreshing with one cookie at once both get the same new
 * token instead of one of them looking like theft.
 */
export const ROTATION_GRACE_MS = 10_000;

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
export function createSessionsService(
  repo: SessionsRepository,
  { ttlDays, secret }: SessionsOptions,
  clock: () => Date = () => new Date(),
) {
  const successorKey = createHmac("sha256", secret).update("refresh-token-successor").digest();
  const successorOf = (token: string) => createHmac("sha256", successorKey).update(token).digest("base64url");

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

    /** Exchanges a live token for its successor in the same family. */
    async rotate(token: string | undefined): Promise<{ userId: number; next: IssuedRefreshToken }> {
      if (!token) throw new SessionExpiredError();
      const now = clock();
      const next = successorOf(token);
      const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
      const rotated = await repo.rotate(hash(token), { tokenHash: hash(next), expiresAt }, now);
      if (rotated) return { userId: rotated.userId, next: { token: next, expiresAt } };
      const known = await repo.findByHash(hash(token));
      if (!known?.rotatedAt || known.revokedAt) throw new SessionExpiredError();
      if (now.getTime() - known.rotatedAt.getTime() <= ROTATION_GRACE_MS) {
        const successor = await repo.findByHash(hash(next));
        if (successor && !successor.rotatedAt && !successor.revokedAt)
          return { userId: known.userId, next: { token: next, expiresAt: successor.expiresAt } };
        throw new SessionExpiredError(); // the successor moved on too: this request lost, but nothing was stolen
      }
      await repo.revokeFamily(known.familyId, now);
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
