import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import type { PasswordHasher } from "../lib/password-hasher.js";
import { createLoginThrottle } from "../modules/auth/login-throttle.js";
import { createAuthService } from "../modules/auth/service.js";
import { createSessionsRepository } from "../modules/sessions/repository.js";
import { createSessionsService } from "../modules/sessions/service.js";
import { createProviderClient } from "../modules/social/provider-client.js";
import { createSocialRepository } from "../modules/social/repository.js";
import { createSocialService } from "../modules/social/service.js";
import type { AccountServices } from "./account-services.js";

export interface SignInServicesDeps {
  users: AccountServices["users"];
  hasher: PasswordHasher;
}

/** Signing in and staying signed in: sessions, password and social login (needs the auth plugin's token signer). */
export function createSignInServices(app: App, config: AppConfig, { users, hasher }: SignInServicesDeps) {
  const sessions = createSessionsService(createSessionsRepository(app.prisma), {
    ttlDays: config.refreshTokenTtlDays,
    secret: config.jwtSecret,
  });
  const auth = createAuthService({
    users,
    sessions,
    hasher,
    throttle: createLoginThrottle({
      counters: app.counters,
      enabled: config.rateLimits.enabled,
      failuresBeforeDelay: config.rateLimits.loginFailuresBeforeDelay,
      maxDelaySeconds: config.rateLimits.loginMaxDelaySeconds,
    }),
    signAccessToken: app.signAccessToken,
  });
  const social = createSocialService({
    providers: config.socialProviders.map((provider) => ({ config: provider, client: createProviderClient(provider) })),
    repo: createSocialRepository(app.prisma),
    users,
    auth,
    redirectUri: `${config.publicUrl}/api/auth/social/callback`,
  });
  return { sessions, auth, social };
}

export type SignInServices = ReturnType<typeof createSignInServices>;
