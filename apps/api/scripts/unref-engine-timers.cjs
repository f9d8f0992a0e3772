// Preloaded into the Prisma CLI by prisma.mjs. Prisma 6.19's WebAssembly
// schema engine leaves a 10 s timer running after `migrate deploy` has
// finished, which keeps the CLI alive for 10 s. Timers scheduled from inside
// the engine's WebAssembly are unref'd so the process exits when its work is
// done; every other timer is untouched.
"use strict";
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeout(callback, ms, ...args) {
  const timer = originalSetTimeout.call(this, callback, ms, ...args);
  if (ms >= 1000 && /wasm-function/.test(new Error().stack ?? "")) timer.unref();
  return timer;
};
