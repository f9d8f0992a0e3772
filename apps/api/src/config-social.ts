// Social login: the providers' variables, and the providers they enable.
import { z } from "zod";
import type { Env } from "./config-env.js";

export const socialVariables = {
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  /** GitHub Enterprise: the web and API base URLs. */
  GITHUB_URL: z.url().default("https://github.com"),
  GITHUB_API_URL: z.url().default("https://api.github.com"),
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_PROVIDER_NAME: z.string().default("Single sign-on"),
};

export type SocialProviderConfig =
  | { id: "google" | "oidc"; name: string; kind: "oidc"; issuer: string; clientId: string; clientSecret: string }
  | { id: "github"; name: string; kind: "github"; clientId: string; clientSecret: string; webUrl: string; apiUrl: string };

/** A provider is enabled when its client id and secret (and, for OIDC, issuer) are all set. */
export function socialProviders(env: Env): SocialProviderConfig[] {
  const providers: SocialProviderConfig[] = [];
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push({
      id: "google",
      name: "Google",
      kind: "oidc",
      issuer: "https://accounts.google.com",
      clientId: env.GOOGLE_CLIENT_ID,
      clientSecret: env.GOOGLE_CLIENT_SECRET,
    });
  }
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push({
      id: "github",
      name: "GitHub",
      kind: "github",
      clientId: env.GITHUB_CLIENT_ID,
      clientSecret: env.GITHUB_CLIENT_SECRET,
      webUrl: env.GITHUB_URL.replace(/\/+$/, ""),
      apiUrl: env.GITHUB_API_URL.replace(/\/+$/, ""),
    });
  }
  if (env.OIDC_ISSUER_URL && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_PROVIDER_NAME,
      kind: "oidc",
      issuer: env.OIDC_ISSUER_URL,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
    });
  }
  return providers;
}
