import { describe, expect, it } from "vitest";
import { setToken } from "../../lib/auth-token";
import { requireAuth } from "../require-auth";

const args = (url: string) => ({ request: new Request(url), params: {}, context: {} }) as Parameters<typeof requireAuth>[0];

describe("requireAuth", () => {
  it("sends a visitor without a token to login, remembering where they were going", () => {
    let thrown: unknown;
    try {
      requireAuth(args("http://localhost/links/abc1234?tab=1"));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/login?next=%2Flinks%2Fabc1234%3Ftab%3D1");
  });

  it("lets a signed-in user through", () => {
    setToken("token");
    expect(requireAuth(args("http://localhost/dashboard"))).toBeNull();
  });
});
