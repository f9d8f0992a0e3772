import { isValidShortCodeFormat } from "@shortly/contract";
import { LinkNotFoundError } from "../links/service.js";
import type { AbuseRepository } from "./repository.js";

/** The code in what a visitor pasted: a short URL of ours (its first path segment) or the code itself. */
export function codeFromReport(link: string): string | null {
  const text = link.trim();
  let code: string;
  if (/^https?:\/\//i.test(text)) {
    try {
      code = new URL(text).pathname.split("/")[1] ?? "";
    } catch {
      return null;
    }
  } else code = text.replace(/^\/+/, "").split(/[/?#]/)[0] ?? "";
  return isValidShortCodeFormat(code) ? code : null;
}

/** Visitors' reports of links: kept for the admins, without anything about the reporter. */
export function createReportsService({ repo, linkIdOf }: { repo: AbuseRepository; linkIdOf: (code: string) => Promise<number | null> }) {
  return {
    async report(link: string, reason: string): Promise<string> {
      const code = codeFromReport(link);
      const id = code === null ? null : await linkIdOf(code);
      if (id === null || code === null) throw new LinkNotFoundError();
      await repo.addReport(id, reason);
      return code;
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
