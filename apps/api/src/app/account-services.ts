import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import { createApiKeysRepository } from "../modules/api-keys/repository.js";
import { createApiKeysService } from "../modules/api-keys/service.js";
import { createUsersRepository } from "../modules/users/repository.js";
import { createUsersService } from "../modules/users/service.js";

/** The services the auth plugin asks on every request (an API key's account, whether an account is active). */
export function createAccountServices(app: App, config: AppConfig) {
  const apiKeys = createApiKeysService({
    repo: createApiKeysRepository(app.prisma),
    counters: app.counters,
    requestsPerMinute: config.rateLimits.apiKeyPerMinute,
    rateLimitsEnabled: config.rateLimits.enabled,
  });
  const users = createUsersService(createUsersRepository(app.prisma), { planLimits: config.planLimits });
  return { apiKeys, users };
}

export type AccountServices = ReturnType<typeof createAccountServices>;
