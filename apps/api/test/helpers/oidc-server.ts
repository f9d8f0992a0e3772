import { OAuth2Server } from "oauth2-mock-server";
import { afterAll } from "vitest";

export interface NextIdentity {
  sub: string;
  email: string;
  email_verified: boolean;
}

/** A real OpenID Connect provider on loopback; `identity` decides who signs in next. */
export async function startOidcServer() {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  await server.start(0, "127.0.0.1");
  const state: { identity: NextIdentity } = { identity: { sub: "user-1", email: "someone@example.com", email_verified: true } };
  server.service.on("beforeTokenSigning", (token) => {
    Object.assign(token.payload, state.identity);
  });
  afterAll(() => server.stop());
  return { issuer: server.issuer.url!, state, server };
}
