import { Redis } from "ioredis";

/** The Redis the tests may use: TEST_REDIS_URL, else a local default; null (with a loud note) when none answers. */
export async function reachableRedisUrl(): Promise<string | null> {
  const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch {
    if (process.env.CI) throw new Error(`Redis is required in CI (${url})`);
    console.error(`\n########  REDIS TESTS SKIPPED: no Redis at ${url}  ########\n`);
    return null;
  } finally {
    client.disconnect();
  }
}
