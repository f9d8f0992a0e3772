import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { errorBodySchema } from "@shortly/contract";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { nonJsonResponses } from "./openapi-non-json.js";
import { SECURITY, SECURITY_SCHEMES } from "./openapi-security.js";

/**
 * The API's OpenAPI 3.1 document, generated from the routes' zod schemas (the
 * contract) as they are registered, at /api/openapi.json; an interactive
 * reference (Swagger UI, served from this origin) at /api/docs. Every
 * operation also documents the contract's error body for 4XX and 5XX.
 */
export default fp<{ version: string; publicUrl: string }>(
  async (app, { version, publicUrl }) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "Shortly API",
          version,
          description:
            'Short links, redirects and click statistics. Errors are `{"detail": ...}`; validation errors are a 422 list of `{loc, msg, type}`.',
        },
        servers: [{ url: publicUrl }],
        components: { securitySchemes: SECURITY_SCHEMES },
      },
      transform: (input) => {
        const schema = { ...(input.schema ?? {}) } as Record<string, unknown> & { response?: Record<string, unknown> };
        schema.response = { "4XX": errorBodySchema, "5XX": errorBodySchema, ...(schema.response ?? {}) };
        const security = SECURITY.find(([pattern]) => pattern.test(input.url))?.[1];
        if (security && !schema.security) schema.security = security;
        const transformed = jsonSchemaTransform({ ...input, schema } as Parameters<typeof jsonSchemaTransform>[0]);
        const response = (transformed.schema as { response?: Record<string, unknown> }).response;
        return {
          ...transformed,
          schema: { ...transformed.schema, response: { ...nonJsonResponses(input.route.method, input.url), ...response } },
        };
      },
    });
    await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: false, uiConfig: { deepLinking: true } });

    // GET /api/openapi.json – the document itself
    app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  },
  { name: "openapi", fastify: "5.x" },
);
