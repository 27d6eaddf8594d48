/**
 * What a page view of the record costs as the audit log grows: the full walk (the CLI's
 * `audit verify`) against the checkpointed one (the API's), and one page of the plan's record
 * from the middle of its history, on SQLite in a temporary folder.
 * `pnpm exec tsx tests/bench/audit/checkpoint.ts [entries]` (default 100000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStorage } from '../../../server/src/storage/sqlite';

const entries = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-audit-bench-'));
const storage = openSqliteStorage(dir);
try {
  const time = async <T>(fn: () => Promise<T>) => {
    const start = performance.now();
    const result = await fn();
    return { ms: Math.round(performance.now() - start), result };
  };
  for (let i = 0; i < entries; i++) {
    // Every entry one plan's, so a page of it in the middle is the dense case.
    await storage.audit.append({ at: i, kind: 'thread.resolved', workspaceId: 'bench-council', planId: 'bench-plan', actorId: null, details: { threadNumber: i } });
  }
  // The longest the event loop is held while the full walk runs (timer lateness, sampled every 5 ms).
  let worstStallMs = 0;
  let last = performance.now();
  const sampler = setInterval(() => {
    const now = performance.now();
    worstStallMs = Math.max(worstStallMs, now - last - 5);
    last = now;
  }, 5);
  const full = await time(() => storage.audit.verify());
  clearInterval(sampler);
  const first = await time(() => storage.audit.verifyRecent());
  await storage.audit.append({ at: entries, kind: 'thread.reopened', workspaceId: null, planId: null, actorId: null, details: {} });
  const tail = await time(() => storage.audit.verifyRecent());
  const page = await time(() => storage.audit.listForPlan('bench-plan', 'bench-council', 101, Math.floor(entries / 2)));
  console.log(JSON.stringify({ entries, fullVerifyMs: full.ms, firstPageViewMs: first.ms, laterPageViewMs: tail.ms, laterChecked: tail.result.checked, worstStallDuringFullMs: Math.round(worstStallMs), middlePageMs: page.ms }));
} finally {
  await storage.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
