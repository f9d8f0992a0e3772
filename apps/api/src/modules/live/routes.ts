import {
  ERROR_MESSAGES,
  LIVE_CLOSE,
  LIVE_PATH,
  liveClientMessageSchema,
  liveHealthResponseSchema,
  type LiveServerMessage,
} from "@shortly/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { WebSocket } from "ws";
import type { LiveClicksBus } from "../../plugins/live-clicks.js";
import { accessTokenUserId } from "../../plugins/request-credentials.js";

export interface LiveRoutesOptions {
  bus: LiveClicksBus;
  /** Whether the token's account still exists and may sign in (a valid signature is not enough); rejects when that cannot be told. */
  isActiveUser: (userId: number) => Promise<boolean>;
  heartbeatMs: number;
  authTimeoutMs: number;
  /** Open sockets one client address may hold: a socket costs memory and timers before it even authenticates. */
  maxSocketsPerIp: number;
}

const send = (socket: WebSocket, message: LiveServerMessage) => socket.send(JSON.stringify(message));

function parse(data: unknown) {
  try {
    return liveClientMessageSchema.safeParse(JSON.parse(String(data))).data ?? null;
  } catch {
    return null;
  }
}

/**
 * The live-clicks socket. The access token comes in the first message (a URL
 * would put it in access logs); the socket closes with 4401 when none comes in
 * time, when it is invalid, and when it expires (the client refreshes and
 * reconnects). Pings keep proxies from dropping an idle socket and find dead
 * peers.
 */
export const liveRoutes: FastifyPluginAsyncZod<LiveRoutesOptions> = async (
  app,
  { bus, isActiveUser, heartbeatMs, authTimeoutMs, maxSocketsPerIp },
) => {
  const sockets = new Set<WebSocket>();
  const perIp = new Map<string, number>();

  app.route({
    method: "GET",
    url: LIVE_PATH,
    // A plain HTTP request (no Upgrade) gets the contract's JSON, not the plugin's empty 404.
    handler: async (_request, reply) => reply.code(426).header("upgrade", "websocket").send({ detail: ERROR_MESSAGES.UPGRADE_REQUIRED }),
    wsHandler: (socket, request) => {
      const ip = request.ip;
      const held = perIp.get(ip) ?? 0;
      if (held >= maxSocketsPerIp) return socket.close(LIVE_CLOSE.tryAgainLater, "too many live connections from this address");
      perIp.set(ip, held + 1);
      sockets.add(socket);
      let unsubscribe: (() => void) | null = null;
      let alive = true;
      const timers: NodeJS.Timeout[] = [];
      const closeWith = (code: number, reason: string) => socket.close(code, reason);

      timers.push(
        setTimeout(() => {
          if (!unsubscribe) closeWith(LIVE_CLOSE.unauthorized, "authentication required");
        }, authTimeoutMs),
      );
      timers.push(
        setInterval(() => {
          if (!alive) return socket.terminate(); // no pong since the last ping
          alive = false;
          socket.ping();
        }, heartbeatMs),
      );
      socket.on("pong", () => {
        alive = true;
      });

      let authenticating = false;
      socket.on("message", async (data) => {
        const message = parse(data);
        if (!message) return closeWith(LIVE_CLOSE.badMessage, "unreadable message");
        if (message.type === "ping") return send(socket, { type: "pong" });
        if (authenticating || unsubscribe) return; // one auth per socket
        authenticating = true;
        const payload = (() => {
          try {
            return app.jwt.verify<{ sub: string; exp: number }>(message.token);
          } catch {
            return null;
          }
        })();
        const userId = accessTokenUserId(payload);
        const valid = userId !== null && (await isActiveUser(userId).catch(() => null));
        if (valid === null) return closeWith(LIVE_CLOSE.tryAgainLater, "cannot check the token now");
        if (!payload || !valid) return closeWith(LIVE_CLOSE.unauthorized, "invalid or expired token");
        const stop = await bus.subscribe(userId, (text) => socket.send(text));
        if (socket.readyState !== socket.OPEN) return stop();
        unsubscribe = stop;
        timers.push(setTimeout(() => closeWith(LIVE_CLOSE.unauthorized, "token expired"), Math.max(0, payload.exp * 1000 - Date.now())));
        send(socket, { type: "ready" });
      });

      socket.on("close", () => {
        sockets.delete(socket);
        const left = (perIp.get(ip) ?? 1) - 1;
        if (left > 0) perIp.set(ip, left);
        else perIp.delete(ip);
        timers.forEach(clearTimeout);
        unsubscribe?.();
      });
    },
  });

  // GET /api/ws/health – whether live clicks work here, and how they fan out
  app.get("/api/ws/health", { schema: { response: { 200: liveHealthResponseSchema } } }, async () => ({
    status: "ok" as const,
    fanout: bus.fanout,
    connections: sockets.size,
  }));
};
