/** One link to create, read from a row of the file (line numbers are the file's, from 1). */
export interface ImportRow {
  line: number;
  long_url: string;
  /** The code the link had in the other tool, when it fits ours. */
  custom_code?: string;
  tags?: string[];
  /** Why the row's original code is not kept, shown in the preview. */
  note?: string;
}

/** A row that cannot become a link, and why. */
export interface SkippedRow {
  line: number;
  reason: string;
}

/** A file's header names, lower-cased with spaces, `_` and `-` removed ("Long URL" → "longurl"). */
export type Header = Map<string, number>;

/** How one tool's export is recognised and read. */
export interface ImportFormat {
  name: string;
  matches: (header: Header) => boolean;
  /** The destination, the original code and the tags of one record. */
  read: (cell: (...names: string[]) => string) => { longUrl: string; code: string; tags: string[] };
}

/** The last path segment of a short URL ("https://bit.ly/abc" → "abc"). */
export function lastSegment(url: string): string {
  const path = url.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Tags in one cell: comma-separated when there is a comma, else `|`-separated (as Shlink writes them). */
export function splitTags(cell: string): string[] {
  const parts = cell.includes(",") ? cell.split(",") : cell.split("|");
  return parts.map((t) => t.trim()).filter(Boolean);
}
