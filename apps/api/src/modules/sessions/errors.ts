import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

export class SessionExpiredError extends AppError {
  constructor() {
    super("SESSION_EXPIRED", ERROR_MESSAGES.SESSION_EXPIRED);
  }
}

/**
 * A refresh that lost a race within the grace period: its token's successor
 * was already used by the winner. Nothing was revoked, and the cookie the
 * client holds now (the winner's, in a browser) must stay.
 */
export class RotationLostError extends SessionExpiredError {}
