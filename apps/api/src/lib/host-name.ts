import { domainToASCII } from "node:url";

/**
 * A host name as blocks compare it: lower-case, IDN as punycode, without
 * trailing dots. Accepts a bare host or a URL (its host is taken; userinfo
 * and port dropped). Null when there is no valid host name in it.
 */
export function normaliseHost(input: string): string | null {
  let host = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  } else {
    host = host
      .replace(/^[^@/]*@/, "")
      .replace(/[/?#].*$/, "")
      .replace(/:\d*$/, "");
  }
  const ascii = domainToASCII(host.replace(/\.+$/, "")).toLowerCase();
  if (!ascii || ascii.length > 253 || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(ascii)) return null;
  return ascii;
}

/** The host and every parent domain ("a.b.example" → a.b.example, b.example, example): a block on any covers it. */
export function hostAndParents(host: string): string[] {
  const labels = host.split(".");
  return labels.map((_, i) => labels.slice(i).join("."));
}
