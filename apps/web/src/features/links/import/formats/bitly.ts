import { lastSegment, splitTags, type ImportFormat } from "./types";

/**
 * Bitly's link export: "Link" (the full bitlink), "Custom Link" (a custom
 * back-half, when set), "Destination URL", "Title", "Tags". Older exports and
 * the API say "Bitlink" and "Long URL"; all spellings are accepted.
 */
export const bitly: ImportFormat = {
  name: "Bitly",
  matches: (h) => h.has("destinationurl") || (h.has("longurl") && (h.has("bitlink") || h.has("link"))),
  read: (cell) => {
    const custom = cell("customlink", "custombitlink", "custombackhalf");
    return {
      longUrl: cell("destinationurl", "longurl"),
      code: lastSegment(custom || cell("link", "bitlink")),
      tags: splitTags(cell("tags")),
    };
  },
};
