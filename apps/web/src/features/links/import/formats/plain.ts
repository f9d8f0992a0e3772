import type { ImportFormat } from "./types";

/** Lines of `url[,code]`, with or without a "url,code" header. */
export const plain: ImportFormat = {
  name: "URL list",
  matches: (h) => h.has("url") || h.has("longurl"),
  read: (cell) => ({ longUrl: cell("url", "longurl"), code: cell("code", "shortcode"), tags: [] }),
};
