// A tiny local page that short links in the e2e suite point to.
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 8789);
createServer((req, res) => {
  if (req.url === "/health") return res.writeHead(200).end("ok");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><title>Destination</title><h1>Destination reached</h1><p id="path">${encodeURI(req.url ?? "")}</p>`);
}).listen(port, "127.0.0.1");
