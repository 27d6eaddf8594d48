import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../server/src/storage/postgres';
import { runCli } from '../support/cli';
import { tempDataDir } from '../support/server';
import { type TestDatabase, createTestDatabase } from '../support/testServices';

/** The admin CLI with DATABASE_URL set: the same commands, on PostgreSQL; the data folder untouched. */
describe('CLI on PostgreSQL', () => {
  let database: TestDatabase;
  let dataDir: string;
  const cli = async (...args: string[]) => {
    const result = await runCli(dataDir, args, { DATABASE_URL: database.url });
    if (result.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = tempDataDir();
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Each command is a process of its own (about a second and a half); one of each kind will do.
  it('manages users, councils, members and plans, and verifies the audit log', async () => {
    const workspaceId = /workspace (\S+)/.exec(await cli('workspace', 'add', '--name', '郡山市産業振興会議'))![1]!;
    await cli('user', 'add', '--email', 'Chair@Example.jp', '--name', '座長', '--password', 'a-long-password-1');
    expect(await cli('member', 'set', '--workspace', workspaceId, '--email', 'chair@example.jp', '--role', 'chair')).toContain('is chair');
    expect(await cli('plan', 'add', '--workspace', workspaceId, '--title', '産業振興計画')).toMatch(/^plan \S+ in 郡山市産業振興会議$/);
    expect(await cli('member', 'list', '--workspace', workspaceId)).toBe('chair\tchair@example.jp\t座長');
    // The new council and the role change were recorded, chained, in the database.
    expect(await cli('audit', 'verify')).toBe('audit log intact: 2 entries verified');

    const storage = await openPostgresStorage(database.url);
    try {
      expect((await storage.workspaces.listMembers(workspaceId)).map((m) => m.role)).toEqual(['chair']);
    } finally {
      await storage.close();
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('refuses backup and restore, pointing at pg_dump', async () => {
    for (const args of [['backup', '--to', `${dataDir}/backup.db`], ['restore', '--from', `${dataDir}/backup.db`]]) {
      const result = await runCli(dataDir, args, { DATABASE_URL: database.url });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/DATABASE_URL is set.*pg_dump/);
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
