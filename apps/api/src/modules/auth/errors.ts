import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

/** One answer for an unknown email and a wrong password, so accounts cannot be probed. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super("INVALID_CREDENTIALS", ERROR_MESSAGES.INVALID_CREDENTIALS, { "www-authenticate": "Bearer" });
  }
}
