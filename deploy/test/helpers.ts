import { execFileSync } from "node:child_process";
import { request } from "node:http";

export function hasNginx(): boolean {
  try {
    execFileSync(process.env.NGINX_PATH ?? "nginx", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    if (process.env.CI) throw new Error("nginx is required in CI (.ci/run installs it)");
    console.error("\n########  DEPLOY TESTS SKIPPED: no nginx binary (apt-get install -y nginx-light)  ########\n");
    return false;
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  rawLength: number;
}

/** An HTTP request that shows the wire as it is: no redirects followed, no decompression. */
export function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const buffer = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buffer.toString("utf8"), rawLength: buffer.length });
      });
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

export const json = (body: unknown) => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
