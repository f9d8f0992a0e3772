import type { BlockedHost } from "@shortly/contract";
import type { AbuseService, BlockedHostRecord } from "../abuse/service.js";
import { type Actor, auditEntry } from "./audit-log.js";
import { BlockedHostNotFoundError } from "./errors.js";
import type { Page } from "./page.js";

export const toBlockedHost = (h: BlockedHostRecord): BlockedHost => ({
  host: h.host,
  reason: h.reason,
  created_at: h.createdAt.toISOString(),
});

/** A block's audit reason: the admin's words, then how many links it stopped. */
const blockReason = (reason: string, stopped: number) => `${reason}${reason ? " " : ""}(${stopped} links stopped)`;

/** Destinations no link may point to: the abuse module keeps them, the admins' side audits each change. */
export function createBlockedHostActions(abuse: AbuseService) {
  return {
    async listBlockedHosts(q: string | undefined, page: Page) {
      const { items, total } = await abuse.listBlockedHosts(q, page);
      return { items: items.map(toBlockedHost), total, limit: page.limit, offset: page.offset };
    },

    /** Blocks a host; says how many existing links that stopped. Stored with its audit row, in one transaction. */
    async blockHost(actor: Actor, host: string, reason: string): Promise<{ blocked: BlockedHost; links: number }> {
      const { record, links } = await abuse.blockHost(host, reason, (blocked, stopped) =>
        auditEntry(actor, "host.block", blocked, blockReason(reason, stopped)),
      );
      return { blocked: toBlockedHost(record), links };
    },

    /** Blocks the hosts of a list not blocked yet (the operators' import): all or nothing. */
    async blockHosts(actor: Actor, hosts: string[], reason: string): Promise<{ added: number; links: number }> {
      return abuse.blockHosts(hosts, reason, (blocked, stopped) => auditEntry(actor, "host.block", blocked, blockReason(reason, stopped)));
    },

    async unblockHost(actor: Actor, host: string): Promise<void> {
      const unblocked = await abuse.unblockHost(host, (unblockedHost, restored) =>
        auditEntry(actor, "host.unblock", unblockedHost, `(${restored} links restored)`),
      );
      if (!unblocked) throw new BlockedHostNotFoundError();
    },
  };
}
