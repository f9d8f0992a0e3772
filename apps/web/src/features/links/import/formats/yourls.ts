import type { ImportFormat } from "./types";

/** YOURLS' export (the Import/Export plugin): "source" is "/keyword/", "target" the destination, "hits" the clicks. */
export const yourls: ImportFormat = {
  name: "YOURLS",
  matches: (h) => h.has("source") && h.has("target"),
  read: (cell) => ({ longUrl: cell("target"), code: cell("source").replace(/^\/+|\/+$/g, ""), tags: [] }),
};
