import type { ClickSpool } from "./click-spool.js";

const HANDOFF_MS = 10;

/**
 * Once per event-loop turn, writes that turn's clicks to the spool (durable
 * from there) and queues the same text for the writer thread. Posting a
 * message costs the event loop more than the clicks of a busy turn, so the
 * writer gets the text every HANDOFF_MS (it writes every 50 ms anyway), or at
 * once when asked.
 */
export function createClickHandoff(
  buffer: Pick<ClickSpool, "sync" | "lastSeq">,
  post: (lines: string, lastSeq: number) => void,
  onSpooled: (lastSeq: number) => void,
) {
  let unposted = "";
  let unpostedLastSeq = 0;
  let timer: NodeJS.Timeout | null = null;
  let pendingWrite: Promise<void> | null = null;

  const postNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!unposted) return;
    post(unposted, unpostedLastSeq);
    unposted = "";
  };

  const spoolNow = () => {
    const lines = buffer.sync();
    if (!lines) return;
    unposted += lines;
    unpostedLastSeq = buffer.lastSeq; // the buffer was written whole: its last click is the text's last line
    onSpooled(buffer.lastSeq);
    if (!timer) {
      timer = setTimeout(postNow, HANDOFF_MS);
      timer.unref();
    }
  };

  /** Resolves once this turn's clicks are on disk; one write serves every click of the turn. */
  const spoolSoon = (): Promise<void> =>
    (pendingWrite ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        pendingWrite = null;
        try {
          spoolNow();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    }));

  /** Spools and posts everything appended so far (flush, shutdown). */
  const handOverNow = () => {
    spoolNow();
    postNow();
  };

  return { spoolSoon, handOverNow };
}
