import { customCodeSchema, MAX_TAGS_PER_LINK, tagSchema } from "@shortly/contract";
import Papa from "papaparse";
import { bitly } from "./formats/bitly";
import { kutt } from "./formats/kutt";
import { plain } from "./formats/plain";
import { shlink } from "./formats/shlink";
import type { Header, ImportFormat, ImportRow, SkippedRow } from "./formats/types";
import { yourls } from "./formats/yourls";

/** Checked in this order: the first whose columns match reads the file. */
const FORMATS: ImportFormat[] = [yourls, kutt, shlink, bitly, plain];
/** One import is at most this many links (fifty bulk requests). */
export const MAX_IMPORT_ROWS = 5000;

export interface ParsedImport {
  format: string;
  rows: ImportRow[];
  skipped: SkippedRow[];
}

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
const looksLikeUrl = (text: string) => /^https?:\/\//i.test(text.trim());

/**
 * Reads an export of Bitly, Kutt, YOURLS or Shlink, or lines of `url[,code]`,
 * into the links to create and the rows that cannot become one. Codes that
 * our rules refuse are dropped (a new code is generated), as are tags that
 * do not fit; the server still checks everything else.
 */
export function parseImport(text: string): ParsedImport | { error: string } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimitersToGuess: [",", ";", "\t"] });
  const records = parsed.data;
  const first = records[0] ?? [];
  if (records.every((r) => r.every((c) => !c.trim()))) return { error: "The file is empty." };

  let header: Header;
  let format: ImportFormat;
  let start: number;
  if (looksLikeUrl(first[0] ?? "")) {
    header = new Map([
      ["url", 0],
      ["code", 1],
    ]);
    format = plain;
    start = 0;
  } else {
    header = new Map(first.map((name, index) => [normalise(name), index]));
    const found = FORMATS.find((f) => f.matches(header));
    if (!found) {
      return {
        error: `The columns (${first.join(", ")}) are not an export we know. Use an export from Bitly, Kutt, YOURLS or Shlink, or lines of url,code.`,
      };
    }
    format = found;
    start = 1;
  }

  const dataRows = records.slice(start).filter((r) => r.some((c) => c.trim()));
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return {
      error: `The file has ${dataRows.length.toLocaleString()} links; import at most ${MAX_IMPORT_ROWS.toLocaleString()} at a time.`,
    };
  }

  const rows: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  records.forEach((record, index) => {
    if (index < start || record.every((c) => !c.trim())) return;
    const line = index + 1;
    const cell = (...names: string[]) => {
      for (const name of names) {
        const value = record[header.get(name) ?? -1]?.trim();
        if (value) return value;
      }
      return "";
    };
    const { longUrl, code, tags } = format.read(cell);
    if (!longUrl) return skipped.push({ line, reason: "No destination URL in this row" });
    const row: ImportRow = { line, long_url: longUrl };
    if (code) {
      if (customCodeSchema.safeParse(code).success) row.custom_code = code;
      else row.note = `The code “${code}” is not allowed here; a new one is generated`;
    }
    const goodTags = tags.flatMap((tag) => {
      const result = tagSchema.safeParse(tag);
      return result.success ? [result.data] : [];
    });
    if (goodTags.length) row.tags = goodTags.slice(0, MAX_TAGS_PER_LINK);
    rows.push(row);
  });
  return { format: format.name, rows, skipped };
}
