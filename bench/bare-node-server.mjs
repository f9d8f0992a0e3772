// The ceiling: a bare Node http server answering the same 302 as the redirect, nothing else.
// With "later" it answers in the next event-loop turn (setImmediate), as the redirect's fast
// path does once the turn's clicks are spooled: Node serves that pattern faster (docs/performance.md).
import { createServer } from "node:http";

const later = process.argv[3] === "later";
const answer = (res) => {
  res.writeHead(302, { "cache-control": "private, no-store", location: "https://example.com/", "content-length": "0" });
  res.end();
};
createServer((_req, res) => (later ? setImmediate(answer, res) : answer(res))).listen(Number(process.argv[2]), "127.0.0.1");
