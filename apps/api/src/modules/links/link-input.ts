// Checks on what an owner sends for a link that the contract's schemas cannot
// make alone: they need the service's hostnames, the clock, or the hosts a block applies to.
import { ValidationFailedError } from "../../lib/app-error.js";
import { hostAndParents, normaliseHost } from "../../lib/host-name.js";

/** The destination's host and its parents: a block on any of them covers it. */
export const blockableHosts = (longUrl: string): string[] => {
  const host = normaliseHost(longUrl);
  return host ? hostAndParents(host) : [];
};

export const destinationBlockedError = () =>
  ValidationFailedError.at(["body", "long_url"], "This destination is blocked", "value_error.url.blocked");

/** A host as DNS resolves it: "localhost." is "localhost". */
const dnsName = (hostname: string) => hostname.toLowerCase().replace(/\.+$/, "");

/** A short link to this service itself would loop. */
export function checkNotSelf(longUrl: string, requestHostname: string, ownHostnames: ReadonlySet<string>): void {
  const host = dnsName(new URL(longUrl).hostname);
  if (ownHostnames.has(host) || host === dnsName(requestHostname)) {
    throw ValidationFailedError.at(["body", "long_url"], "a short link cannot point to this service", "value_error.url.host");
  }
}

/** An expiry must lie in the future; null (none) and undefined (unchanged) pass through. */
export function futureExpiry(value: string | null | undefined, now: Date): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const date = new Date(value);
  if (date.getTime() <= now.getTime()) {
    throw ValidationFailedError.at(["body", "expires_at"], "expiry must be in the future", "value_error.datetime.past");
  }
  return date;
}
