import type { ImportFormat } from "./types";

/** Kutt's links as its API lists them: "address" (the code), "target" (the destination), "link" (the short URL). Kutt has no tags. */
export const kutt: ImportFormat = {
  name: "Kutt",
  matches: (h) => h.has("address") && h.has("target"),
  read: (cell) => ({ longUrl: cell("target"), code: cell("address"), tags: [] }),
};
