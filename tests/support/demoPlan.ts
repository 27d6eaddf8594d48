import fs from 'node:fs';
import type { PlanSummary } from '@sakutei/shared';
import { afterAll, beforeAll, expect } from 'vitest';
import type * as Y from 'yjs';
import { type CollabClient, connectCollab } from './collab';
import { signedIn } from './http';
import { type TestServer, startServer, tempDataDir } from './server';

export type Signed = Awaited<ReturnType<typeof signedIn>>;

export type DemoPlan<Users extends readonly string[]> = {
  server: TestServer;
  /** The demo plan (the first plan the first user sees). */
  plan: PlanSummary;
  /** The users named, signed in, in the same order. */
  users: { -readonly [K in keyof Users]: Signed };
  /** A collab connection to the plan's draft as `who`, synced; closed when the file's tests end. */
  connect(who: Signed): Promise<CollabClient>;
  /** What `read` finds in the server's copy of the draft, seen by a fresh connection as `who` (closed at once). */
  probe<T>(who: Signed, read: (doc: Y.Doc) => T): Promise<T>;
  /** A GET as `who` that must answer 200, with its body as bytes. */
  download(who: Signed, url: string): Promise<{ res: Response; bytes: Buffer }>;
};

/**
 * The real server, for a test file working on the demo plan. In beforeAll: the server on a
 * fresh data directory, each named demo user (`member` is member@example.jp) signed in, and
 * the plan. In afterAll: every connection it opened closed, the server killed and its data
 * removed. Call it at the top of the file; its fields are filled once the file's tests run
 * (read them in hooks and tests, a later beforeAll included, never at the top level).
 */
export function demoPlan<const Users extends readonly string[]>(users: Users): DemoPlan<Users> {
  const dataDir = tempDataDir();
  const clients: CollabClient[] = [];
  const demo = {
    async connect(who: Signed) {
      const client = connectCollab(demo.server.wsUrl, demo.plan.docName, { cookie: who.cookie });
      clients.push(client);
      await client.synced;
      return client;
    },
    async probe<T>(who: Signed, read: (doc: Y.Doc) => T) {
      const probe = connectCollab(demo.server.wsUrl, demo.plan.docName, { cookie: who.cookie });
      try {
        await probe.synced;
        return read(probe.doc);
      } finally {
        probe.destroy();
      }
    },
    async download(who: Signed, url: string) {
      const res = await fetch(`${demo.server.url}${url}`, { headers: { cookie: who.cookie } });
      expect(res.status, url).toBe(200);
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    },
  } as DemoPlan<Users>;

  beforeAll(async () => {
    demo.server = await startServer({ dataDir });
    demo.users = (await Promise.all(users.map((who) => signedIn(demo.server.url, `${who}@example.jp`)))) as DemoPlan<Users>['users'];
    [demo.plan] = (await demo.users[0]!.plans()) as [PlanSummary];
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await demo.server?.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return demo;
}
