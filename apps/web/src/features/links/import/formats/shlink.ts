import { lastSegment, splitTags, type ImportFormat } from "./types";

/**
 * Shlink's web client export ("createdAt, domain, shortCode, shortUrl,
 * longUrl, title, tags, visits", tags joined with `|`) and shlink-importer's
 * CSV ("Long URL", "Short code" or "Short URL", "Tags").
 */
export const shlink: ImportFormat = {
  name: "Shlink",
  matches: (h) => h.has("longurl") && (h.has("shortcode") || h.has("shorturl")),
  read: (cell) => ({
    longUrl: cell("longurl"),
    code: cell("shortcode") || lastSegment(cell("shorturl")),
    tags: splitTags(cell("tags")),
  }),
};
