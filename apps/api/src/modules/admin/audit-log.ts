import type { AuditEntry } from "@shortly/contract";
import type { AuditEntryInput, AuditRepository } from "./audit-repository.js";
import type { Page } from "./page.js";

export interface Actor {
  id: number | null;
  email: string;
}

/** An audit row as stored; a change that must not happen unaudited writes it in its own transaction. */
export const auditEntry = (actor: Actor, action: string, target: string, reason = ""): AuditEntryInput => ({
  actorId: actor.id,
  actorEmail: actor.email,
  action,
  target: target.slice(0, 300),
  reason: reason.slice(0, 500),
});

/** Every admin change, with who made it, on what, and why. */
export function createAuditLog(repo: AuditRepository) {
  return {
    record: (actor: Actor, action: string, target: string, reason = "") => repo.audit(auditEntry(actor, action, target, reason)),

    async list(page: Page) {
      const { items, total } = await repo.listAudit(page);
      const entries: AuditEntry[] = items.map((e) => ({
        id: e.id,
        actor_email: e.actorEmail,
        action: e.action,
        target: e.target,
        reason: e.reason,
        created_at: e.createdAt.toISOString(),
      }));
      return { items: entries, total, limit: page.limit, offset: page.offset };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
