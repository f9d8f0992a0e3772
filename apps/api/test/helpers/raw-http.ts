import { connect } from "node:net";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parse(data: Buffer): { head: RawResponse; bodyStart: number } | null {
  const split = data.indexOf("\r\n\r\n");
  if (split < 0) return null;
  const [statusLine, ...lines] = data.subarray(0, split).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { head: { status: Number(statusLine!.split(" ")[1]), headers, body: "" }, bodyStart: split + 4 };
}

/**
 * Sends bytes exactly as given (fetch would normalise the URL or refuse the
 * request) and reads one response: complete once its Content-Length has
 * arrived (or at once for HEAD, 101, 204 and 304), else when the server closes.
 * Rejects if the connection ends before a response.
 */
export function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  const isHead = (typeof request === "string" ? request : request.toString("latin1")).startsWith("HEAD ");
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (result: RawResponse) => {
      done = true;
      socket.destroy();
      resolve(result);
    };
    const complete = (parsed: NonNullable<ReturnType<typeof parse>>) => ({
      ...parsed.head,
      body: received.subarray(parsed.bodyStart).toString("utf8"),
    });
    socket.setTimeout(5000, () => socket.destroy(new Error("timed out")));
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      const parsed = parse(received);
      if (!parsed) return;
      const { status, headers } = parsed.head;
      const length = Number(headers["content-length"]);
      const bodiless = isHead || status === 101 || status === 204 || status === 304;
      if (bodiless || (Number.isFinite(length) && received.length - parsed.bodyStart >= length)) finish(complete(parsed));
    });
    socket.on("error", (error) => done || reject(error));
    socket.on("close", () => {
      if (done) return;
      const parsed = parse(received);
      if (parsed) finish(complete(parsed));
      else reject(new Error(`no response: ${JSON.stringify(received.toString("latin1").slice(0, 200))}`));
    });
    socket.write(request);
  });
}

/** A GET of `target` written verbatim on the request line. */
export const rawGet = (port: number, target: string, headers = "") =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`);
