import { z } from "zod";

/**
 * The live-clicks WebSocket (/api/ws). The client authenticates with its
 * first message, never in the URL; then the server pushes the owner's clicks.
 */
export const LIVE_PATH = "/api/ws";
export const LIVE_CLOSE = {
  /** No valid auth message in time, a bad token, or the token expired: refresh, then reconnect. */
  unauthorized: 4401,
  /** A message that is not JSON or not one of the client messages. */
  badMessage: 4400,
  /** The server cannot check the token now (its database is unreachable): reconnect later, with backoff. */
  tryAgainLater: 1013,
} as const;

export const liveClientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth"), token: z.string().min(1).max(4096) }),
  z.object({ type: z.literal("ping") }),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessageSchema>;

export const liveClickSchema = z.object({
  code: z.string(),
  clicked_at: z.string(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  device: z.string().nullable(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  referrer_host: z.string().nullable(),
  is_bot: z.boolean(),
});
export type LiveClick = z.infer<typeof liveClickSchema>;

/** The most recent clicks a message carries; humans and bots count all of them. */
export const LIVE_MAX_CLICKS_PER_MESSAGE = 20;

export const liveServerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("pong") }),
  z.object({
    type: z.literal("clicks"),
    humans: z.number().int(),
    bots: z.number().int(),
    clicks: z.array(liveClickSchema),
  }),
]);
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;

export const liveHealthResponseSchema = z.object({
  status: z.literal("ok"),
  /** "redis" when clicks fan out across instances, "local" for a single instance. */
  fanout: z.enum(["redis", "local"]),
  connections: z.number().int(),
});
export type LiveHealthResponse = z.infer<typeof liveHealthResponseSchema>;
