import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

/**
 * 503 with Retry-After on the redirect path: the click cannot be kept
 * (backpressure) or the link cannot be looked up (database unreachable).
 */
export class ClicksUnavailableError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super("SERVICE_UNAVAILABLE", ERROR_MESSAGES.SERVICE_UNAVAILABLE, { "retry-after": "5" });
    if (options?.cause) this.cause = options.cause;
  }
}
