import type { ClickSpool } from "./click-spool.js";
import { encodeClick } from "./spool-format.js";

/** Encodes clicks like a spool but keeps nothing: for an instance without a spool folder (tests). */
export function memorySpool(): Pick<ClickSpool, "append" | "sync" | "lastSeq"> {
  let seq = 0;
  let buffer = "";
  return {
    get lastSeq() {
      return seq;
    },
    append(click) {
      buffer += encodeClick(++seq, click);
      return seq;
    },
    sync() {
      const data = buffer;
      buffer = "";
      return data;
    },
  };
}
