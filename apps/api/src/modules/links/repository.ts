import type { Db } from "../../db/prisma-client.js";
import { createLinkChangesRepository } from "./link-changes-repository.js";
import { createLinkCreationRepository } from "./link-creation-repository.js";
import { createLinkListRepository } from "./link-list-repository.js";
import { linkFields, type LinkRecord } from "./link-record.js";
import { createTagsRepository } from "./tags-repository.js";

export type { LinkChanges } from "./link-changes-repository.js";
export type { NewLink } from "./link-creation-repository.js";
export type { LinkListQuery } from "./link-list-repository.js";
export type { LinkRecord } from "./link-record.js";
export { DestinationBlockedError, DuplicateCodeError, LinkLimitExceededError } from "./repository-errors.js";

export function createLinksRepository(db: Db) {
  return {
    ...createLinkCreationRepository(db),

    findByCode(code: string): Promise<LinkRecord | null> {
      return db.link.findUnique({ where: { code }, select: linkFields });
    },

    ...createLinkListRepository(db),
    ...createTagsRepository(db),
    ...createLinkChangesRepository(db),
  };
}

export type LinksRepository = ReturnType<typeof createLinksRepository>;
