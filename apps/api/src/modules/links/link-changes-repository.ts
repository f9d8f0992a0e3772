import { tagKey } from "@shortly/contract";
import { destinationBlocked } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import { isRecordMissing } from "../../db/prisma-errors.js";
import { linkFields, type LinkRecord } from "./link-record.js";
import { DestinationBlockedError } from "./repository-errors.js";

export interface LinkChanges {
  longUrl?: string;
  isActive?: boolean;
  expiresAt?: Date | null;
  maxClicks?: number | null;
  tags?: string[];
  passwordHash?: string | null;
  host?: string;
  forwardQuery?: boolean;
  forwardPath?: boolean;
  redirectType?: number;
}

export function createLinkChangesRepository(db: Db) {
  return {
    /**
     * A new destination is checked against the blocklist as a create's is.
     * Null when the link was deleted or blocked by an admin meanwhile.
     */
    async update(id: number, changes: LinkChanges, blockable: string[] = []): Promise<LinkRecord | null> {
      const where = { id, blockedAt: null };
      const data = changes.tags === undefined ? changes : { ...changes, tagKeys: changes.tags.map(tagKey) };
      try {
        if (changes.longUrl === undefined) return await db.link.update({ where, data, select: linkFields });
        return await db.$transaction(async (tx) => {
          if (await destinationBlocked(tx, blockable)) throw new DestinationBlockedError();
          return tx.link.update({ where, data, select: linkFields });
        });
      } catch (error) {
        if (isRecordMissing(error)) return null;
        throw error;
      }
    },

    /** False when the link was deleted or blocked by an admin meanwhile. */
    async delete(id: number): Promise<boolean> {
      return (await db.link.deleteMany({ where: { id, blockedAt: null } })).count === 1;
    },
  };
}
