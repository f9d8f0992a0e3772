import { tagKey } from "@shortly/contract";
import { destinationBlocked } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import { isUniqueViolation } from "../../db/prisma-errors.js";
import { linkFields, type LinkRecord } from "./link-record.js";
import { DestinationBlockedError, DuplicateCodeError, LinkLimitExceededError } from "./repository-errors.js";

export interface NewLink {
  userId: number;
  code: string;
  longUrl: string;
  expiresAt: Date | null;
  maxClicks: number | null;
  tags: string[];
  passwordHash: string | null;
  host: string;
  forwardQuery: boolean;
  forwardPath: boolean;
  redirectType: number;
}

export function createLinkCreationRepository(db: Db) {
  return {
    /**
     * Inserts a link unless the owner already has `limit` links. The owner's
     * row is locked first, so concurrent creates by one user are serialised
     * and the count cannot be overtaken.
     */
    /** `blockable`: the destination's host and its parents, refused (DestinationBlockedError) when any is blocked. */
    async createWithinLimit(link: NewLink, limit: number | null, blockable: string[] = []): Promise<LinkRecord> {
      try {
        return await db.$transaction(async (tx) => {
          if (await destinationBlocked(tx, blockable)) throw new DestinationBlockedError();
          if (limit !== null) {
            await tx.$queryRaw`SELECT id FROM users WHERE id = ${link.userId} FOR UPDATE`;
            const linksOwned = await tx.link.count({ where: { userId: link.userId } });
            if (linksOwned >= limit) throw new LinkLimitExceededError(limit);
          }
          return tx.link.create({ data: { ...link, tagKeys: link.tags.map(tagKey) }, select: linkFields });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateCodeError(link.code);
        throw error;
      }
    },
  };
}
