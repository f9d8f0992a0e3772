// A real OpenID Connect provider on loopback for the browser suite. It signs
// in whoever asks as one verified user, like a company SSO would.
import { OAuth2Server } from "oauth2-mock-server";
import { OIDC_PORT } from "./api-env.mjs";

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");
server.service.on("beforeTokenSigning", (token) => {
  Object.assign(token.payload, { sub: "acme-e2e-user", email: "sso.user@acme.example", email_verified: true });
});
await server.start(OIDC_PORT, "127.0.0.1");
