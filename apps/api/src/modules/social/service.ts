import type { SocialProvider } from "@shortly/contract";
import type { SocialProviderConfig } from "../../config.js";
import type { AuthService, SignedIn } from "../auth/service.js";
import type { UsersService } from "../users/service.js";
import { createAccountLinking } from "./account-linking.js";
import { SocialLoginError } from "./errors.js";
import { newFlowChecks, type ProviderClient } from "./provider-client.js";
import type { SocialRepository } from "./repository.js";

const ATTEMPT_TTL_MS = 10 * 60_000;

export interface SocialServiceDeps {
  providers: Array<{ config: SocialProviderConfig; client: ProviderClient }>;
  repo: SocialRepository;
  users: UsersService;
  auth: AuthService;
  /** Where providers send the browser back: PUBLIC_URL + /api/auth/social/callback. */
  redirectUri: string;
  clock?: () => Date;
}

/**
 * Sign-in with Google, GitHub or any OpenID Connect issuer: authorization
 * code flow with state (bound to the browser by a cookie and consumed once),
 * PKCE and, for OIDC, a nonce. An identity is linked to an existing account
 * only through an email address the provider has verified.
 */
export function createSocialService({ providers, repo, users, auth, redirectUri, clock = () => new Date() }: SocialServiceDeps) {
  const byId = new Map<string, (typeof providers)[number]>(providers.map((p) => [p.config.id, p]));
  const accountFor = createAccountLinking(repo, users);

  return {
    has: (id: string) => byId.has(id),

    list: (): SocialProvider[] =>
      providers.map(({ config }) => ({ id: config.id, name: config.name, initiate_url: `/api/auth/social/${config.id}/initiate` })),

    /** Starts a flow: the provider URL to send the browser to, and the state to bind to it. */
    async initiate(providerId: string): Promise<{ url: URL; state: string }> {
      const provider = byId.get(providerId);
      if (!provider) throw new SocialLoginError("unavailable");
      const checks = newFlowChecks();
      const url = await provider.client.authorizationUrl(redirectUri, checks).catch((cause: unknown) => {
        throw new SocialLoginError("unavailable", { cause });
      });
      await repo.deleteExpiredAttempts(clock());
      await repo.saveAttempt({ provider: providerId, ...checks, expiresAt: new Date(clock().getTime() + ATTEMPT_TTL_MS) });
      return { url, state: checks.state };
    },

    /** Finishes a flow from the provider's redirect back to us (`search` is that request's query string). */
    async complete(search: string, stateFromCookie: string | undefined): Promise<SignedIn> {
      const callbackUrl = new URL(redirectUri);
      callbackUrl.search = search;
      if (callbackUrl.searchParams.has("error")) throw new SocialLoginError("denied");
      const state = callbackUrl.searchParams.get("state");
      if (!state || !stateFromCookie || state !== stateFromCookie) throw new SocialLoginError("state_mismatch");
      const attempt = await repo.consumeAttempt(state, clock());
      if (!attempt) throw new SocialLoginError("expired");
      const provider = byId.get(attempt.provider);
      if (!provider) throw new SocialLoginError("unavailable");
      const identity = await provider.client
        .identity(callbackUrl, { state: attempt.state, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier })
        .catch((cause: unknown) => {
          throw new SocialLoginError("provider_error", { cause });
        });
      const userId = await accountFor(attempt.provider, identity);
      if (!(await users.isActive(userId))) throw new SocialLoginError("account_disabled");
      return auth.signIn(userId);
    },
  };
}

export type SocialService = ReturnType<typeof createSocialService>;
