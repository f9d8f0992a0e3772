import type { PasswordHasher } from "../../lib/password-hasher.js";
import type { ClicksService } from "../clicks/service.js";
import type { UsersService } from "../users/service.js";
import type { LinkRecord, LinksRepository } from "./repository.js";

export interface LinksServiceDeps {
  repo: LinksRepository;
  users: UsersService;
  clicks: ClicksService;
  /** Hashes link passwords. */
  hasher: Pick<PasswordHasher, "hash">;
  /** Hostnames of this service: a link to them would loop. */
  ownHostnames: string[];
  clock?: () => Date;
  /** Told after a link changes or goes, so redirect caches can drop it. */
  onLinkChanged?: (code: string) => void;
}

/** What createLinksService works out once for its parts. */
export interface LinksServiceContext {
  clock: () => Date;
  /** Lower-cased. */
  ownHostnames: ReadonlySet<string>;
  getOwnedOrThrow(userId: number, code: string): Promise<LinkRecord>;
}
