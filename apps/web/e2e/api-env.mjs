// Settings the API gets in the browser suite, whether it runs behind nginx
// (scripts/e2e.mjs) or alone (playwright.config.ts).
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 8790);

export const e2eApiEnv = {
  // The local OpenID Connect provider (e2e/oidc-server.mjs).
  OIDC_ISSUER_URL: `http://localhost:${OIDC_PORT}`, // the issuer name the provider announces
  OIDC_CLIENT_ID: "shortly-e2e",
  OIDC_CLIENT_SECRET: "e2e-only-client-secret",
  OIDC_PROVIDER_NAME: "Acme SSO",
  // Every simulated user comes from one address; the per-account limits stay as in production.
  RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: "500",
  RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: "500",
  RATE_LIMIT_REFRESH_PER_IP_PER_MINUTE: "500",
};
