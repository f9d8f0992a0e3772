import { ValidationFailedError } from "../../lib/app-error.js";
import { normaliseHost } from "../../lib/host-name.js";
import type { AbuseRepository, BlockedHostRecord, HostChangeAudit } from "./repository.js";

export type { BlockedHostRecord, HostChangeAudit };

export interface AbuseServiceDeps {
  repo: AbuseRepository;
  /** Told when links may have been blocked or unblocked, so redirect caches drop them everywhere. */
  onLinksChanged: () => void;
}

/** Blocked destinations and visitors' reports. */
export function createAbuseService({ repo, onLinksChanged }: AbuseServiceDeps) {
  return {
    listBlockedHosts: repo.listBlockedHosts,

    /** `input`: a host or URL, as an admin pasted it. */
    async blockHost(input: string, reason: string, audit: HostChangeAudit): Promise<{ record: BlockedHostRecord; links: number }> {
      const host = normaliseHost(input);
      if (!host) throw ValidationFailedError.at(["body", "host"], "not a valid host name", "value_error.host");
      const result = await repo.blockHost(host, reason, audit);
      onLinksChanged();
      return result;
    },

    /** Hosts already normalised (lib/host-list.ts): the new ones are blocked, the rest left as they are. */
    async blockHosts(hosts: string[], reason: string, audit: HostChangeAudit): Promise<{ added: number; links: number }> {
      const result = await repo.blockHosts(hosts, reason, audit);
      if (result.added > 0) onLinksChanged();
      return result;
    },

    async unblockHost(input: string, audit: HostChangeAudit): Promise<boolean> {
      const host = normaliseHost(input);
      if (!host || !(await repo.unblockHost(host, audit))) return false;
      onLinksChanged();
      return true;
    },
  };
}

export type AbuseService = ReturnType<typeof createAbuseService>;
