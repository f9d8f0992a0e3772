import fastifyWebsocket from "@fastify/websocket";
import type { App } from "../app.js";
import type { AppConfig } from "../config.js";
import { looksLikeApiKey } from "../modules/api-keys/service.js";
import authPlugin from "../plugins/auth.js";
import corsPlugin from "../plugins/cors.js";
import linkEventsPlugin from "../plugins/link-events.js";
import liveClicksPlugin from "../plugins/live-clicks.js";
import openApiPlugin from "../plugins/openapi.js";
import websocketHandshakePlugin from "../plugins/websocket-handshake.js";
import type { AccountServices } from "./account-services.js";

/** What the routes rely on: authentication, link-change events, live clicks and their WebSocket, CORS, the OpenAPI document. */
export async function registerRequestPlugins(app: App, config: AppConfig, { apiKeys, users }: AccountServices): Promise<void> {
  await app.register(authPlugin, {
    secret: config.jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    apiKeys: { matches: looksLikeApiKey, authenticate: apiKeys.authenticate },
    isActiveUser: users.isActive,
  });
  await app.register(linkEventsPlugin);
  await app.register(liveClicksPlugin);
  // Client messages are tiny (auth, ping); anything larger is refused by the ws server.
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 8 * 1024 },
    // A client breaking the protocol (ws's WS_ERR_* codes: an oversized frame, a bad opcode) is the client's
    // fault, already answered by ws with a close code: a line at info, not an error with a stack.
    errorHandler(error, socket, request) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code?.startsWith("WS_ERR_")) request.log.info({ code, reason: error.message }, "live socket closed: client broke the protocol");
      else request.log.error({ err: error }, "live socket failed");
      socket.terminate();
    },
  });
  await app.register(websocketHandshakePlugin);
  await app.register(corsPlugin, { origins: config.corsOrigins });
  // Before any route: it documents routes as they are registered.
  await app.register(openApiPlugin, { version: config.version, publicUrl: config.publicUrl });
}
