import { ERROR_MESSAGES } from "@shortly/contract";
import { AppError } from "../../lib/app-error.js";

export class EmailTakenError extends AppError {
  constructor() {
    super("EMAIL_TAKEN", ERROR_MESSAGES.EMAIL_TAKEN);
  }
}
