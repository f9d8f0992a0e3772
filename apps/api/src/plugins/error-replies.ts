import { ERROR_MESSAGES, toValidationIssues } from "@shortly/contract";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../lib/app-error.js";
import { isDatabaseUnavailable } from "../lib/database-unavailable.js";
import { fromFrameworkError, keepReadingRefusedBody } from "./refused-body.js";
import { RequestValidationError } from "./validation.js";

/** Answers an error thrown by a route or hook, by its family. */
export function replyWithError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // A route may have named its own body (a CSV's type and file name) before failing: the error is JSON.
  reply.removeHeader("content-type").removeHeader("content-disposition");
  if (error instanceof AppError) {
    return reply.code(error.statusCode).headers(error.headers).send({ detail: error.detail });
  }
  if (error instanceof RequestValidationError) {
    return reply.code(422).send({ detail: toValidationIssues(error.issues, error.location) });
  }
  const known = fromFrameworkError(error);
  if (known) {
    keepReadingRefusedBody(request, reply);
    return reply.code(known.status).send(known.body);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ detail: error.message });
  }
  if (isDatabaseUnavailable(error)) {
    // Transient: clients retry a 503 with backoff; a 500 would read as a bug.
    request.log.warn({ err: error, method: request.method, url: request.url }, "database unavailable");
    return reply.code(503).header("retry-after", "5").send({ detail: ERROR_MESSAGES.SERVICE_UNAVAILABLE });
  }
  request.log.error({ err: error, method: request.method, url: request.url }, "unhandled error");
  return reply.code(500).send({ detail: ERROR_MESSAGES.INTERNAL });
}
