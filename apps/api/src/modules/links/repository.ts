import type { Db } from "../../db/prisma-client.js";
import { Prisma } from "../../generated/prisma/client.js";

export interface LinkRecord {
  id: number;
  code: string;
  longUrl: string;
  userId: number;
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  clicksUsed: number;
  createdAt: Date;
}

export interface NewLink {
  userId: number;
  code: string;
  longUrl: string;
  expiresAt: Date | null;
  maxClicks: number | null;
}

export interface LinkChanges {
  longUrl?: string;
  isActive?: boolean;
  expiresAt?: Date | null;
  maxClicks?: number | null;
}

const fields = {
  id: true,
  code: true,
  longUrl: true,
  userId: true,
  isActive: true,
  expiresAt: true,
  maxClicks: true,
  clicksUsed: true,
  createdAt: true,
} as const;

export class DuplicateCodeError extends Error {}
export class LinkLimitExceededError extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function createLinksRepository(db: Db) {
  return {
    /**
     * Inserts a link unless the owner already has `limit` links. The owner's
     * row is locked first, so concurrent creates by one user are serialised
     * and the count cannot be overtaken.
     */
    async createWithinLimit(link: NewLink, limit: number | null): Promise<LinkRecord> {
      try {
        return await db.$transaction(async (tx) => {
          if (limit !== null) {
            await tx.$queryRaw`SELECT id FROM users WHERE id = ${link.userId} FOR UPDATE`;
            const owned = await tx.link.count({ where: { userId: link.userId } });
            if (owned >= limit) throw new LinkLimitExceededError();
          }
          return tx.link.create({ data: link, select: fields });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateCodeError(link.code);
        throw error;
      }
    },

    findByCode(code: string): Promise<LinkRecord | null> {
      return db.link.findUnique({ where: { code }, select: fields });
    },

    /** Newest first; served by links_user_id_created_at_idx. */
    async listByOwner(userId: number, limit: number, offset: number): Promise<{ items: LinkRecord[]; total: number }> {
      const [items, total] = await Promise.all([
        db.link.findMany({
          where: { userId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: limit,
          skip: offset,
          select: fields,
        }),
        db.link.count({ where: { userId } }),
      ]);
      return { items, total };
    },

    update(id: number, changes: LinkChanges): Promise<LinkRecord> {
      return db.link.update({ where: { id }, data: changes, select: fields });
    },

    async delete(id: number): Promise<void> {
      await db.link.deleteMany({ where: { id } });
    },
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
