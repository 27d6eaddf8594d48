import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { WorkBusyError, WorkerPool } from './pool';

/*
 * The pool on real threads (the worker loads the TypeScript tasks through tsx, as under the
 * server): results and refusals cross the thread boundary intact, and a full queue refuses
 * at once instead of growing.
 */

// One pool for the file: a thread takes seconds to load the tasks under tsx.
const pool = new WorkerPool({ threads: 1, maxQueued: 1 });
afterAll(() => pool.close());

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('表').addRow(['No', '施策名']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('WorkerPool', () => {
  it('runs a task on a thread and carries an AppError back with its status and code', async () => {
    expect(await pool.run('readSheet', { bytes: await workbook() })).toEqual({ sheetName: '表', rows: [['No', '施策名']] });
    const err = await pool.run('readSheet', { bytes: Buffer.from('not a workbook') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 400, code: 'unreadable_spreadsheet' });
  }, 60_000);

  it('refuses with 503 server_busy and a Retry-After estimate once the threads and the queue are full', async () => {
    const bytes = await workbook();
    const runs = [1, 2, 3].map(() => pool.run('readSheet', { bytes }).then(() => 'ok', (e: unknown) => e));
    const [first, second, third] = await Promise.all(runs);
    expect([first, second]).toEqual(['ok', 'ok']);
    expect(third).toBeInstanceOf(WorkBusyError);
    expect(third).toMatchObject({ status: 503, code: 'server_busy' });
    expect((third as WorkBusyError).retryAfter).toBeGreaterThanOrEqual(1);
    expect(pool.load).toEqual({ running: 0, waiting: 0 });
  }, 60_000);

  it('stops a job that runs past its time limit with its thread (503 work_timeout), and the next job gets a fresh thread', async () => {
    const limited = new WorkerPool({ threads: 1, maxQueued: 1, maxJobMs: 1000 });
    try {
      // Laying out 100,000 rows takes ExcelJS many seconds on any machine: far past the limit.
      const rows = Array.from({ length: 100_000 }, (_, r) => [`事業${r}`, '子育て支援の充実を図ります。', String(r), 'R6', '担当課']);
      const slow = limited.run('writeSheet', { sheetName: '長い表', rows, headerRows: 1, options: {} });
      const queued = limited.run('readSheet', { bytes: await workbook() });
      expect(await slow.catch((e: unknown) => e)).toMatchObject({ status: 503, code: 'work_timeout' });
      expect(await queued).toEqual({ sheetName: '表', rows: [['No', '施策名']] });
    } finally {
      await limited.close();
    }
  }, 60_000);

  it('hands a job sent right after a timeout to the fresh thread, never to the one being stopped', async () => {
    const limited = new WorkerPool({ threads: 1, maxQueued: 1, maxJobMs: 1000 });
    try {
      const bytes = await workbook();
      const rows = Array.from({ length: 100_000 }, (_, r) => [`事業${r}`, '子育て支援の充実を図ります。', String(r), 'R6', '担当課']);
      // Sent in the timeout's own rejection, before the stopped thread's exit event.
      const after = limited.run('writeSheet', { sheetName: '長い表', rows, headerRows: 1, options: {} }).then(
        () => 'finished',
        (err: unknown) => {
          expect(err).toMatchObject({ status: 503, code: 'work_timeout' });
          return limited.run('readSheet', { bytes });
        },
      );
      expect(await after).toEqual({ sheetName: '表', rows: [['No', '施策名']] });
    } finally {
      await limited.close();
    }
  }, 60_000);

  it('settles running and waiting jobs with 503 when closed, instead of leaving them pending', async () => {
    const closing = new WorkerPool({ threads: 1, maxQueued: 1 });
    const rows = Array.from({ length: 100_000 }, (_, r) => [`事業${r}`, '子育て支援の充実を図ります。', String(r), 'R6', '担当課']);
    const settled: unknown[] = [];
    const running = closing.run('writeSheet', { sheetName: '長い表', rows, headerRows: 1, options: {} }).then(() => 'ok', (e: unknown) => e);
    const waiting = closing.run('readSheet', { bytes: await workbook() }).then(() => 'ok', (e: unknown) => e);
    void running.then((outcome) => settled.push(outcome));
    void waiting.then((outcome) => settled.push(outcome));
    await closing.close();
    // One turn of the loop for the rejections' handlers; a job that was never settled stays out of `settled`.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toHaveLength(2);
    for (const outcome of settled) expect(outcome).toMatchObject({ status: 503, code: 'server_busy' });
  }, 60_000);
});
