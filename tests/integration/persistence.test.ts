import fs from 'node:fs';
import type { PlanSummary } from '@sakutei/shared';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendParagraph, bodyText, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

const dataDir = tempDataDir();
const servers: TestServer[] = [];
async function boot() {
  const s = await startServer({ dataDir });
  servers.push(s);
  return s;
}
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openPlan(server: TestServer) {
  const member = await signedIn(server.url, 'member@example.jp');
  const [plan] = (await member.plans()) as [PlanSummary];
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: member.cookie });
  await client.synced;
  return client;
}

describe('persistence', () => {
  it('keeps every edit across a clean restart (SIGTERM flushes and exits 0)', async () => {
    let server = await boot();
    const writer = await openPlan(server);
    for (let i = 0; i < 20; i++) appendParagraph(writer.doc, `再起動前の編集${i}`);
    await new Promise((r) => setTimeout(r, 50));
    expect(await server.stop('SIGTERM')).toBe(0);
    writer.destroy();

    server = await boot();
    const reader = await openPlan(server);
    for (let i = 0; i < 20; i++) expect(bodyText(reader.doc)).toContain(`再起動前の編集${i}`);
    reader.destroy();
    await server.stop();
  });

  it('has an edit on disk once another client has seen it, even after SIGKILL', async () => {
    let server = await boot();
    const writer = await openPlan(server);
    const watcher = await openPlan(server);
    appendParagraph(writer.doc, '強制終了前の編集');
    // The server relays an edit only once it is stored: killed the moment the edit is seen.
    await waitFor(() => bodyText(watcher.doc).includes('強制終了前の編集'), 'edit to be broadcast');
    await server.stop('SIGKILL');
    writer.destroy();
    watcher.destroy();

    const db = new Database(path.join(dataDir, 'sakutei.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    server = await boot();
    const reader = await openPlan(server);
    expect(bodyText(reader.doc)).toContain('強制終了前の編集');
    reader.destroy();
    await server.stop();
  });
});
