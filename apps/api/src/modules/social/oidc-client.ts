import * as oidc from "openid-client";
import type { SocialProviderConfig } from "../../config.js";
import { isLoopback } from "./loopback.js";
import type { ProviderClient } from "./provider-client.js";

/** Any OpenID Connect issuer (Google is one), configured by discovery, cached after the first success. */
export function oidcClient(provider: Extract<SocialProviderConfig, { kind: "oidc" }>): ProviderClient {
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
