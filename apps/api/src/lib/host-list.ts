import { normaliseHost } from "./host-name.js";

/**
 * A list of hosts one a line, as public phishing and malware lists publish
 * them: `#` starts a comment, blank lines are skipped, and hosts-file lines
 * ("0.0.0.0 evil.example") give their host name. Anything else is reported.
 */
export function parseHostList(text: string): { hosts: string[]; invalid: Array<{ number: number; text: string }> } {
  const hosts = new Set<string>();
  const invalid: Array<{ number: number; text: string }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const fields = line.split(/\s+/);
    const hostsFileLine = fields.length === 2 && /^(0\.0\.0\.0|127\.0\.0\.1|::1?)$/.test(fields[0]!);
    const host = fields.length === 1 ? normaliseHost(fields[0]!) : hostsFileLine ? normaliseHost(fields[1]!) : null;
    // Only names with a dot: hosts files also list "localhost" and the like.
    if (host?.includes(".")) hosts.add(host);
    else invalid.push({ number: index + 1, text: raw.trim() });
  });
  return { hosts: [...hosts], invalid };
}
