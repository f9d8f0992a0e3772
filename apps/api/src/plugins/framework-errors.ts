// Answers Fastify and Node give before any route or hook runs, in the
// contract's shape: the router's refusals (`frameworkErrors`) and malformed
// HTTP on the socket (`clientErrorHandler`). Both are Fastify options, set in fastify-instance.ts.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { ERROR_STATUS } from "@shortly/contract";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { bodyOf, JSON_HEADERS } from "./json-error-body.js";

type EdgeCode = "BAD_REQUEST" | "MALFORMED_URL" | "URI_TOO_LONG" | "REQUEST_TIMEOUT" | "HEADERS_TOO_LARGE";

/** The router could not match the URL at all: undecodable, or a parameter over the router's length. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code: EdgeCode =
    error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "URI_TOO_LONG" : error.code === "FST_ERR_BAD_URL" ? "MALFORMED_URL" : "BAD_REQUEST";
  // An upgrade request's socket belongs to nobody once answered here (no route's hooks run): close it, or it stays open.
  const isUpgrade = request.headers.upgrade !== undefined && /\bupgrade\b/i.test(request.headers.connection ?? "");
  if (isUpgrade) reply.raw.once("finish", () => request.raw.socket.destroy());
  void reply.code(ERROR_STATUS[code]).headers(JSON_HEADERS).send(bodyOf(code));
}

function clientErrorCode(error: NodeJS.ErrnoException): EdgeCode {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return "REQUEST_TIMEOUT";
  if (error.code === "HPE_HEADER_OVERFLOW") return "HEADERS_TOO_LARGE";
  if (error.code === "HPE_URI_TOO_LONG") return "URI_TOO_LONG";
  return "BAD_REQUEST";
}

/** Node could not parse the request (request line, a header, a chunk): answer once, then close. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  if (socket.writable) {
    const code = clientErrorCode(error);
    const status = ERROR_STATUS[code];
    const body = bodyOf(code);
    const headers = { ...JSON_HEADERS, "content-length": String(Buffer.byteLength(body)), connection: "close" };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join("")}\r\n${body}`);
  }
  socket.destroy(error);
}
