import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStorage } from './index';
import { DATABASE_FILE } from './database';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('background checkpoints', () => {
  it('copy the write-ahead log into the database file off the server’s thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-ckpt-'));
    dirs.push(dir);
    const storage = openSqliteStorage(dir, { backgroundCheckpoints: true });
    const file = path.join(dir, DATABASE_FILE);
    const before = fs.statSync(file).size;
    const update = new Uint8Array(2_000).fill(7);
    for (let i = 0; i < 500; i++) await storage.docs.append('doc', [update]);
    // The server's own connection no longer checkpoints: the rows are still only in the log.
    expect(fs.statSync(file).size).toBe(before);
    await expect.poll(() => fs.statSync(file).size, { timeout: 5_000, interval: 100 }).toBeGreaterThan(before + 500 * 2_000);
    expect((await storage.docs.load('doc')).updates).toHaveLength(500);
    await storage.close();
  });
});
