import { useSocialProviders } from "../api/get-social-providers";

/** One button per configured provider; nothing at all when there are none. */
export function SocialButtons() {
  const providers = useSocialProviders();
  if (!providers.data?.length) return null;
  return (
    <div className="stack social">
      <p className="divider">
        <span>or</span>
      </p>
      {providers.data.map((provider) => (
        // A full navigation, not fetch: the provider's pages take over the browser.
        <a key={provider.id} className="btn btn-secondary" href={provider.initiate_url}>
          Continue with {provider.name}
        </a>
      ))}
    </div>
  );
}

const SOCIAL_ERRORS: Record<string, string> = {
  denied: "Sign-in was cancelled at the provider.",
  unverified_email: "The provider did not confirm your email address, so we could not sign you in with it.",
  state_mismatch: "That sign-in link was not started in this browser. Please try again.",
  expired: "That sign-in took too long or was already used. Please try again.",
  provider_error: "The provider could not confirm your sign-in. Please try again.",
  unavailable: "That sign-in provider is not reachable right now. Please try again later.",
  account_disabled: "This account has been disabled.",
};

export const socialErrorMessage = (reason: string | null) => (reason ? (SOCIAL_ERRORS[reason] ?? SOCIAL_ERRORS.provider_error!) : null);
