import type { App } from "../app.js";
import type { AccountServices } from "./account-services.js";

/** ADMIN_EMAILS: made admins at every start (an email without an account yet is said, and applied next start). */
export function grantAdminsOnReady(app: App, users: AccountServices["users"], adminEmails: string[]): void {
  app.addHook("onReady", async () => {
    const missing = await users.grantAdmin(adminEmails);
    if (missing.length > 0) app.log.warn({ emails: missing }, "ADMIN_EMAILS names emails without an account");
  });
}
