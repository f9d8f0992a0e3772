import { normaliseHost } from "./host-name.js";

const SINK_ADDRESS = /^(0\.0\.0\.0|127\.0\.0\.1|::1?)$/;

/**
 * A list of hosts one a line, as public phishing and malware lists publish
 * them: `#` starts a comment, blank lines are skipped, and hosts-file lines
 * ("0.0.0.0 evil.example other.example") give every name after the address
 * (the address itself repeated as a name, "0.0.0.0 0.0.0.0", is no host).
 * Anything else is reported (a line's good names are still taken).
 */
export function parseHostList(text: string): { hosts: string[]; invalid: Array<{ number: number; text: string }> } {
  const hosts = new Set<string>();
  const invalid: Array<{ number: number; text: string }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const fields = line.split(/\s+/);
    const hostsFileLine = fields.length >= 2 && SINK_ADDRESS.test(fields[0]!);
    if (fields.length > 1 && !hostsFileLine) return invalid.push({ number: index + 1, text: raw.trim() });
    const names = hostsFileLine ? fields.slice(1).filter((name) => !SINK_ADDRESS.test(name)) : fields;
    let skipped = false;
    for (const host of names.map(normaliseHost)) {
      // Only names with a dot: hosts files also list "localhost" and the like.
      if (host?.includes(".")) hosts.add(host);
      else skipped = true;
    }
    if (skipped) invalid.push({ number: index + 1, text: raw.trim() });
  });
  return { hosts: [...hosts], invalid };
}
