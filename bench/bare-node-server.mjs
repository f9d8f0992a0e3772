// The ceiling: a bare Node http server answering the same 302 as the redirect, nothing else.
import { createServer } from "node:http";

createServer((_req, res) => {
  res.writeHead(302, { "cache-control": "private, no-store", location: "https://example.com/", "content-length": "0" });
  res.end();
}).listen(Number(process.argv[2]), "127.0.0.1");
