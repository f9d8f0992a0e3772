import { serializerCompiler } from "fastify-type-provider-zod";
import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import errorHandlerPlugin from "../plugins/error-handler.js";
import jsonParserPlugin from "../plugins/json-parser.js";
import pgPoolPlugin from "../plugins/pg-pool.js";
import prismaPlugin from "../plugins/prisma.js";
import rateLimitPlugin from "../plugins/rate-limit.js";
import redisPlugin from "../plugins/redis.js";
import routeTablePlugin from "../plugins/route-table.js";
import securityHeadersPlugin from "../plugins/security-headers.js";
import { zodValidatorCompiler } from "../plugins/validation.js";

/** What everything else stands on: validation, errors, headers, body parsing, the database pools, Redis and the limits' counters. */
export async function registerInfrastructure(app: App, config: AppConfig): Promise<void> {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(routeTablePlugin);
  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(jsonParserPlugin);
  await app.register(prismaPlugin, { databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize });
  await app.register(pgPoolPlugin, { databaseUrl: config.databaseUrl, redirectPoolSize: config.dbPoolSize });
  await app.register(redisPlugin, { url: config.redisUrl });
  await app.register(rateLimitPlugin, { enabled: config.rateLimits.enabled });
}
