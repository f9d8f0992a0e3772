import type { FastifyInstance } from "fastify";
import { createAccountServices } from "./app/account-services.js";
import { createAnalyticsAdminServices } from "./app/analytics-admin-services.js";
import { grantAdminsOnReady } from "./app/admin-emails.js";
import { registerApiRoutes } from "./app/api-routes.js";
import { createClickPipeline } from "./app/click-pipeline.js";
import { registerInfrastructure } from "./app/infrastructure-plugins.js";
import { createAppLinkCache } from "./app/link-cache-setup.js";
import { createLinkServices } from "./app/link-services.js";
import { registerRequestPlugins } from "./app/request-plugins.js";
import { createSignInServices } from "./app/sign-in-services.js";
import { registerSiteRoutes } from "./app/site-routes.js";
import { registerSystemRoutes } from "./app/system-routes.js";
import type { AppConfig } from "./config.js";
import { createFastify, type FastPathSlot } from "./fastify-instance.js";
import { createPasswordHasher } from "./lib/password-hasher.js";
import { createFastRedirect } from "./modules/redirect/fast-route.js";

/** The Fastify instance the parts in app/ are composed on. */
export type App = ReturnType<typeof createFastify>;

/** Builds the whole app (used by server.ts and by every test); never listens. The order of these steps is the order of plugins and hooks. */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  // Plain redirects are answered before Fastify (modules/redirect/fast-route.ts), once the app is composed.
  const fastPath: FastPathSlot = { handler: null };
  const app = createFastify(config, fastPath);
  await registerInfrastructure(app, config);
  const accounts = createAccountServices(app, config);
  await registerRequestPlugins(app, config, accounts);
  const clickRecorder = createClickPipeline(app, config);
  const linkCache = createAppLinkCache(app, config);
  // Composition root: repositories → services (app/*-services.ts), handed to the route plugins and the fast path.
  const hasher = await createPasswordHasher(config.bcryptRounds);
  const signIn = createSignInServices(app, config, { users: accounts.users, hasher });
  const linkServices = createLinkServices(app, config, { users: accounts.users, hasher, clickRecorder, linkCache });
  const analyticsAdmin = createAnalyticsAdminServices(app, { ...linkServices, sessions: signIn.sessions, apiKeys: accounts.apiKeys });
  fastPath.handler = createFastRedirect(linkServices.redirects, config.trustProxy);

  await registerSystemRoutes(app, config, clickRecorder);
  await registerApiRoutes(app, config, { ...accounts, ...signIn, ...linkServices, ...analyticsAdmin });
  grantAdminsOnReady(app, accounts.users, config.adminEmails);
  await registerSiteRoutes(app, config, linkServices.redirects);
  return app;
}
