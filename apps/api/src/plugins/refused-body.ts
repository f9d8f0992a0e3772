import { ERROR_MESSAGES, type ErrorBody } from "@shortly/contract";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";

/** Fastify's own client errors that the contract gives a fixed answer. */
export function fromFrameworkError(error: FastifyError): { status: number; body: ErrorBody } | null {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 422, body: { detail: [{ loc: ["body"], msg: "JSON decode error", type: "value_error.jsondecode" }] } };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, body: { detail: ERROR_MESSAGES.PAYLOAD_TOO_LARGE } };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, body: { detail: ERROR_MESSAGES.UNSUPPORTED_MEDIA_TYPE } };
    default:
      return null;
  }
}

/** Past this much of a refused body the client is cut off, answered or not. */
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/**
 * Fastify closes the connection on a body it refuses (too large, bad JSON,
 * unsupported type) while the client may still be sending it; the unread bytes
 * then turn the close into a TCP reset, and the client never reads the answer.
 * Reading the rest and discarding it, up to a bound, keeps the answer readable.
 */
export function keepReadingRefusedBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete || raw.destroyed) return;
  reply.removeHeader("connection");
  let discarded = 0;
  raw.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) raw.socket.destroy();
  });
  raw.resume();
}
