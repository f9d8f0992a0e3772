/** Why a social login failed; the reason goes back to the SPA as ?social_error=. */
export type SocialFailure =
  "state_mismatch" | "expired" | "denied" | "provider_error" | "unverified_email" | "unavailable" | "account_disabled";

export class SocialLoginError extends Error {
  constructor(
    readonly reason: SocialFailure,
    options?: { cause?: unknown },
  ) {
    super(`social login failed: ${reason}`, options);
    this.name = "SocialLoginError";
  }
}
