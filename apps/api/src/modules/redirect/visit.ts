// The visit and the 302, built once for both ways a redirect is answered:
// the fast path (fast-route.ts, before Fastify) and the Fastify route (routes.ts,
// which answers through visit-replies.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { VisitTarget } from "./visit-decision.js";

export interface Visit extends VisitTarget {
  code: string;
  /** A HEAD request answers like GET but is not a click. */
  countsAsClick: boolean;
  referrer: string | null;
  userAgent: string | null;
  ip: string | null;
}

/** Whether a header name as sent equals `name` (lower-case letters and "-"), compared without a lower-cased copy. */
function isHeader(key: string, name: string): boolean {
  if (key.length !== name.length) return false;
  // Setting bit 0x20 lower-cases a letter and keeps "-"; only a CR could pass for "-", and header names hold none.
  for (let i = 0; i < name.length; i++) if ((key.charCodeAt(i) | 0x20) !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * The first value of a header that Node keeps only once (user-agent,
 * referer), read from the raw list: `req.headers` would build an object of
 * every header on each visit. `name` is lower-case.
 */
function firstHeader(rawHeaders: string[], name: string): string | null {
  for (let i = 0; i < rawHeaders.length; i += 2) if (isHeader(rawHeaders[i]!, name)) return rawHeaders[i + 1]!;
  return null;
}

/** What a request to /{code} tells about the visit; `ip` as the server's trust-proxy rules give it. */
export function visitFrom(req: IncomingMessage, code: string, ip: string | null, extraPath = ""): Visit {
  // A raw client may send a fragment; it is never part of what is forwarded (no copy made on the usual path).
  const raw = req.url ?? "";
  const hashAt = raw.indexOf("#");
  const url = hashAt === -1 ? raw : raw.slice(0, hashAt);
  const queryAt = url.indexOf("?");
  return {
    code,
    query: queryAt === -1 ? null : url.slice(queryAt + 1),
    // "/{code}/" is "/{code}".
    extraPath: extraPath === "/" ? "" : extraPath,
    // HEAD answers like GET but is not a click; a POST is a password given on the link's page.
    countsAsClick: req.method !== "HEAD",
    referrer: firstHeader(req.rawHeaders, "referer"),
    userAgent: firstHeader(req.rawHeaders, "user-agent"),
    ip,
  };
}

/**
 * Writes the redirect. Not cacheable: every visit must reach us to be counted
 * and to honour limits. False when Node refuses the location as a header
 * (nothing was written; the caller answers otherwise).
 */
export function writeRedirect(res: ServerResponse, location: string, status: number): boolean {
  try {
    res.writeHead(status, { "cache-control": "private, no-store", location, "content-length": "0", "x-content-type-options": "nosniff" });
  } catch {
    return false;
  }
  res.end();
  return true;
}
