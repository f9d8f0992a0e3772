import type { Db } from "../../db/prisma-client.js";

export interface RedirectTarget {
  id: number;
  userId: number;
  longUrl: string;
  isActive: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  clicksUsed: number;
}

export function createRedirectRepository(db: Db) {
  return {
    /** The one indexed lookup a visitor waits for (links_code_key). */
    findByCode(code: string): Promise<RedirectTarget | null> {
      return db.link.findUnique({
        where: { code },
        select: { id: true, userId: true, longUrl: true, isActive: true, expiresAt: true, maxClicks: true, clicksUsed: true },
      });
    },

    /** The links behind many codes in one query (the cache's background refresh). */
    findByCodes(codes: string[]): Promise<Array<RedirectTarget & { code: string }>> {
      return db.link.findMany({
        where: { code: { in: codes } },
        select: { code: true, id: true, userId: true, longUrl: true, isActive: true, expiresAt: true, maxClicks: true, clicksUsed: true },
      });
    },

    /** For HEAD: would a visit be let through now? (Takes nothing.) */
    async hasClicksLeft(linkId: number): Promise<boolean> {
      const link = await db.link.findUnique({ where: { id: linkId }, select: { maxClicks: true, clicksUsed: true } });
      return link !== null && (link.maxClicks === null || link.clicksUsed < link.maxClicks);
    },

    /**
     * Atomically takes one of a limited link's clicks: the row lock makes
     * concurrent visits queue, and the condition admits exactly max_clicks.
     */
    async claimClick(linkId: number): Promise<boolean> {
      const updated = await db.$executeRaw`
        UPDATE links SET clicks_used = clicks_used + 1
        WHERE id = ${linkId} AND max_clicks IS NOT NULL AND clicks_used < max_clicks`;
      return updated === 1;
    },
  };
}

export type RedirectRepository = ReturnType<typeof createRedirectRepository>;
