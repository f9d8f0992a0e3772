/**
 * How long the oldest click not yet stored has waited, to about a second,
 * without a timestamp per click: about once a second it notes the last
 * sequence number recorded by then.
 */
export function createPendingAge(now: () => number = Date.now) {
  const marks: { seq: number; at: number }[] = [];
  return {
    recorded(lastSeq: number) {
      const time = now();
      const last = marks.at(-1);
      if (last && time - last.at < 1000) last.seq = lastSeq;
      else marks.push({ seq: lastSeq, at: time });
    },
    committed(committedSeq: number) {
      while (marks.length > 0 && marks[0]!.seq <= committedSeq) marks.shift();
    },
    oldestSeconds(committedSeq: number): number {
      const oldest = marks.find((mark) => mark.seq > committedSeq);
      return oldest ? Math.max(0, (now() - oldest.at) / 1000) : 0;
    },
  };
}
