import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { isbot } from "isbot";
import UAParser from "ua-parser-js";

// geoip-lite is CommonJS and loads its ~110 MB database at require: once per process, at startup.
const geoip = createRequire(import.meta.url)("geoip-lite") as typeof import("geoip-lite");

export interface AgentDimensions {
  browser: string | null;
  os: string | null;
  /** ua-parser's device type, "desktop" when a browser or OS is known but no device type is. */
  device: string | null;
  isBot: boolean;
}

/** Every browser sends a User-Agent; a request without one is a script, counted with the bots. */
const NO_AGENT: AgentDimensions = { browser: null, os: null, device: null, isBot: true };

/**
 * Parsing a user agent costs tens of microseconds and real traffic repeats a
 * few hundred of them, so results are memoised (bounded: cleared when full).
 */
export function createAgentParser(maxEntries = 5_000) {
  const memo = new Map<string, AgentDimensions>();
  return (userAgent: string | null): AgentDimensions => {
    if (!userAgent) return NO_AGENT;
    let parsed = memo.get(userAgent);
    if (parsed) return parsed;
    const result = new UAParser(userAgent).getResult();
    const browser = result.browser.name ?? null;
    const os = result.os.name ?? null;
    parsed = {
      browser,
      os,
      device: result.device.type ?? (browser || os ? "desktop" : null),
      isBot: isbot(userAgent),
    };
    if (memo.size >= maxEntries) memo.clear();
    memo.set(userAgent, parsed);
    return parsed;
  };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A header's text as the client meant it. Node hands header bytes over as
 * latin1, one character per byte, so a UTF-8 referrer or user agent arrives
 * as mojibake ("Ã©" for "é"); bytes that are valid UTF-8 are read as such,
 * anything else is kept as received.
 */
export function headerText(value: string | null): string | null {
  if (value === null || !/[\u0080-\u00ff]/.test(value)) return value;
  try {
    return strictUtf8.decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
}

/** Country (ISO alpha-2) and city of a public IP from the offline database; nulls for private or unknown addresses. */
export function locate(ip: string | null): { country: string | null; city: string | null } {
  const found = ip ? geoip.lookup(ip) : null;
  if (!found || !found.country) return { country: null, city: null };
  return { country: found.country, city: found.city || null };
}

/** The referrer's host, lower-cased and without "www."; null for direct visits and unparseable values. */
export function referrerHost(referrer: string | null): string | null {
  if (!referrer) return null;
  try {
    const host = new URL(referrer).hostname.toLowerCase();
    return (host.startsWith("www.") ? host.slice(4) : host) || null;
  } catch {
    return null;
  }
}

/**
 * A unique-visitor key: a keyed hash of IP and user agent under the day's
 * salt, cut to a signed 64-bit integer (as text, for PostgreSQL's int8).
 * Without the salt, which is deleted after the day, it cannot be linked back.
 */
export function visitorKey(salt: Buffer, ip: string | null, userAgent: string | null): string | null {
  if (!ip) return null;
  const digest = createHmac("sha256", salt)
    .update(`${ip}\n${userAgent ?? ""}`)
    .digest();
  return digest.readBigInt64BE(0).toString();
}
