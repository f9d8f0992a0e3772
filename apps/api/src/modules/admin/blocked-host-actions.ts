import type { BlockedHost } from "@shortly/contract";
import type { AbuseService, BlockedHostRecord } from "../abuse/service.js";
import type { Actor, AuditLog } from "./audit-log.js";
import { BlockedHostNotFoundError } from "./errors.js";

export const toBlockedHost = (h: BlockedHostRecord): BlockedHost => ({
  host: h.host,
  reason: h.reason,
  created_at: h.createdAt.toISOString(),
});

/** Destinations no link may point to: the abuse module keeps them, the admins' side audits each change. */
export function createBlockedHostActions(abuse: AbuseService, audit: AuditLog) {
  return {
    listBlockedHosts: async () => (await abuse.listBlockedHosts()).map(toBlockedHost),

    /** Blocks a host; says how many existing links that stopped. */
    async blockHost(actor: Actor, host: string, reason: string): Promise<{ blocked: BlockedHost; links: number }> {
      const { record, links } = await abuse.blockHost(host, reason);
      await audit.record(actor, "host.block", record.host, `${reason}${reason ? " " : ""}(${links} links stopped)`);
      return { blocked: toBlockedHost(record), links };
    },

    async unblockHost(actor: Actor, host: string): Promise<void> {
      if (!(await abuse.unblockHost(host))) throw new BlockedHostNotFoundError();
      await audit.record(actor, "host.unblock", host);
    },
  };
}
