import {
  createUrlRequestSchema,
  isValidShortCodeFormat,
  tagKey,
  toValidationIssues,
  type BulkCreateResult,
  type CreateUrlInput,
  type LinkItem,
  type ListUrlsQueryInput,
  type StatsResponse,
  type TagCount,
  type UpdateUrlInput,
} from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";
import { normaliseHost } from "../../lib/host-name.js";
import { linkState } from "../../lib/link-state.js";
import type { PasswordHasher } from "../../lib/password-hasher.js";
import { generateShortCode } from "../../lib/short-code.js";
import type { ClicksService } from "../clicks/service.js";
import type { UsersService } from "../users/service.js";
import {
  CodeTakenError,
  InvalidShortCodeError,
  LinkBlockedByAdminError,
  LinkGoneError,
  LinkNotFoundError,
  PlanLimitReachedError,
} from "./errors.js";
import {
  DestinationBlockedError,
  DuplicateCodeError,
  LinkLimitExceededError,
  type LinkChanges,
  type LinkRecord,
  type LinksRepository,
} from "./repository.js";
import { blockableHosts, checkNotSelf, destinationBlockedError, futureExpiry } from "./link-input.js";
import { toCreatedUrlResponse, toLinkItem } from "./link-responses.js";
import { searchSpellings } from "./search-spellings.js";

export { toCreatedUrlResponse } from "./link-responses.js";

// The errors other modules meet when they use links (the redirect answers with them).
export { LinkBlockedError, LinkGoneError, LinkNotFoundError } from "./errors.js";

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

const CODE_ATTEMPTS = 5;

