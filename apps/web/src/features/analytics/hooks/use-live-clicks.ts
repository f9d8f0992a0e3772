import { LIVE_CLOSE, LIVE_PATH, liveServerMessageSchema, type LiveServerMessage } from "@shortly/contract";
import { useEffect, useRef, useState } from "react";
import { getToken } from "../../../lib/auth-token";
import { refreshSession } from "../../../lib/refresh-session";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";
export type LiveClicksMessage = Extract<LiveServerMessage, { type: "clicks" }>;

const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff with jitter, so a restarted server is not met by every tab at once. */
export const backoffMs = (attempt: number) => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const socketUrl = () => `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${LIVE_PATH}`;

/**
 * The account's clicks as they happen. Authenticates with the first message
 * (never in the URL), reconnects with backoff, and on a 4401 close (the
 * access token expired) refreshes the session before reconnecting.
 */
export function useLiveClicks(onClicks: (message: LiveClicksMessage) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onClicks);
  // The latest callback, for a socket that outlives renders; set after render, as React requires.
  useEffect(() => {
    handler.current = onClicks;
  });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    let stopped = false;

    const schedule = (delay: number) => {
      if (stopped) return;
      setStatus("reconnecting");
      retry = setTimeout(connect, delay);
    };

    function connect() {
      const token = getToken();
      if (!token) return setStatus("offline");
      socket = new WebSocket(socketUrl());
      socket.onopen = () => socket?.send(JSON.stringify({ type: "auth", token }));
      socket.onmessage = (event) => {
        const parsed = liveServerMessageSchema.safeParse(parseJson(String(event.data)));
        if (!parsed.success) return;
        if (parsed.data.type === "ready") {
          attempt = 0;
          setStatus("live");
        } else if (parsed.data.type === "clicks") handler.current(parsed.data);
      };
      socket.onclose = (event) => {
        socket = null;
        if (stopped) return;
        if (event.code === LIVE_CLOSE.unauthorized) {
          // Usually an expired access token: get a new one, then come straight back (backing off if it happens again).
          const delay = attempt === 0 ? 0 : backoffMs(attempt);
          attempt++;
          void refreshSession(token).then((ok) => (ok ? schedule(delay) : setStatus("offline")));
          return;
        }
        schedule(backoffMs(attempt++));
      };
    }

    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      socket?.close(1000, "page closed");
    };
  }, []);

  return status;
}
