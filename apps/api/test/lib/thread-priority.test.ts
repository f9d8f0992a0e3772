import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { lowerThreadPriority } from "../../src/lib/thread-priority.js";

/** The nice value of a thread, from its /proc stat line (field 19). */
const niceOf = (statPath: string) => {
  const stat = readFileSync(statPath, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
};

describe.runIf(process.platform === "linux")("lowerThreadPriority", () => {
  it("lowers the calling thread only, not the others of the process", async () => {
    // A thread of our own, so the test's thread keeps its priority.
    const worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       parentPort.once("message", () => parentPort.postMessage(require("node:fs").readlinkSync("/proc/thread-self")));`,
      { eval: true },
    );
    const before = niceOf("/proc/thread-self/stat");
    expect(lowerThreadPriority(before + 3)).toBe(true);
    const lowered = niceOf("/proc/thread-self/stat");
    worker.postMessage("where are you");
    const other = await new Promise<string>((resolve) => worker.once("message", resolve));
    expect(lowered).toBe(before + 3);
    expect(niceOf(`/proc/${other.replace(/^\/proc\//, "")}/stat`)).toBe(before);
    await worker.terminate();
  });
});
