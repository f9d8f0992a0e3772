import { createBulkCreation } from "./bulk-creation.js";
import { createLinkChanges } from "./link-changes.js";
import { createLinkCreation } from "./link-creation.js";
import { createLinkLookup } from "./link-lookup.js";
import { createLinkReads } from "./link-reads.js";
import type { LinksServiceContext, LinksServiceDeps } from "./service-context.js";

export { toCreatedUrlResponse } from "./link-responses.js";
export type { LinksServiceDeps } from "./service-context.js";

// The errors other modules meet when they use links (the redirect answers with them).
export { LinkBlockedError, LinkGoneError, LinkNotFoundError } from "./errors.js";

export function createLinksService(deps: LinksServiceDeps) {
  const lookup = createLinkLookup(deps.repo);
  const context: LinksServiceContext = {
    clock: deps.clock ?? (() => new Date()),
    ownHostnames: new Set(deps.ownHostnames.map((h) => h.toLowerCase())),
    getOwnedOrThrow: lookup.getOwnedOrThrow,
  };
  const { create } = createLinkCreation(deps, context);

  return {
    ...lookup,
    create,
    ...createBulkCreation(create),
    ...createLinkReads(deps, context),
    ...createLinkChanges(deps, context),
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
