import { RotationLostError, SessionExpiredError } from "./errors.js";
import type { SessionsRepository } from "./repository.js";
import type { IssuedRefreshToken, SessionsOptions } from "./service.js";
import { hashToken, successorDerivation } from "./token-material.js";

/**
 * How long a just-rotated token still yields its successor: two tabs (or a
 * retried request) refreshing with one cookie at once both get the same new
 * token instead of one of them looking like theft.
 */
export const ROTATION_GRACE_MS = 10_000;

/** Exchanges a live token for its successor in the same family. */
export function createTokenRotation(repo: SessionsRepository, { ttlDays, secret }: SessionsOptions, clock: () => Date) {
  const successorOf = successorDerivation(secret);

  return async function rotate(token: string | undefined): Promise<{ userId: number; next: IssuedRefreshToken }> {
    if (!token) throw new SessionExpiredError();
    const now = clock();
    const next = successorOf(token);
    const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
    const rotated = await repo.rotate(hashToken(token), { tokenHash: hashToken(next), expiresAt }, now);
    if (rotated) return { userId: rotated.userId, next: { token: next, expiresAt } };
    const known = await repo.findByHash(hashToken(token));
    if (!known?.rotatedAt || known.revokedAt) throw new SessionExpiredError();
    if (now.getTime() - known.rotatedAt.getTime() <= ROTATION_GRACE_MS) {
      const successor = await repo.findByHash(hashToken(next));
      if (successor && !successor.rotatedAt && !successor.revokedAt)
        return { userId: known.userId, next: { token: next, expiresAt: successor.expiresAt } };
      throw new RotationLostError(); // the successor moved on too: this request lost, but nothing was stolen
    }
    await repo.revokeFamily(known.familyId, now);
    throw new SessionExpiredError();
  };
}
