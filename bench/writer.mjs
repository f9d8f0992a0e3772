#!/usr/bin/env node
// pnpm bench:writer: the click writer thread's CPU per click, stage by stage,
// in one process without a database or a network: decoding spool lines,
// enriching, rolling up and writing COPY data. Each stage runs over the same
// 200,000 clicks several times and the fastest run counts, so the figures
// repeat far better than a load test's. Three kinds of traffic: one visitor
// on one link (what pnpm bench sends), one visitor over 10,000 links, and
// 5,000 visitors with referrers over 10,000 links. The last column is the
// whole pipeline's process CPU per click, V8's collector threads included,
// in batches of 40,000 (the median of RUNS passes over all the clicks):
// what garbage a stage leaves costs there, not in the fastest run.
import { rollUp } from "../apps/api/dist/modules/clicks/click-rollups.js";
import { clickRows } from "../apps/api/dist/modules/clicks/click-copy.js";
import { createClickEnricher } from "../apps/api/dist/modules/clicks/click-enricher.js";
import { decodeLines, encodeClick } from "../apps/api/dist/modules/clicks/spool-format.js";

const CLICKS = 200_000;
const RUNS = 5;
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const traffic = {
  "one hot link": () => ({ linkId: 1, userAgent: CHROME, ip: "203.0.113.9", referrer: null }),
  "10,000 links": (i) => ({ linkId: 1 + (i % 10_000), userAgent: CHROME, ip: "203.0.113.9", referrer: null }),
  "10,000 links, 5,000 visitors": (i) => {
    const visitor = (i * 7919) % 5_000;
    return {
      linkId: 1 + ((i * 104_729) % 10_000),
      userAgent: CHROME.replace("131.0.0.0", `${100 + (visitor % 40)}.0.0.0`),
      ip: `81.2.${Math.floor(visitor / 250)}.${visitor % 250}`,
      referrer: visitor % 3 === 0 ? null : `https://news${visitor % 50}.example/story/${i % 100}`,
    };
  },
};

/** The fastest of RUNS runs of `stage`, in µs per click, and its result. */
async function fastest(stage) {
  let best = Infinity;
  let result;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    result = await stage();
    best = Math.min(best, Number(process.hrtime.bigint() - start));
  }
  return { us: best / 1000 / CLICKS, result };
}

const enrich = createClickEnricher({ saltFor: async (_day, salt) => salt, pruneVisitorDataBefore: async () => {} });
const BATCH = 40_000;
/** The median of RUNS passes of the whole pipeline over the clicks in batches of BATCH: process CPU (all threads) per click, µs. */
async function processCpu(spool) {
  const lines = spool.split("\n");
  const batches = [];
  for (let i = 0; i < CLICKS; i += BATCH) batches.push(`${lines.slice(i, i + BATCH).join("\n")}\n`);
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.cpuUsage();
    for (const text of batches) {
      const enriched = await enrich(decodeLines(text, []));
      rollUp(enriched, () => 1);
      clickRows(enriched);
    }
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / CLICKS);
  }
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const columns = ["decode", "enrich", "roll up", "COPY data", "total", "process CPU"];
console.log(`The click writer's CPU per click, µs (fastest of ${RUNS} runs over ${CLICKS.toLocaleString("en")} clicks)\n`);
console.log(["traffic".padEnd(30), ...columns.map((c) => c.padStart(9))].join(" | "));
for (const [name, shape] of Object.entries(traffic)) {
  const start = Date.now() - CLICKS;
  const spool = Array.from({ length: CLICKS }, (_, i) =>
    encodeClick(i + 1, { userId: 1, code: "bench", clickedAt: new Date(start + i), ...shape(i) }),
  ).join("");
  const decode = await fastest(() => decodeLines(spool, []));
  const enriched = await fastest(() => enrich(decode.result));
  const rollup = await fastest(() => rollUp(enriched.result, () => 1));
  const copy = await fastest(() => clickRows(enriched.result));
  const stages = [decode.us, enriched.us, rollup.us, copy.us];
  const cells = [...stages, stages.reduce((a, b) => a + b), await processCpu(spool)].map((us, i) =>
    us.toFixed(2).padStart(Math.max(9, columns[i].length)),
  );
  console.log([name.padEnd(30), ...cells].join(" | "));
}
