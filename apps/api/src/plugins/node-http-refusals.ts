// Two requests Node's HTTP server refuses itself, with an empty body: an
// HTTP/1.1 request without Host (RFC 9112 §3.2 asks for a 400) and an Expect
// other than 100-continue (417). Here they get the contract's JSON instead.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { ERROR_STATUS } from "@shortly/contract";
import { bodyOf, JSON_HEADERS } from "./json-error-body.js";

type Refusal = "MISSING_HOST" | "EXPECTATION_FAILED" | "BAD_REQUEST";

/** The contract's error body, then the connection closes. */
export function refuse(res: ServerResponse, code: Refusal): void {
  const body = bodyOf(code);
  res.shouldKeepAlive = false;
  res.writeHead(ERROR_STATUS[code], { ...JSON_HEADERS, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

/** From the raw list: `req.headers` would build an object of every header on each request. */
function hasHost(rawHeaders: string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.length === 4 && rawHeaders[i]!.toLowerCase() === "host") return true;
  return false;
}

/** Wraps the server's request handler; the server must be created with `requireHostHeader: false`. */
export function refuseWithoutHost(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && !hasHost(req.rawHeaders)) return refuse(res, "MISSING_HOST");
    handler(req, res);
  };
}

export function refuseUnknownExpectations(server: Server): void {
  server.on("checkExpectation", (_req, res) => refuse(res, "EXPECTATION_FAILED"));
}
