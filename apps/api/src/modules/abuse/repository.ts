import { domainToASCII } from "node:url";
import { coveringBlockedHost, HOST_BLOCK_LOCK, hostOrSubdomain, linksCoveredBy } from "../../db/link-sql.js";
import type { Db } from "../../db/prisma-client.js";
/** An audit row as the admin side writes it (admin/audit-log.ts): who, what, on what, why. */
export interface AuditRow {
  actorId: number | null;
  actorEmail: string;
  action: string;
  target: string;
  reason: string;
}

/** The audit row a change is stored with, given the normalised host and how many links it changed. */
export type HostChangeAudit = (host: string, links: number) => AuditRow;

export interface BlockedHostRecord {
  host: string;
  reason: string;
  createdAt: Date;
}

export function createAbuseRepository(db: Db) {
  return {
    /** Newest first, a page at a time; `q` matches part of the host. */
    async listBlockedHosts(q: string | undefined, page: { limit: number; offset: number }) {
      // Hosts are stored in punycode: "bücher" finds xn--bcher-kva.example too.
      const spellings = q ? [...new Set([q.toLowerCase(), domainToASCII(q)].filter(Boolean))] : [];
      const where = q ? { OR: spellings.map((part) => ({ host: { contains: part } })) } : {};
      const [items, total] = await Promise.all([
        db.blockedHost.findMany({ where, orderBy: [{ createdAt: "desc" }, { host: "asc" }], take: page.limit, skip: page.offset }),
        db.blockedHost.count({ where }),
      ]);
      return { items: items as BlockedHostRecord[], total };
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

    /**
     * Blocks every host of a list not blocked yet, and the unblocked links
     * they cover (each naming the most specific), with an audit row per new
     * host, in one transaction: an import is stored whole or not at all.
     */
    async blockHosts(hosts: string[], reason: string, audit: HostChangeAudit): Promise<{ added: number; links: number }> {
      return db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HOST_BLOCK_LOCK}::bigint)`;
          const added = (
            await tx.$queryRaw<Array<{ host: string }>>`
              INSERT INTO blocked_hosts (host, reason) SELECT h, ${reason} FROM unnest(${hosts}::text[]) h
              ON CONFLICT (host) DO NOTHING RETURNING host`
          ).map((row) => row.host);
          if (added.length === 0) return { added: 0, links: 0 };
          const stopped = await tx.$queryRaw<Array<{ host: string }>>`
            UPDATE links l SET blocked_at = now(), blocked_reason = COALESCE(NULLIF(${reason}, ''), 'host ' || c.host || ' is blocked'), blocked_host = c.host
            FROM (${linksCoveredBy(added)}) c
            WHERE l.id = c.id AND l.blocked_at IS NULL
            RETURNING c.host`;
          const perHost = new Map<string, number>();
          for (const { host } of stopped) perHost.set(host, (perHost.get(host) ?? 0) + 1);
          // One statement: createMany splits a long list into statements it sends at once, which one transaction's connection queues.
          const rows = added.map((host) => audit(host, perHost.get(host) ?? 0));
          await tx.$executeRaw`
            INSERT INTO audit_log (actor_id, actor_email, action, target, reason)
            SELECT * FROM unnest(${rows.map((r) => r.actorId)}::int[], ${rows.map((r) => r.actorEmail)}::text[],
              ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.target)}::text[], ${rows.map((r) => r.reason)}::text[])`;
          return { added: added.length, links: stopped.length };
        },
        // A public list holds tens of thousands of hosts: more than the default five seconds.
        { timeout: 300_000, maxWait: 30_000 },
      );
    },

    /**
     * Unblocks a host and the links its block stopped (not those blocked one
     * by one), except links another blocked host still covers: those now name
     * it. False when the host was not blocked.
     */
    async unblockHost(host: string, audit: HostChangeAudit): Promise<boolean> {
      return db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HOST_BLOCK_LOCK}::bigint)`;
          const { count } = await tx.blockedHost.deleteMany({ where: { host } });
          if (count === 0) return false;
          const restored = await tx.$executeRaw`
          UPDATE links l SET blocked_at = NULL, blocked_reason = NULL, blocked_host = NULL
          WHERE l.blocked_host = ${host} AND ${coveringBlockedHost} IS NULL`;
          await tx.$executeRaw`
          UPDATE links l SET blocked_host = b.host, blocked_reason = COALESCE(NULLIF(b.reason, ''), 'host ' || b.host || ' is blocked')
          FROM (SELECT l.id, ${coveringBlockedHost} AS host FROM links l WHERE l.blocked_host = ${host}) c
          JOIN blocked_hosts b ON b.host = c.host
          WHERE l.id = c.id AND l.blocked_host = ${host}`;
          await tx.auditEntry.create({ data: audit(host, restored) });
          return true;
        },
        // A host may cover many links, each looked up: more than the default five seconds.
        { timeout: 60_000 },
      );
    },

    async addReport(linkId: number, reason: string): Promise<void> {
      await db.linkReport.create({ data: { linkId, reason } });
    },
  };
}

export type AbuseRepository = ReturnType<typeof createAbuseRepository>;
