import { domainToASCII } from "node:url";

/**
 * Destinations are stored normalised (punycode hosts, percent-encoded paths):
 * a search for "bücher" or "straße" also looks for the spellings stored.
 */
export function searchSpellings(q: string): string[] {
  const spellings = new Set([q]);
  if ([...q].some((char) => char.charCodeAt(0) > 0x7f)) {
    spellings.add(encodeURI(q));
    const host = domainToASCII(q);
    if (host) spellings.add(host);
  }
  return [...spellings];
}
