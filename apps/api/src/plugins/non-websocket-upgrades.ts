// Node hands every request with an Upgrade header to the server's 'upgrade'
// listeners, and @fastify/websocket sends each of them to ws, which can only
// refuse them. An upgrade to anything but WebSocket (curl --http2 asks for h2c
// on plain HTTP) is answered as the plain request it also is: a server may
// ignore an Upgrade it does not speak (RFC 9110 §7.8).
import { type IncomingMessage, type Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { refuse } from "./node-http-refusals.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const isWebSocketUpgrade = (req: IncomingMessage) => req.headers.upgrade?.trim().toLowerCase() === "websocket";

/**
 * Node stops parsing the socket at an upgrade, so the answer closes the
 * connection. A body would have to be read from the socket by hand: such a
 * request gets the contract's 400 instead.
 */
function answerPlainly(handler: Handler, req: IncomingMessage, socket: Socket): void {
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.once("finish", () => socket.end());
  socket.once("error", () => socket.destroy());
  const hasBody = (req.headers["content-length"] ?? "0") !== "0" || req.headers["transfer-encoding"] !== undefined;
  if (!hasBody) return handler(req, res);
  refuse(res, "BAD_REQUEST");
}

/** Lets only WebSocket upgrades reach the 'upgrade' listeners; the rest go to `handler` as plain requests. */
export function answerNonWebSocketUpgrades(server: Server, handler: Handler): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === "upgrade" && !isWebSocketUpgrade(args[0] as IncomingMessage)) {
      answerPlainly(handler, args[0] as IncomingMessage, args[1] as Socket);
      return true;
    }
    return emit(event, ...args);
  }) as Server["emit"];
}
