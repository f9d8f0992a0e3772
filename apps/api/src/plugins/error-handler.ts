import fp from "fastify-plugin";
import { replyWithError } from "./error-replies.js";
import { answerUnmatched } from "./not-found.js";

/**
 * Every error leaves as the contract's `{"detail": ...}` JSON: domain errors
 * with their status, validation as FastAPI's 422 list, framework client
 * errors by their status, an unreachable database as a retryable 503, and
 * anything else as a logged, generic 500.
 */
export default fp(
  async (app) => {
    app.setErrorHandler(replyWithError);
    answerUnmatched(app);
  },
  { name: "error-handler", fastify: "5.x" },
);
