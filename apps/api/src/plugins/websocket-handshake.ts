import type { IncomingHttpHeaders } from "node:http";
import { ERROR_MESSAGES, LIVE_PATH } from "@shortly/contract";
import fp from "fastify-plugin";

const TOKEN_LIST = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+(\s*,\s*[!#$%&'*+\-.^_`|~0-9A-Za-z]+)*$/;

/** What ws checks before it upgrades (RFC 6455 §4.2.1); it answers a failure with an HTML page of its own. */
function isValidHandshake(headers: IncomingHttpHeaders): boolean {
  const protocol = headers["sec-websocket-protocol"];
  return (
    headers.upgrade?.toLowerCase() === "websocket" &&
    /^[+/0-9A-Za-z]{22}==$/.test(headers["sec-websocket-key"] ?? "") &&
    (headers["sec-websocket-version"] === "13" || headers["sec-websocket-version"] === "8") &&
    (protocol === undefined || TOKEN_LIST.test(protocol))
  );
}

/**
 * @fastify/websocket hands every upgrade request, on any route, to ws. Before
 * that happens: a malformed handshake gets the contract's 400, and an upgrade
 * to any path but the live socket's gets the contract's 404, instead of ws's
 * HTML or an upgrade that is closed at once.
 */
export default fp(
  async (app) => {
    app.addHook("onRequest", async (request, reply) => {
      if (!request.ws) return;
      if (!isValidHandshake(request.headers)) return reply.code(400).send({ detail: ERROR_MESSAGES.BAD_WEBSOCKET_HANDSHAKE });
      if (request.routeOptions.url !== LIVE_PATH) return reply.code(404).send({ detail: ERROR_MESSAGES.NOT_FOUND });
    });
  },
  { name: "websocket-handshake", fastify: "5.x", dependencies: ["@fastify/websocket"] },
);
