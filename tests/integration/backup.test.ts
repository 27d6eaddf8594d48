import fs from 'node:fs';
import path from 'node:path';
import type { PlanSummary } from '@sakutei/shared';
import { deriveTable, num, readMeasureTable, setActual, setNodeText } from '@sakutei/shared/measures';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollabClient, appendParagraph, bodyText, connectCollab, waitFor } from '../support/collab';
import { runCli } from '../support/cli';
import { type ApiClient, signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';
import { SQLITE_MIGRATIONS } from '../../server/src/storage/migrations/sqlite';

type Signed = Awaited<ReturnType<typeof signedIn>>;
const folders: string[] = [];
const servers: TestServer[] = [];
const clients: CollabClient[] = [];
const folder = () => {
  const dir = tempDataDir();
  folders.push(dir);
  return dir;
};
async function boot(dataDir: string) {
  const s = await startServer({ dataDir });
  servers.push(s);
  return s;
}
function connect(server: TestServer, docName: string, api: ApiClient) {
  const c = connectCollab(server.wsUrl, docName, { cookie: api.cookie });
  clients.push(c);
  return c;
}

const backupDir = folder();
const backupFile = path.join(backupDir, 'sakutei-backup.db');
let original: TestServer;
let restored: TestServer;
let plan: PlanSummary;
let member: Signed;
let staff: Signed;

beforeAll(async () => {
  original = await boot(folder());
  [member, staff] = (await Promise.all(['member', 'staff'].map((who) => signedIn(original.url, `${who}@example.jp`)))) as [Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.stop('SIGKILL');
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const continuing = (i: number) => `バックアップ中の編集${i}`;
const continuingParagraph = (i: number) => `<paragraph>${continuing(i)}</paragraph>`;
const measures = async (api: ApiClient) => (await api.request('GET', `/api/plans/${plan.id}/measures`)).body.table;
const threads = async (api: ApiClient) => (await api.request('GET', `/api/plans/${plan.id}/threads`)).body.threads;
const revisions = async (api: ApiClient) => (await api.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions;

describe('backup and restore', () => {
  it('backs up a running server while a client edits; a fresh server restored from it serves the same plan', async () => {
    // Content of every kind: prose, measure table cells, a comment thread, a frozen revision.
    const editor = connect(original, plan.docName, member);
    const observer = connect(original, plan.docName, await signedIn(original.url, 'member2@example.jp'));
    await Promise.all([editor.synced, observer.synced]);
    appendParagraph(editor.doc, 'バックアップ前に書いた本文。');
    const row = deriveTable(readMeasureTable(editor.doc)).rows.find((r) => r.title === '相談支援事業')!;
    setNodeText(editor.doc, row.node.id, 'description', 'バックアップ前に書き換えた内容');
    const kpi = deriveTable(readMeasureTable(editor.doc)).kpis[1]!.kpi;
    setActual(editor.doc, kpi.id, 2024, num(401));
    await waitFor(() => deriveTable(readMeasureTable(observer.doc)).kpiById.get(kpi.id)?.kpi.actuals['2024']?.kind === 'number', 'edits to be accepted');
    const thread = await staff.request('POST', `/api/plans/${plan.id}/threads`, {
      anchor: { kind: 'measure', target: { kind: 'kpi', id: kpi.id, field: 'actual', fiscalYear: 2024 }, quote: '実績値 R6' },
      body: '401件の内訳を示してください。',
    });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: 'バックアップ前の版', stage: '素案' });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);

    // A client keeps typing, one paragraph every few milliseconds, all through the backup.
    let typed = 0;
    const typing = setInterval(() => appendParagraph(editor.doc, continuing(typed++)), 5);
    await waitFor(() => bodyText(observer.doc).includes(continuingParagraph(5)), 'typing to reach the observer');
    let seenBeforeBackup = 0;
    while (bodyText(observer.doc).includes(continuingParagraph(seenBeforeBackup))) seenBeforeBackup++;
    expect(seenBeforeBackup).toBeGreaterThan(5);
    const backup = await runCli(original.dataDir, ['backup', '--to', backupFile]);
    await new Promise((r) => setTimeout(r, 100));
    clearInterval(typing);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`integrity ok, schema ${SQLITE_MIGRATIONS.length}; plans 1, threads 1, revisions 2, doc updates \\d+`));
    expect(fs.readdirSync(backupDir)).toEqual(['sakutei-backup.db']); // no temporary file left behind
    await waitFor(() => bodyText(observer.doc).includes(continuing(typed - 1)), 'the last typed paragraph to arrive');

    const check = new Database(backupFile, { readonly: true, fileMustExist: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    // The documented way to carry the server secret along: put it next to the backup.
    fs.copyFileSync(path.join(original.dataDir, 'secret.key'), path.join(backupDir, 'secret.key'));
    const fresh = folder();
    fs.rmdirSync(fresh); // a folder that does not exist yet is fresh too
    const restore = await runCli(fresh, ['restore', '--from', backupFile]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('server secret: copied');
    expect(fs.readFileSync(path.join(fresh, 'secret.key'))).toEqual(fs.readFileSync(path.join(original.dataDir, 'secret.key')));
    restored = await boot(fresh);

    const again = await signedIn(restored.url, 'member@example.jp');
    expect(await again.plans()).toEqual(await member.plans());
    expect(await measures(again)).toEqual(await measures(member));
    expect(await threads(again)).toEqual(await threads(member));
    expect(await revisions(again)).toEqual(await revisions(member));
    const frozenAgain = (await again.request('GET', `/api/revisions/${frozen.body.revision.id}`)).body;
    expect(frozenAgain.revision.hash).toBe(frozen.body.revision.hash);

    // The prose is the original's as it was at one moment of the backup: everything typed
    // before it, and of the paragraphs typed during it an unbroken first part.
    const reader = connect(restored, plan.docName, again);
    await reader.synced;
    const prose = bodyText(reader.doc);
    let kept = 0;
    while (prose.includes(continuingParagraph(kept))) kept++;
    for (let i = kept; i < typed; i++) expect(prose).not.toContain(continuingParagraph(i));
    expect(kept).toBeGreaterThanOrEqual(seenBeforeBackup);
    let expected = bodyText(observer.doc);
    for (let i = kept; i < typed; i++) expected = expected.replace(continuingParagraph(i), '');
    expect(prose).toBe(expected);
    expect(prose).toContain('バックアップ前に書いた本文。');
    console.log(`backup during typing: ${typed} paragraphs typed, ${seenBeforeBackup} seen before the backup started, ${kept} in the backup`);

    // Sessions are stored (hashed) in the database and the secret came along: a session
    // and a collab token from before the backup both still work on the restored server.
    expect((await again.request('GET', '/api/me')).status).toBe(200);
    const { token } = await member.collabToken(plan.id);
    const byToken = connectCollab(restored.wsUrl, plan.docName, { token });
    clients.push(byToken);
    await byToken.synced;
    expect(byToken.closes).toEqual([]);
  }, 60_000);

  it('refuses beside a running server, over an existing database without --force, and a damaged or newer backup', async () => {
    const beside = await runCli(restored.dataDir, ['restore', '--from', backupFile, '--force']);
    expect(beside.status).toBe(1);
    expect(beside.stderr).toMatch(/a server \(pid \d+\) is using/);
    await restored.stop('SIGTERM');
    expect(fs.existsSync(path.join(restored.dataDir, 'server.pid'))).toBe(false);

    const before = fs.readFileSync(path.join(restored.dataDir, 'sakutei.db'));
    const over = await runCli(restored.dataDir, ['restore', '--from', backupFile]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('already holds a database');
    expect(over.stderr).toContain('--force');
    expect(fs.readFileSync(path.join(restored.dataDir, 'sakutei.db'))).toEqual(before);
    const forced = await runCli(restored.dataDir, ['restore', '--from', backupFile, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    const kept = /kept as (\S+)/.exec(forced.stdout)![1]!;
    expect(fs.readFileSync(kept)).toEqual(before);

    const garbage = path.join(backupDir, 'garbage.db');
    fs.writeFileSync(garbage, Buffer.alloc(64 * 1024, 0x5a));
    const damaged = path.join(backupDir, 'damaged.db');
    const bytes = fs.readFileSync(backupFile);
    bytes.fill(0xff, 4096 + 2048, 8192); // the cells of page 2 (users): structure the check walks
    fs.writeFileSync(damaged, bytes);
    const newer = path.join(backupDir, 'newer.db');
    fs.copyFileSync(backupFile, newer);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const cases = [
      [garbage, 'not a usable SQLite database'],
      [damaged, 'fails the integrity check'],
      [newer, 'newer than this Sakutei knows'],
    ] as const;
    await Promise.all(
      cases.map(async ([file, message]) => {
        const target = folder();
        const refused = await runCli(target, ['restore', '--from', file]);
        expect(refused.status, `${file}: ${refused.stdout}`).toBe(1);
        expect(refused.stderr).toContain(message);
        expect(fs.readdirSync(target)).toEqual([]); // nothing half-restored
      }),
    );

    const usage = await runCli(restored.dataDir, ['backup']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--to is required');
  }, 60_000);
});
