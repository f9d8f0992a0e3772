import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export interface GithubAccount {
  id: number;
  emails: Array<{ email: string; primary: boolean; verified: boolean }>;
}

/**
 * GitHub's OAuth web flow and the two REST endpoints we read, on loopback:
 * authorize (checks nothing but remembers the PKCE challenge), token (checks
 * the code once and the PKCE verifier), /user and /user/emails.
 */
export async function startFakeGithub() {
  const state: { account: GithubAccount } = {
    account: { id: 1001, emails: [{ email: "octo@example.com", primary: true, verified: true }] },
  };
  const codes = new Map<string, { challenge: string; account: GithubAccount }>();
  const tokens = new Map<string, GithubAccount>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/login/oauth/authorize") {
      const code = randomBytes(8).toString("hex");
      codes.set(code, { challenge: url.searchParams.get("code_challenge") ?? "", account: state.account });
      const back = new URL(url.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      return res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const params = new URLSearchParams(body);
      const grant = codes.get(params.get("code") ?? "");
      codes.delete(params.get("code") ?? "");
      const verifier = params.get("code_verifier") ?? "";
      if (!grant || createHash("sha256").update(verifier).digest("base64url") !== grant.challenge)
        return json(400, { error: "bad_verification_code" });
      const token = randomBytes(8).toString("hex");
      tokens.set(token, grant.account);
      return json(200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
    }
    const account = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /i, ""));
    if (!account) return json(401, { message: "Bad credentials" });
    if (url.pathname === "/api/user") return json(200, { id: account.id, login: "octocat" });
    if (url.pathname === "/api/user/emails") return json(200, account.emails);
    return json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { webUrl: base, apiUrl: `${base}/api`, state };
}
