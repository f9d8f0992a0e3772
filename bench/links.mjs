// The links the redirect benchmarks visit: one hot link and SPREAD_LINKS others,
// owned by one account, and a warm-up that puts them all in a server's cache.

export const SPREAD_LINKS = 10_000;

/** Seeds the account and its links; resolves to the spread links' codes (`sp000001`…). */
export async function seedRedirectLinks(pool) {
  const { rows } = await pool.query("INSERT INTO users (email, password_hash) VALUES ('bench@example.com', NULL) RETURNING id");
  await pool.query(
    `INSERT INTO links (code, long_url, user_id, updated_at)
     SELECT 'sp' || lpad(i::text, 6, '0'), 'https://example.com/' || i, $1, now() FROM generate_series(1, ${SPREAD_LINKS}) AS i`,
    [rows[0].id],
  );
  await pool.query("INSERT INTO links (code, long_url, user_id, updated_at) VALUES ('hotlink', 'https://example.com/hot', $1, now())", [
    rows[0].id,
  ]);
  return spreadCodes();
}

/** The spread links' codes, `sp000001`…: what seedRedirectLinks stores. */
export const spreadCodes = () => Array.from({ length: SPREAD_LINKS }, (_, i) => `sp${String(i + 1).padStart(6, "0")}`);

/** Visits every code once, so timed runs measure the steady state (cache warm) as in production. */
export async function warmLinkCache(serverUrl, codes) {
  for (let i = 0; i < codes.length; i += 200) {
    await Promise.all(
      codes.slice(i, i + 200).map((code) => fetch(`${serverUrl}/${code}`, { redirect: "manual" }).then((r) => r.arrayBuffer())),
    );
  }
}
