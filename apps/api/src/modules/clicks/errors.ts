import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

/** Backpressure: a click that cannot be kept is not answered with a redirect either. */
export class ClicksUnavailableError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super("SERVICE_UNAVAILABLE", ERROR_MESSAGES.SERVICE_UNAVAILABLE, { "retry-after": "5" });
    if (options?.cause) this.cause = options.cause;
  }
}
