import * as oidc from "openid-client";
import type { SocialProviderConfig } from "../../config.js";

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

// Plain http is allowed only for an issuer on this machine (local development and tests).
const isLoopback = (url: URL) => url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

/** Any OpenID Connect issuer (Google is one), configured by discovery, cached after the first success. */
function oidcClient(provider: Extract<SocialProviderConfig, { kind: "oidc" }>): ProviderClient {
  let configuration: Promise<oidc.Configuration> | null = null;
  const config = () => {
    const issuer = new URL(provider.issuer);
    configuration ??= oidc
      .discovery(issuer, provider.clientId, provider.clientSecret, undefined, {
        execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 5,
      })
      .catch((error: unknown) => {
        configuration = null; // try discovery again next time
        throw error;
      });
    return configuration;
  };
  return {
    async authorizationUrl(redirectUri, { state, nonce, codeVerifier }) {
      return oidc.buildAuthorizationUrl(await config(), {
        redirect_uri: redirectUri,
        scope: "openid email profile",
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
      });
    },
    async identity(callbackUrl, { state, nonce, codeVerifier }) {
      const tokens = await oidc.authorizationCodeGrant(await config(), callbackUrl, {
        expectedState: state,
        expectedNonce: nonce,
        pkceCodeVerifier: codeVerifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("no ID token claims");
      return {
        subject: claims.sub,
        email: typeof claims.email === "string" ? claims.email : null,
        emailVerified: claims.email_verified === true,
      };
    },
  };
}

/** GitHub speaks OAuth 2 without OpenID Connect: the identity comes from its REST API. */
function githubClient(provider: Extract<SocialProviderConfig, { kind: "github" }>): ProviderClient {
  const config = new oidc.Configuration(
    {
      issuer: provider.webUrl,
      authorization_endpoint: `${provider.webUrl}/login/oauth/authorize`,
      token_endpoint: `${provider.webUrl}/login/oauth/access_token`,
    },
    provider.clientId,
    provider.clientSecret,
  );
  if (isLoopback(new URL(provider.webUrl))) oidc.allowInsecureRequests(config);
  const api = async <T>(token: string, path: string): Promise<T> => {
    const url = new URL(`${provider.apiUrl}${path}`);
    const res = await oidc.fetchProtectedResource(
      config,
      token,
      url,
      "GET",
      undefined,
      new Headers({ accept: "application/vnd.github+json" }),
    );
    if (!res.ok) throw new Error(`GitHub API ${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    async authorizationUrl(redirectUri, { state, codeVerifier }) {
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: "read:user user:email",
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
      });
    },
    async identity(callbackUrl, { state, codeVerifier }) {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { expectedState: state, pkceCodeVerifier: codeVerifier });
      const user = await api<{ id: number }>(tokens.access_token, "/user");
      const emails = await api<Array<{ email: string; primary: boolean; verified: boolean }>>(tokens.access_token, "/user/emails");
      const primary = emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified);
      return { subject: String(user.id), email: primary?.email ?? null, emailVerified: Boolean(primary) };
    },
  };
}

export function createProviderClient(provider: SocialProviderConfig): ProviderClient {
  return provider.kind === "github" ? githubClient(provider) : oidcClient(provider);
}

export const newFlowChecks = (): FlowChecks => ({
  state: oidc.randomState(),
  nonce: oidc.randomNonce(),
  codeVerifier: oidc.randomPKCECodeVerifier(),
});
