import { performance } from "node:perf_hooks";

/**
 * Event-loop utilisation, sampled every LOAD_SAMPLE_MS, above which the
 * redirects count as saturated, and below which they count as calm again.
 * The gap matters where the load's source shares the machine: a writer that
 * starts slows it down, which lowers utilisation without the load being over.
 */
const BUSY_ABOVE = 0.7;
const CALM_BELOW = 0.4;
const LOAD_SAMPLE_MS = 200;

/** Calls `onChange` whenever this event loop turns saturated, or calm again. */
export function watchEventLoopLoad(onChange: (busy: boolean) => void) {
  let busy = false;
  let lastSample = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const sample = performance.eventLoopUtilization();
    const utilisation = performance.eventLoopUtilization(sample, lastSample).utilization;
    lastSample = sample;
    const nowBusy = busy ? utilisation >= CALM_BELOW : utilisation >= BUSY_ABOVE;
    if (nowBusy !== busy) onChange((busy = nowBusy));
  }, LOAD_SAMPLE_MS);
  timer.unref();
  return {
    get busy() {
      return busy;
    },
    stop: () => clearInterval(timer),
  };
}
