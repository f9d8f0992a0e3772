import * as oidc from "openid-client";
import type { SocialProviderConfig } from "../../config.js";
import { githubClient } from "./github-client.js";
import { oidcClient } from "./oidc-client.js";

/** What we accept from a provider: a stable subject and an email, with whether the provider verified it. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface ProviderClient {
  authorizationUrl(redirectUri: string, checks: FlowChecks): Promise<URL>;
  /** Exchanges the callback's code (checking state, nonce and PKCE) for the verified identity. */
  identity(callbackUrl: URL, checks: FlowChecks): Promise<ProviderIdentity>;
}

export function createProviderClient(provider: SocialProviderConfig): ProviderClient {
  return provider.kind === "github" ? githubClient(provider) : oidcClient(provider);
}

export const newFlowChecks = (): FlowChecks => ({
  state: oidc.randomState(),
  nonce: oidc.randomNonce(),
  codeVerifier: oidc.randomPKCECodeVerifier(),
});
