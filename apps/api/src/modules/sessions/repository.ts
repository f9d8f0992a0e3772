import type { Db } from "../../db/prisma-client.js";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Serialises an account's rotations against revoking its sessions. Without
 * it a logout racing a refresh revokes the old token but misses the
 * successor the refresh is about to commit (an UPDATE sees only rows
 * committed before it started), and that successor lives on.
 */
async function lockAccountSessions(tx: Tx, userId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('shortly.sessions:' || ${userId}::int, 0))`;
}

export interface NewRefreshToken {
  tokenHash: string;
  familyId: string;
  userId: number;
  expiresAt: Date;
}

export interface RotatedToken {
  userId: number;
  familyId: string;
}

export function createSessionsRepository(db: Db) {
  return {
    async insert(token: NewRefreshToken): Promise<void> {
      await db.refreshToken.create({ data: token });
    },

    /**
     * Marks a live token as used and stores its successor, in one
     * transaction under the account's session lock: of two concurrent
     * refreshes with one token only one gets a row back, and the other,
     * waiting on the lock, finds the successor already committed.
     */
    rotate(tokenHash: string, successor: { tokenHash: string; expiresAt: Date }, now: Date): Promise<RotatedToken | null> {
      return db.$transaction(async (tx) => {
        const owner = await tx.refreshToken.findUnique({ where: { tokenHash }, select: { userId: true } });
        if (!owner) return null;
        await lockAccountSessions(tx, owner.userId);
        const rows = await tx.$queryRaw<Array<{ user_id: number; family_id: string }>>`
          UPDATE refresh_tokens SET rotated_at = ${now}
          WHERE token_hash = ${tokenHash} AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
          RETURNING user_id, family_id::text`;
        const row = rows[0];
        if (!row) return null;
        await tx.refreshToken.create({ data: { ...successor, familyId: row.family_id, userId: row.user_id } });
        return { userId: row.user_id, familyId: row.family_id };
      });
    },

    findByHash(tokenHash: string) {
      return db.refreshToken.findUnique({
        where: { tokenHash },
        select: { familyId: true, userId: true, expiresAt: true, rotatedAt: true, revokedAt: true },
      });
    },

    /** Revokes a session, successors committed by a racing refresh included. */
    async revokeFamily(familyId: string, now: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        const member = await tx.refreshToken.findFirst({ where: { familyId }, select: { userId: true } });
        if (!member) return;
        await lockAccountSessions(tx, member.userId);
        await tx.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
      });
    },

    /** Revokes every session of the account, successors committed by a racing refresh included. */
    async revokeAllForUser(userId: number, now: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        await lockAccountSessions(tx, userId);
        await tx.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
      });
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
