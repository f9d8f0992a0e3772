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
     * Marks a live token as used, atomically: of two concurrent refreshes
     * with one token only one gets a row back.
     */
    async markRotated(tokenHash: string, now: Date): Promise<RotatedToken | null> {
      const rows = await db.$queryRaw<Array<{ user_id: number; family_id: string }>>`
        UPDATE refresh_tokens SET rotated_at = ${now}
        WHERE token_hash = ${tokenHash} AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
        RETURNING user_id, family_id::text`;
      const row = rows[0];
      return row ? { userId: row.user_id, familyId: row.family_id } : null;
    },

    findByHash(tokenHash: string) {
      return db.refreshToken.findUnique({
        where: { tokenHash },
        select: { familyId: true, userId: true, rotatedAt: true, revokedAt: true },
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
