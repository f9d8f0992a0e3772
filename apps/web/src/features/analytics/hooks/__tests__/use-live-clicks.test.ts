import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setToken } from "../../../../lib/auth-token";
import { refreshSession } from "../../../../lib/refresh-session";
import { useLiveClicks } from "../use-live-clicks";

vi.mock("../../../../lib/refresh-session", () => ({ refreshSession: vi.fn() }));

/** Stands in for the browser's WebSocket: the test plays the server. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {}
  open() {
    act(() => this.onopen?.());
  }
  receive(message: unknown) {
    act(() => this.onmessage?.({ data: JSON.stringify(message) }));
  }
  drop(code: number) {
    act(() => this.onclose?.({ code }));
  }
}

const latest = () => FakeSocket.all.at(-1)!;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  vi.stubGlobal("WebSocket", FakeSocket);
  setToken("token-1");
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setToken(null);
});

describe("useLiveClicks", () => {
  it("authenticates with its first message, not the URL, and hands on clicks", () => {
    const onClicks = vi.fn();
    const { result } = renderHook(() => useLiveClicks(onClicks));
    expect(result.current).toBe("connecting");
    expect(latest().url).toBe(`ws://${window.location.host}/api/ws`);
    latest().open();
    expect(latest().sent).toEqual([JSON.stringify({ type: "auth", token: "token-1" })]);
    latest().receive({ type: "ready" });
    expect(result.current).toBe("live");
    const batch = { type: "clicks", humans: 1, bots: 0, clicks: [] };
    latest().receive(batch);
    expect(onClicks).toHaveBeenCalledWith(batch);
  });

  it("reconnects with growing delays after the connection drops", () => {
    const { result } = renderHook(() => useLiveClicks(() => {}));
    latest().drop(1006);
    expect(result.current).toBe("reconnecting");
    act(() => void vi.advanceTimersByTime(999)); // first wait: at most 1 s
    expect(FakeSocket.all.length).toBeLessThanOrEqual(2);
    act(() => void vi.advanceTimersByTime(1));
    expect(FakeSocket.all).toHaveLength(2);
    latest().drop(1006);
    act(() => void vi.advanceTimersByTime(999)); // second wait: at least 1 s
    expect(FakeSocket.all).toHaveLength(2);
    act(() => void vi.advanceTimersByTime(1001));
    expect(FakeSocket.all).toHaveLength(3);
    latest().open();
    latest().receive({ type: "ready" });
    expect(result.current).toBe("live");
  });

  it("refreshes the session on 4401, then comes back with the new token", async () => {
    vi.mocked(refreshSession).mockImplementation(async () => {
      setToken("token-2");
      return true;
    });
    renderHook(() => useLiveClicks(() => {}));
    latest().open();
    latest().drop(4401);
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(refreshSession).toHaveBeenCalledWith("token-1");
    expect(FakeSocket.all).toHaveLength(2);
    latest().open();
    expect(latest().sent).toEqual([JSON.stringify({ type: "auth", token: "token-2" })]);
  });

  it("stays offline when the session cannot be refreshed", async () => {
    vi.mocked(refreshSession).mockResolvedValue(false);
    const { result } = renderHook(() => useLiveClicks(() => {}));
    latest().drop(4401);
    await act(async () => void (await vi.advanceTimersByTimeAsync(60_000)));
    expect(result.current).toBe("offline");
    expect(FakeSocket.all).toHaveLength(1);
  });
});
