// How the clicks service reports a click that could not be spooled: every
// visit of the failed turn gets the 503 error, the next turn starts afresh.
import { describe, expect, it } from "vitest";
import type { ClickRecorder } from "../../../src/modules/clicks/click-recorder.js";
import type { NewClick } from "../../../src/modules/clicks/click.js";
import type { ClicksRepository } from "../../../src/modules/clicks/repository.js";
import { ClicksUnavailableError, createClicksService } from "../../../src/modules/clicks/service.js";

const click: NewClick = { linkId: 1, userId: 1, code: "abc1234", clickedAt: new Date(), referrer: null, userAgent: null, ip: null };

/** A recorder whose turns are promises the test settles: one per turn, shared by that turn's clicks. */
function turns() {
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let current: Promise<void> | null = null;
  const recorder = {
    record: () =>
      (current ??= new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      })),
  } as unknown as ClickRecorder;
  const endTurn = () => {
    const s = settle!;
    current = null;
    settle = null;
    return s;
  };
  return { recorder, endTurn };
}

describe("recording a click", () => {
  it("fails every visit of a turn whose spool write failed with the 503 error, and the next turn succeeds", async () => {
    const { recorder, endTurn } = turns();
    const clicks = createClicksService({} as ClicksRepository, recorder);
    const failed = [clicks.record(click), clicks.record(click)];
    const cause = new Error("EIO: i/o error, write");
    endTurn().reject(cause);
    for (const outcome of await Promise.allSettled(failed)) {
      expect(outcome.status).toBe("rejected");
      const error = (outcome as PromiseRejectedResult).reason as ClicksUnavailableError;
      expect(error).toBeInstanceOf(ClicksUnavailableError);
      expect(error.cause).toBe(cause);
    }

    const next = [clicks.record(click), clicks.record(click)];
    endTurn().resolve();
    await expect(Promise.all(next)).resolves.toEqual([undefined, undefined]);
  });
});
