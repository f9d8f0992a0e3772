import type { Db } from "../../db/prisma-client.js";

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
     * transaction: of two concurrent refreshes with one token only one gets a
     * row back, and the other, waiting on the row lock, finds the successor
     * already committed.
     */
    rotate(tokenHash: string, successor: { tokenHash: string; expiresAt: Date }, now: Date): Promise<RotatedToken | null> {
      return db.$transaction(async (tx) => {
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

    async revokeFamily(familyId: string, now: Date): Promise<void> {
      await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
    },

    async revokeAllForUser(userId: number, now: Date): Promise<void> {
      await db.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
