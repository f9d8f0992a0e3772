import { destinationBlocked } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
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
    /** A new destination is checked against the blocklist as a create's is. */
    update(id: number, changes: LinkChanges, blockable: string[] = []): Promise<LinkRecord> {
      if (changes.longUrl === undefined) return db.link.update({ where: { id }, data: changes, select: linkFields });
      return db.$transaction(async (tx) => {
        if (await destinationBlocked(tx, blockable)) throw new DestinationBlockedError();
        return tx.link.update({ where: { id }, data: changes, select: linkFields });
      });
    },

    async delete(id: number): Promise<void> {
      await db.link.deleteMany({ where: { id } });
    },
  };
}
