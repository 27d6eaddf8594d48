import fs from 'node:fs';
import type { PlanSummary, Revision } from '@sakutei/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../../server/src/services/export/testing/unzip';
import { workbookParts, zipOf } from '../../server/src/services/xlsx/testing/hostileZip';
import { type HealthSample, percentile, startHealthPoller } from '../support/healthPoller';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/*
 * Compares and Word exports are CPU all the way through. One member firing twenty of them at
 * once must not stall the server for everyone (the event loop answers /healthz throughout),
 * gets 429 with Retry-After past two at a time, and what does come back is exactly what one
 * request at a time gives. When the threads and their queue are full, 503 with Retry-After.
 * One thread and a queue of one, so the limits are reached on any machine.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let member: Signed, member2: Signed, staff: Signed, chair: Signed;
let adopted: Revision;

beforeAll(async () => {
  server = await startServer({ dataDir, env: { SAKUTEI_WORK_THREADS: '1', SAKUTEI_WORK_QUEUE: '1', SAKUTEI_WORK_PER_USER: '2' } });
  [member, member2, staff, chair] = (await Promise.all(['member', 'member2', 'staff', 'chair'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
  const revisions = (await member.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Revision[];
  adopted = revisions.find((revision) => revision.review.status === 'approved')!;
}, 60_000);
afterAll(async () => {
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Got = { status: number; retryAfter: string | null; bytes: Buffer };
const get = async (who: Signed, url: string): Promise<Got> => {
  const res = await fetch(`${server.url}${url}`, { headers: { cookie: who.cookie } });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), bytes: Buffer.from(await res.arrayBuffer()) };
};

/** A Word file's parts, without the package's timestamps (docProps/core.xml says when it was made). */
const docxParts = (bytes: Buffer) => [...unzip(bytes)].filter(([name]) => name !== 'docProps/core.xml').sort(([a], [b]) => a.localeCompare(b));

/** The figures of one polling window, in ms. */
function summary(samples: HealthSample[]): { p95: number; worst: number; polls: number } {
  const ms = samples.map((s) => s.ms);
  return { p95: Math.round(percentile(ms, 95)), worst: Math.round(Math.max(...ms)), polls: ms.length };
}

describe('heavy work off the event loop', () => {
  it('keeps /healthz answering while one member fires twenty compares and Word exports; refuses past two at a time; same bytes', async () => {
    const compareUrl = `/api/plans/${plan.id}/compare?from=${adopted.id}&to=draft`;
    const docxUrl = `/api/plans/${plan.id}/compare/export?from=${adopted.id}&to=draft&format=docx`;
    // One at a time first: what every successful answer below must equal.
    const json = await get(member, compareUrl);
    const docx = await get(member, docxUrl);
    expect([json.status, docx.status]).toEqual([200, 200]);

    // The same polling while the same member sends twenty cheap requests: what parsing and
    // answering twenty requests costs the event loop on this machine (several test suites share
    // two cores here), so that noise is not taken for a stall.
    const cheapPoller = await startHealthPoller(server.url, 10);
    await Promise.all(Array.from({ length: 20 }, () => get(member, `/api/plans/${plan.id}/revisions`)));
    const cheap = summary(await cheapPoller.stop());
    const poller = await startHealthPoller(server.url, 10);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => get(member, i % 2 === 0 ? compareUrl : docxUrl).then((got) => ({ ...got, docx: i % 2 === 1 }))),
    );
    const health = summary(await poller.stop());
    const elapsed = performance.now() - started;
    console.log(`heavy burst: ${results.filter((r) => r.status === 200).length} × 200, ${results.filter((r) => r.status === 429).length} × 429 in ${Math.round(elapsed)} ms; /healthz p95 ${health.p95} ms, worst ${health.worst} ms over ${health.polls} polls (20 cheap requests: p95 ${cheap.p95} ms, worst ${cheap.worst} ms over ${cheap.polls})`);

    // Before the threads: a 4.2 s stall here (~15 s with a larger plan), 20 × 200 and no 429.
    // Now the twenty cost the typical answer (p95: one-off spikes from other suites on this
    // shared 2-core machine do not move it) about what twenty cheap requests do, within the
    // issue's 300 ms, and no answer stalls for seconds.
    expect(health.p95).toBeLessThan(300 + cheap.p95);
    expect(health.worst).toBeLessThan(2_000);
    expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    const refused = results.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(r.bytes.toString()).error).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
    }
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThan(0);
    for (const r of ok) {
      if (r.docx) expect(docxParts(r.bytes)).toEqual(docxParts(docx.bytes));
      else expect(r.bytes.equals(json.bytes)).toBe(true);
    }
  }, 60_000);

  it('answers 503 with Retry-After when the threads and their queue are full', async () => {
    const compareUrl = `/api/plans/${plan.id}/compare?from=${adopted.id}&to=draft`;
    // Four people, two requests each: one thread and one place in the queue for eight jobs.
    const results = await Promise.all([member, member2, staff, chair].flatMap((who) => [get(who, compareUrl), get(who, compareUrl)]));
    const busy = results.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(r.bytes.toString()).error).toMatchObject({ code: 'server_busy', message: expect.any(String) });
    }
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses, in the import preview, an XLSX whose directory hides its entries, without unpacking them', async () => {
    const parts = await workbookParts((workbook) => workbook.addWorksheet('施策体系').addRow(['No', '施策名']));
    const hidden = Array.from({ length: 8 }, (_, i) => ({ name: `xl/media/pad${i}.bin`, data: Buffer.alloc(4 * 1024 * 1024) }));
    const bytes = zipOf([...parts, ...hidden], { declaredCount: parts.length });
    const source = { kind: 'xlsx', fileName: 'lying.xlsx', contentBase64: bytes.toString('base64') };
    const res = await member.request('POST', `/api/plans/${plan.id}/import/preview`, { source });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unreadable_spreadsheet', message: expect.any(String) });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
