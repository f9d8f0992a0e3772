import type { Db } from "../../db/prisma-client.js";

export interface ApiKeyRecord {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

const fields = { id: true, userId: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true } as const;

export class ApiKeyLimitExceededError extends Error {}

export function createApiKeysRepository(db: Db) {
  return {
    /**
     * Stores a key unless the owner already has `limit` live ones. The owner's
     * row is locked first, so concurrent creates by one user are serialised.
     */
    createWithinLimit(
      key: { userId: number; name: string; prefix: string; keyHash: string; expiresAt: Date | null },
      limit: number,
      now: Date,
    ) {
      return db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM users WHERE id = ${key.userId} FOR UPDATE`;
        const live = await tx.apiKey.count({ where: { userId: key.userId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } });
        if (live >= limit) throw new ApiKeyLimitExceededError();
        return tx.apiKey.create({ data: key, select: fields });
      });
    },

    /** Newest first; served by api_keys_user_id_created_at_idx. */
    listByOwner(userId: number): Promise<ApiKeyRecord[]> {
      return db.apiKey.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: fields });
    },

    /** Deletes the owner's key; false when there is none with that id for that owner. */
    async deleteOwned(userId: number, id: number): Promise<boolean> {
      const { count } = await db.apiKey.deleteMany({ where: { id, userId } });
      return count === 1;
    },

    async deleteAllOwned(userId: number): Promise<number> {
      return (await db.apiKey.deleteMany({ where: { userId } })).count;
    },

    /** The key with this hash, with whether its account may still sign in. */
    findByHash(keyHash: string) {
      return db.apiKey.findUnique({ where: { keyHash }, select: { ...fields, user: { select: { isActive: true } } } });
    },

    /** Marks a key used; skipped when another instance marked it within the minute. */
    async touch(id: number, now: Date): Promise<void> {
      const minuteAgo = new Date(now.getTime() - 60_000);
      await db.apiKey.updateMany({
        where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: minuteAgo } }] },
        data: { lastUsedAt: now },
      });
    },
  };
}

export type ApiKeysRepository = ReturnType<typeof createApiKeysRepository>;
