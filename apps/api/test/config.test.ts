import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../src/config.js";

const noFiles = (file: string): string => {
  throw new Error(`unexpected read of ${file}`);
};

describe("parseEnv", () => {
  it("has safe development defaults: bcrypt cost 12, a free plan of 3, no CORS", () => {
    const env = parseEnv({}, noFiles);
    expect(env).toMatchObject({ PORT: 8080, BCRYPT_ROUNDS: 12, PLAN_FREE_MAX_LINKS: 3, CORS_ORIGINS: [], TRUST_PROXY: [] });
    expect(env.JWT_SECRET).toBeUndefined();
  });

  it("refuses to start in production without a secret, a database and a public URL", () => {
    expect(() => parseEnv({ NODE_ENV: "production" }, noFiles)).toThrow(ConfigError);
    expect(() => parseEnv({ NODE_ENV: "production" }, noFiles)).toThrow(/JWT_SECRET[\s\S]*DATABASE_URL[\s\S]*PUBLIC_URL/);
  });

  it("stops at a renamed variable instead of running on the default", () => {
    expect(() => parseEnv({ FREE_PLAN_LINK_LIMIT: "50" }, noFiles)).toThrow("FREE_PLAN_LINK_LIMIT is now called PLAN_FREE_MAX_LINKS");
    expect(parseEnv({ PLAN_FREE_MAX_LINKS: "50", PLAN_PRO_MAX_LINKS: "1000" }, noFiles)).toMatchObject({
      PLAN_FREE_MAX_LINKS: 50,
      PLAN_PRO_MAX_LINKS: 1000,
    });
  });

  it("bounds the click writer's batches: 200,000 clicks by default, 100 to 1,000,000", () => {
    expect(parseEnv({}, noFiles).CLICK_MAX_BATCH).toBe(200_000);
    expect(parseEnv({ CLICK_MAX_BATCH: "5000" }, noFiles).CLICK_MAX_BATCH).toBe(5000);
    for (const bad of ["99", "1000001", "many"]) expect(() => parseEnv({ CLICK_MAX_BATCH: bad }, noFiles), bad).toThrow(/CLICK_MAX_BATCH/);
  });

  it("reads secrets from *_FILE", () => {
    const env = parseEnv(
      {
        NODE_ENV: "production",
        JWT_SECRET_FILE: "/run/secrets/jwt",
        DATABASE_URL: "postgresql://u@db/shortly",
        PUBLIC_URL: "https://sho.rt",
      },
      () => "s".repeat(40) + "\n",
    );
    expect(env.JWT_SECRET).toBe("s".repeat(40));
  });

  it("lists every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "http", JWT_SECRET: "short", CORS_ORIGINS: "a, b" }, noFiles)).toThrow(/PORT[\s\S]*JWT_SECRET/);
    expect(parseEnv({ CORS_ORIGINS: "http://a.test, http://b.test" }, noFiles).CORS_ORIGINS).toEqual(["http://a.test", "http://b.test"]);
  });
});