export function createLinksService(deps: LinksServiceDeps) {
  const { repo, users, clicks } = deps;
  const clock = deps.clock ?? (() => new Date());
  const ownHostnames = new Set(deps.ownHostnames.map((h) => h.toLowerCase()));

  const toItem = (link: LinkRecord, totalClicks: number): LinkItem => toLinkItem(link, totalClicks, clock());

  /** Tags in the account's existing spellings: "SALE" on a new link joins the account's "Sale". */
  async function inAccountSpelling(userId: number, tags: string[]): Promise<string[]> {
    const known = await repo.tagSpellings(userId, tags.map(tagKey));
    return tags.map((tag) => known.get(tagKey(tag)) ?? tag);
  }

  const checkDestination = (longUrl: string, requestHostname: string) => checkNotSelf(longUrl, requestHostname, ownHostnames);
  const parseExpiry = (value: string | null | undefined) => futureExpiry(value, clock());

  async function getOwnedLinkOrThrow(userId: number, code: string): Promise<LinkRecord> {
    if (!isValidShortCodeFormat(code)) throw new InvalidShortCodeError();
    const link = await repo.findByCode(code);
    // Someone else's link is answered exactly like a missing one.
    if (!link || link.userId !== userId) throw new LinkNotFoundError();
    return link;
  }

  async function insert(
    link: Omit<Parameters<LinksRepository["createWithinLimit"]>[0], "code">,
    code: string | undefined,
    limit: number | null,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await repo.createWithinLimit({ ...link, code: code ?? generateShortCode() }, limit, blockableHosts(link.longUrl));
      } catch (error) {
        if (error instanceof LinkLimitExceededError) throw new PlanLimitReachedError(error.limit);
        if (error instanceof DestinationBlockedError) throw destinationBlockedError();
        if (!(error instanceof DuplicateCodeError)) throw error;
        if (code !== undefined) throw new CodeTakenError();
        if (attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  async function create(userId: number, input: CreateUrlInput, requestHostname: string): Promise<LinkRecord> {
    const user = await users.getActiveUserOrThrow(userId);
    checkDestination(input.long_url, requestHostname);
    const draft = {
      host: normaliseHost(input.long_url) ?? "",
      userId,
      longUrl: input.long_url,
      expiresAt: parseExpiry(input.expires_at) ?? null,
      maxClicks: input.max_clicks ?? null,
      tags: input.tags?.length ? await inAccountSpelling(userId, input.tags) : [],
      passwordHash: input.password === undefined ? null : await deps.hasher.hash(input.password),
      forwardQuery: input.forward_query ?? true,
      forwardPath: input.forward_path ?? false,
      redirectType: input.redirect_type ?? 302,
    };
    const link = await insert(draft, input.custom_code, users.linkLimitOf(user));
    deps.onLinkChanged?.(link.code); // a visit before it existed may be cached as "unknown"
    return link;
  }

  return {
    /** The caller's link (any state), for other modules; 404 for anyone else's. */
    getOwnedOrThrow: getOwnedLinkOrThrow,

    create,

    /**
     * Creates each item as a single POST /api/urls would, in order, and says
     * per item what that would have answered: one bad item never sinks the
     * others, and the plan limit holds item by item (each create locks the
     * account). Failures other than the request's own (the database) fail the batch.
     */
    async createMany(userId: number, items: unknown[], requestHostname: string): Promise<BulkCreateResult[]> {
      const results: BulkCreateResult[] = [];
      for (const [index, item] of items.entries()) {
        const parsed = createUrlRequestSchema.safeParse(item, { reportInput: true });
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["urls", index, ...issue.path] }));
          results.push({ status: 422, detail: toValidationIssues(issues, "body") });
          continue;
        }
        try {
          results.push({ status: 201, url: toCreatedUrlResponse(await create(userId, parsed.data, requestHostname)) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const detail = Array.isArray(error.detail)
            ? error.detail.map((issue) => ({ ...issue, loc: ["body", "urls", index, ...issue.loc.slice(1)] }))
            : error.detail;
          results.push({ status: error.statusCode, detail });
        }
      }
      return results;
    },

    async list(userId: number, query: ListUrlsQueryInput) {
      await users.getActiveUserOrThrow(userId);
      const { limit, offset } = query;
      const search = query.q ? searchSpellings(query.q) : undefined;
      const { items, total } = await repo.listByOwner(
        userId,
        { limit, offset, state: query.state, sort: query.sort, search, tagKey: query.tag && tagKey(query.tag) },
        clock(),
      );
      const totals = await clicks.totalsByLink(items.map((l) => l.id));
      return { items: items.map((l) => toItem(l, totals.get(l.id) ?? 0)), total, limit, offset };
    },

    async tags(userId: number): Promise<TagCount[]> {
      await users.getActiveUserOrThrow(userId);
      return repo.tagCounts(userId);
    },

    /** A link's id by its code, for other modules (reports); null when there is none. */
    async idOf(code: string): Promise<number | null> {
      if (!isValidShortCodeFormat(code)) return null;
      return (await repo.findByCode(code))?.id ?? null;
    },

    async get(userId: number, code: string): Promise<LinkItem> {
      const link = await getOwnedLinkOrThrow(userId, code);
      const totals = await clicks.totalsByLink([link.id]);
      return toItem(link, totals.get(link.id) ?? 0);
    },

    async update(userId: number, code: string, input: UpdateUrlInput, requestHostname: string): Promise<LinkItem> {
      const link = await getOwnedLinkOrThrow(userId, code);
      if (link.blockedAt !== null) throw new LinkBlockedByAdminError();
      if (input.long_url !== undefined) checkDestination(input.long_url, requestHostname);
      const changes: LinkChanges = {
        longUrl: input.long_url,
        host: input.long_url === undefined ? undefined : (normaliseHost(input.long_url) ?? ""),
        isActive: input.is_active,
        expiresAt: parseExpiry(input.expires_at),
        maxClicks: input.max_clicks,
        tags: input.tags && (await inAccountSpelling(userId, input.tags)),
        passwordHash: input.password == null ? input.password : await deps.hasher.hash(input.password),
        forwardQuery: input.forward_query,
        forwardPath: input.forward_path,
        redirectType: input.redirect_type,
      };
      const updated = await repo
        .update(link.id, changes, input.long_url === undefined ? [] : blockableHosts(input.long_url))
        .catch((error: unknown) => {
          throw error instanceof DestinationBlockedError ? destinationBlockedError() : error;
        });
      deps.onLinkChanged?.(code);
      const totals = await clicks.totalsByLink([link.id]);
      return toItem(updated, totals.get(link.id) ?? 0);
    },

    async remove(userId: number, code: string): Promise<void> {
      const link = await getOwnedLinkOrThrow(userId, code);
      // Deleting would free the code for the same link again, and take its reports with it.
      if (link.blockedAt !== null) throw new LinkBlockedByAdminError();
      await repo.delete(link.id);
      deps.onLinkChanged?.(code);
    },

    /** The contract's stats: 404 when missing, not yours or disabled; 410 when expired or used up. */
    async stats(userId: number, code: string): Promise<StatsResponse> {
      const link = await getOwnedLinkOrThrow(userId, code);
      const state = linkState(link, clock());
      if (state === "disabled") throw new LinkNotFoundError();
      if (state !== "active") throw new LinkGoneError();
      const { total, byDate } = await clicks.statsByDate(link.id);
      return { short_code: link.code, long_url: link.longUrl, total_clicks: total, by_date: byDate };
    },
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
