import { HOST_BLOCK_LOCK, hostOrSubdomain } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
import type { Prisma } from "../../generated/prisma/client.js";

/** The audit row a change is stored with, given the normalised host and how many links it changed. */
export type HostChangeAudit = (host: string, links: number) => Prisma.AuditEntryUncheckedCreateInput;

export interface BlockedHostRecord {
  host: string;
  reason: string;
  createdAt: Date;
}

export function createAbuseRepository(db: Db) {
  return {
    listBlockedHosts(): Promise<BlockedHostRecord[]> {
      return db.blockedHost.findMany({ orderBy: { createdAt: "desc" } });
    },

    /**
     * Blocks a host (again: the reason is updated) and every unblocked link to
     * it or its subdomains, in one transaction; returns the record and how many
     * links it stopped, with its audit row.
     */
    async blockHost(host: string, reason: string, audit: HostChangeAudit): Promise<{ record: BlockedHostRecord; links: number }> {
      return db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HOST_BLOCK_LOCK}::bigint)`;
        const record = await tx.blockedHost.upsert({ where: { host }, create: { host, reason }, update: { reason } });
        const links = await tx.$executeRaw`
          UPDATE links l SET blocked_at = now(), blocked_reason = ${reason || `host ${host} is blocked`}, blocked_host = ${host}
          WHERE l.blocked_at IS NULL AND ${hostOrSubdomain(host)}`;
        await tx.auditEntry.create({ data: audit(host, links) });
        return { record, links };
      });
    },

    /** Unblocks a host and the links its block stopped (not those blocked one by one); false when it was not blocked. */
    async unblockHost(host: string, audit: HostChangeAudit): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.blockedHost.deleteMany({ where: { host } });
        if (count === 0) return false;
        const links = await tx.link.updateMany({
          where: { blockedHost: host },
          data: { blockedAt: null, blockedReason: null, blockedHost: null },
        });
        await tx.auditEntry.create({ data: audit(host, links.count) });
        return true;
      });
    },

    async addReport(linkId: number, reason: string): Promise<void> {
      await db.linkReport.create({ data: { linkId, reason } });
    },
  };
}

export type AbuseRepository = ReturnType<typeof createAbuseRepository>;
