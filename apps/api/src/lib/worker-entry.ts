import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a sibling module as a worker thread: the compiled .js in production;
 * from TypeScript sources (dev server, tests) the .ts file, after registering
 * tsx's loader in the new thread (Node 20 does not pass loaders to workers).
 */
export function startWorker(moduleUrl: string, name: string, options: WorkerOptions): Worker {
  if (!moduleUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, moduleUrl), options);
  const entry = new URL(`./${name}.ts`, moduleUrl).href;
  const tsxPackage = createRequire(moduleUrl).resolve("tsx/package.json");
  const tsxApi = pathToFileURL(path.join(path.dirname(tsxPackage), "dist/esm/api/index.mjs")).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}));`;
  return new Worker(bootstrap, { ...options, eval: true });
}
