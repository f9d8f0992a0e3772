// Where a forwarded visit goes: the destination with the visitor's query
// string added (their parameters never override the destination's) and, for
// links that allow it, the visitor's extra path joined to the destination's.
// Works on the raw strings, so order and encoding are kept as written.

/** Percent-encodes what may not stand in a Location header: request URLs carry raw bytes as latin1 characters. */
function toAsciiUrl(text: string): string {
  return text.replace(/[^\x21-\x7e]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `%${code.toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(c);
  });
}

function decodeName(pair: string): string {
  const raw = pair.split("=", 1)[0]!.replace(/\+/g, " ");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A visitor's extra path is joined only when it cannot leave the
 * destination's path: no dot segments (also percent-encoded), no encoded
 * slashes or backslashes, no empty segments but a trailing slash.
 */
export function isSafeExtraPath(path: string): boolean {
  if (!path.startsWith("/") || path.includes("\\") || /%(2f|5c)/i.test(path)) return false;
  const segments = path.slice(1).split("/");
  return segments.every((segment, i) => {
    if (segment === "") return i === segments.length - 1;
    const plain = segment.replace(/%2e/gi, ".");
    return plain !== "." && plain !== "..";
  });
}

/**
 * The destination a visit is sent to, or null when its extra path is
 * refused. `query`: the raw query string after `?` (null: none);
 * `extraPath`: what followed the code, "" for none.
 */
export function forwardedLocation(destination: string, query: string | null, extraPath: string): string | null {
  if (!query && !extraPath) return destination;
  const hashAt = destination.indexOf("#");
  const fragment = hashAt === -1 ? "" : destination.slice(hashAt);
  const beforeFragment = hashAt === -1 ? destination : destination.slice(0, hashAt);
  const queryAt = beforeFragment.indexOf("?");
  let path = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  let search = queryAt === -1 ? "" : beforeFragment.slice(queryAt + 1);

  if (extraPath) {
    if (!isSafeExtraPath(extraPath)) return null;
    path = path.replace(/\/+$/, "") + extraPath;
  }
  if (query) {
    const taken = new Set(search.split("&").filter(Boolean).map(decodeName));
    const added = query.split("&").filter((pair) => pair !== "" && !taken.has(decodeName(pair)));
    if (added.length > 0) search = search ? `${search}&${added.join("&")}` : added.join("&");
  }
  const location = toAsciiUrl(`${path}${search ? `?${search}` : ""}${fragment}`);
  // Nothing a visitor adds may move the redirect to another host.
  try {
    if (new URL(location).host !== new URL(destination).host) return null;
  } catch {
    return null;
  }
  return location;
}
