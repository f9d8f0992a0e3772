import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

export class SessionExpiredError extends AppError {
  constructor() {
    super("SESSION_EXPIRED", ERROR_MESSAGES.SESSION_EXPIRED);
  }
}
