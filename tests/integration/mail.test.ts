import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../server/src/auth/ids';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { signedIn } from '../support/http';
import { ROOT, type TestServer, startServer, tempDataDir } from '../support/server';
import { type SmtpSink, freePort, startSmtpSink } from '../support/smtpSink';
import { createTestDatabase } from '../support/testServices';

/**
 * The outbox end to end: a real server process sends through a real SMTP server on loopback,
 * and the test reads what arrives there.
 */

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Quick polling and retries, so a test waits a fraction of a second rather than a minute. */
const FAST = { SAKUTEI_MAIL_POLL_MS: '100', SAKUTEI_MAIL_RETRY_MS: '100', SAKUTEI_DEMO: '0' };

async function server(dataDir: string, smtpUrl: string): Promise<TestServer> {
  const s = await startServer({ dataDir, env: { ...FAST, SAKUTEI_SMTP_URL: smtpUrl } });
  cleanups.push(() => s.stop('SIGKILL'));
  return s;
}

async function sink(port?: number): Promise<SmtpSink> {
  const s = await startSmtpSink(port);
  cleanups.push(() => s.stop());
  return s;
}

function dataDir(): string {
  const dir = tempDataDir();
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `pnpm cli mail test --to`, as an operator would run it beside the server. */
function queueTestMail(dir: string, smtpUrl: string, to: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), 'mail', 'test', '--to', to], {
    cwd: ROOT,
    env: { ...process.env, SAKUTEI_DATA_DIR: dir, SAKUTEI_SMTP_URL: smtpUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cli mail test failed: ${result.stderr}`);
  return result.stdout.trim();
}

type Row = { to_address: string; attempts: number; sent_at: number | null; last_error: string | null };
function outbox(dir: string): Row[] {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare<[], Row>('SELECT to_address, attempts, sent_at, last_error FROM mail_outbox ORDER BY created_at').all();
  } finally {
    db.close();
  }
}

async function until<T>(what: string, read: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Lets the sender poll many times over, so a second delivery would have had every chance to happen. */
const settle = () => new Promise((r) => setTimeout(r, 1000));

describe('mail outbox, end to end', () => {
  it('delivers a queued message to the SMTP server, once, and records it as sent', async () => {
    const smtp = await sink();
    const dir = dataDir();
    const running = await server(dir, smtp.url);
    expect(queueTestMail(dir, smtp.url, 'iinchou@example.jp')).toContain('queued');
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['iinchou@example.jp']);
    expect(mail!.subject).toBe('Sakutei: テストメール / test message');
    expect(mail!.text).toContain('送信の設定は正しく動いています');
    expect(mail!.from).toContain('sakutei@localhost');
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    await settle();
    expect(smtp.received).toHaveLength(1);
    expect(outbox(dir)).toEqual([expect.objectContaining({ attempts: 0, sent_at: expect.any(Number), last_error: null })]);
    // The sender loop stops with the server: a clean exit, not the forced one.
    expect(await running.stop('SIGTERM')).toBe(0);
  });

  it('keeps retrying while the SMTP server is down and delivers once it is up', async () => {
    const port = await freePort();
    const url = `smtp://127.0.0.1:${port}`;
    const dir = dataDir();
    await server(dir, url);
    queueTestMail(dir, url, 'jimukyoku@example.jp');
    const failed = await until('two failed attempts', () => outbox(dir).find((r) => r.attempts >= 2));
    expect(failed.sent_at).toBeNull();
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);

    const smtp = await sink(port);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['jimukyoku@example.jp']);
    await settle();
    expect(smtp.received).toHaveLength(1);
    expect(outbox(dir)[0]!.sent_at).not.toBeNull();
  });

  it('loses nothing when the server dies before sending: the next start delivers it exactly once', async () => {
    const port = await freePort();
    const url = `smtp://127.0.0.1:${port}`;
    const dir = dataDir();
    const first = await server(dir, url);
    queueTestMail(dir, url, 'iin@example.jp');
    await until('a failed attempt', () => outbox(dir).find((r) => r.attempts >= 1));
    await first.stop('SIGKILL');
    expect(outbox(dir)).toEqual([expect.objectContaining({ sent_at: null })]);

    const smtp = await sink(port);
    await settle();
    expect(smtp.received).toHaveLength(0);
    await server(dir, url);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['iin@example.jp']);
    await settle();
    expect(smtp.received).toHaveLength(1);
    expect(outbox(dir)).toEqual([expect.objectContaining({ sent_at: expect.any(Number) })]);
  });

  it('stores no mail without SMTP: notifications stay in the app, and the settings say mail is off', async () => {
    const dir = dataDir();
    const s = await startServer({ dataDir: dir, env: { SAKUTEI_SMTP_URL: '' } });
    cleanups.push(() => s.stop('SIGKILL'));
    const staff = await signedIn(s.url, 'staff@example.jp');
    const chair = await signedIn(s.url, 'chair@example.jp');
    const [plan] = await staff.plans();
    const frozen = await staff.request('POST', `/api/plans/${plan!.id}/revisions`, { name: '第1回会議資料', stage: '素案' });
    expect((await staff.request('POST', `/api/revisions/${frozen.body.revision.id}/review`, {})).status).toBe(200);
    expect((await chair.request('GET', '/api/notifications')).body.notifications[0]).toMatchObject({ kind: 'reviewOpened' });
    expect((await chair.request('GET', '/api/me/notification-settings')).body).toEqual({ email: 'immediate', mailEnabled: false });
    expect(outbox(dir)).toEqual([]);
  });

  it('sends each message once when two processes share one PostgreSQL outbox', async () => {
    const smtp = await sink();
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const env = { ...FAST, DATABASE_URL: database.url, SAKUTEI_SMTP_URL: smtp.url };
    const servers = await Promise.all([startServer({ dataDir: dataDir(), env }), startServer({ dataDir: dataDir(), env })]);
    for (const s of servers) cleanups.push(() => s.stop('SIGKILL'));
    // Queued beside the servers, as another process (the CLI, a third server) would.
    const storage = await openPostgresStorage(database.url);
    cleanups.push(() => storage.close());
    const ids = Array.from({ length: 20 }, () => newId());
    for (const [i, id] of ids.entries()) {
      await storage.mailOutbox.enqueue({ id, to: `iin${i}@example.jp`, subject: `会議のお知らせ ${i}`, text: '本文', createdAt: Date.now() });
    }
    await smtp.waitFor(ids.length);
    await settle();
    const messageIds = smtp.received.map((m) => m.headers.get('message-id'));
    expect(messageIds).toHaveLength(ids.length);
    expect(new Set(messageIds)).toEqual(new Set(ids.map((id) => `<${id}@sakutei>`)));
    expect(await storage.mailOutbox.listUnsent(100)).toEqual([]);
  });

  it('queues nothing without SMTP: the CLI says so', async () => {
    const dir = dataDir();
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), 'mail', 'test', '--to', 'a@example.jp'], {
      cwd: ROOT,
      env: { ...process.env, SAKUTEI_DATA_DIR: dir, SAKUTEI_SMTP_URL: '' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('SAKUTEI_SMTP_URL is not set');
  });
});
