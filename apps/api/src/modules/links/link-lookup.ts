import { isValidShortCodeFormat } from "@shortly/contract";
import { InvalidShortCodeError, LinkNotFoundError } from "./errors.js";
import type { LinkRecord, LinksRepository } from "./repository.js";

export function createLinkLookup(repo: Pick<LinksRepository, "findByCode">) {
  return {
    /** The caller's link (any state), for other modules; 404 for anyone else's. */
    async getOwnedOrThrow(userId: number, code: string): Promise<LinkRecord> {
      if (!isValidShortCodeFormat(code)) throw new InvalidShortCodeError();
      const link = await repo.findByCode(code);
      // Someone else's link is answered exactly like a missing one.
      if (!link || link.userId !== userId) throw new LinkNotFoundError();
      return link;
    },

    /** A link's id by its code, for other modules (reports); null when there is none. */
    async idOf(code: string): Promise<number | null> {
      if (!isValidShortCodeFormat(code)) return null;
      return (await repo.findByCode(code))?.id ?? null;
    },
  };
}
