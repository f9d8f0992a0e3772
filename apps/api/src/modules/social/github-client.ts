import * as oidc from "openid-client";
import type { SocialProviderConfig } from "../../config.js";
import { isLoopback } from "./loopback.js";
import type { ProviderClient } from "./provider-client.js";

/** GitHub speaks OAuth 2 without OpenID Connect: the identity comes from its REST API. */
export function githubClient(provider: Extract<SocialProviderConfig, { kind: "github" }>): ProviderClient {
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
