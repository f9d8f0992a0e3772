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
    // A whole URL or host and path as typed ("https://bücher.example/straße"): each part as stored.
    const parts = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]+)(.*)$/i.exec(q);
    const urlHost = parts ? domainToASCII(parts[2]!) : "";
    if (parts && urlHost) spellings.add(`${parts[1] ?? ""}${urlHost}${encodeURI(parts[3]!)}`);
  }
  return [...spellings];
}
