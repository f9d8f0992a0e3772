// What the stats and analytics benchmarks share: an account to call the API
// as, and sequential timing of one endpoint.

/** Registers and logs in a fresh account; returns its email and access token. */
export async function signUp(serverUrl, tag) {
  const email = `${tag}-${Date.now()}@example.com`;
  const json = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await fetch(`${serverUrl}/api/auth/register`, json({ email, password: "benchmark-password" }));
  const res = await fetch(`${serverUrl}/api/auth/login-json`, json({ username: email, password: "benchmark-password" }));
  return { email, token: (await res.json()).access_token };
}

const WIDTH = 56;

export function printTimingHeader() {
  console.log(
    `${"request (sequential, loopback)".padEnd(WIDTH)} ${"HTTP".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`,
  );
}

/** Warms up, then times `samples` sequential requests and prints p50/p95/p99. */
export async function timeRequests(name, url, token, { warmup = 10, samples = 100 } = {}) {
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < warmup; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times = [];
  let status = 0;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - started);
    status = res.status;
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
  console.log(`${name.padEnd(WIDTH)} ${String(status).padStart(4)} ${pct(50).padStart(8)} ${pct(95).padStart(8)} ${pct(99).padStart(8)}`);
}
