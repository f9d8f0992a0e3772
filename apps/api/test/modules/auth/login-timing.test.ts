import { describe, expect, it } from "vitest";
import { buildTestApp, resetDatabaseBeforeEach, testDb } from "../../helpers/build-test-app.js";
import { createUser } from "../../helpers/factories.js";

// A real bcrypt cost, so that skipping the hash for unknown emails would show.
const app = await buildTestApp({ bcryptRounds: 10 });
const db = testDb();
resetDatabaseBeforeEach(db);

async function medianMs(payload: object): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const res = await app.inject({ method: "POST", url: "/api/auth/login-json", payload });
    expect(res.statusCode).toBe(401);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2]!;
}

describe("login timing", () => {
  it("spends a bcrypt check on unknown emails too, so they cannot be told apart by time", async () => {
    await createUser(app, { email: "known@example.com", password: "password123" });
    const wrongPassword = await medianMs({ username: "known@example.com", password: "not-it-at-all" });
    const unknownEmail = await medianMs({ username: "unknown@example.com", password: "not-it-at-all" });
    // Cost 10 is tens of milliseconds; without the dummy check the unknown email would answer in ~1 ms.
    expect(unknownEmail / wrongPassword).toBeGreaterThan(0.5);
    expect(unknownEmail / wrongPassword).toBeLessThan(2);
  });
});
