import { CLOSE_CODES, type PlanSummary } from '@sakutei/shared';
import { deriveTable, readMeasureTable, setNodeText } from '@sakutei/shared/measures';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabClient, appendParagraph, bodyText, connectCollab, waitFor } from '../support/collab';
import { type ApiClient, signedIn } from '../support/http';

type Member = Awaited<ReturnType<typeof signedIn>>;
import { type TestServer, startServer, tempDataDir } from '../support/server';
import { type TestDatabase, createTestDatabase, redisUrl } from '../support/testServices';

/**
 * The scale-out topology: two Sakutei processes on one PostgreSQL database and one Redis,
 * each with its own data folder (nothing shared on disk). Clients on either process edit the
 * same plan; edits, presence, access changes and comment events cross between processes.
 */
let database: TestDatabase;
let databaseUrl: string;
const servers: TestServer[] = [];
const clients: CollabClient[] = [];
let plan: PlanSummary;

async function boot(): Promise<[TestServer, TestServer]> {
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl(),
    // Long enough that only the event bridge can explain a prompt disconnect.
    SAKUTEI_REVALIDATE_MS: '60000',
    // Small enough that the burst below compacts, by one process at a time.
    SAKUTEI_COMPACT_EVERY: '40',
  };
  // Started together on purpose: the demo is seeded once, whoever wins the lock.
  const started = await Promise.all([startServer({ dataDir: tempDataDir(), env }), startServer({ dataDir: tempDataDir(), env })]);
  servers.push(...started);
  return started;
}

async function open(server: TestServer, api: ApiClient): Promise<CollabClient> {
  const client = connectCollab(server.wsUrl, plan.docName, { token: (await api.collabToken(plan.id)).token });
  clients.push(client);
  await client.synced;
  return client;
}

/** Log entries of the plan's document not yet folded into its snapshot. */
async function storedUpdates(): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM doc_updates WHERE doc_name = $1', [plan.docName]);
    return rows[0]!.n;
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  databaseUrl = database.url;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  await database?.drop();
});

describe('two Sakutei processes on PostgreSQL and Redis', () => {
  let a: TestServer;
  let b: TestServer;
  let memberOnA: Member;
  let member2OnB: Member;

  it('seed the demo council once and share sessions and collab tokens', async () => {
    [a, b] = await boot();
    memberOnA = await signedIn(a.url, 'member@example.jp');
    member2OnB = await signedIn(b.url, 'member2@example.jp');
    const plansA = await memberOnA.plans();
    const plansB = await member2OnB.plans();
    expect(plansA).toHaveLength(1);
    expect(plansB.map((p) => p.id)).toEqual(plansA.map((p) => p.id));
    plan = plansA[0]!;
    // A session made on A is good on B, and a token A signed opens a socket on B.
    const sessionOnB = await fetch(`${b.url}/api/me`, { headers: { cookie: memberOnA.cookie } });
    expect(sessionOnB.status).toBe(200);
    const crossing = connectCollab(b.wsUrl, plan.docName, { token: (await memberOnA.collabToken(plan.id)).token });
    clients.push(crossing);
    await crossing.synced;
    expect(bodyText(crossing.doc)).toContain('paragraph');
  });

  it('carry edits both ways and converge under concurrent editing', async () => {
    const onA = await open(a, memberOnA);
    const onB = await open(b, member2OnB);
    appendParagraph(onA.doc, 'プロセスAからの編集');
    await waitFor(() => bodyText(onB.doc).includes('プロセスAからの編集'), 'A’s edit on B');
    const rowId = deriveTable(readMeasureTable(onB.doc)).rows.find((r) => r.depth > 0)!.node.id;
    setNodeText(onB.doc, rowId, 'description', 'プロセスBで書いた説明');
    await waitFor(
      () => deriveTable(readMeasureTable(onA.doc)).rowById.get(rowId)?.node.description === 'プロセスBで書いた説明',
      'B’s cell edit on A',
    );

    // Both type at once, well past the compaction threshold.
    for (let i = 0; i < 60; i++) {
      appendParagraph(onA.doc, `A-${i}`);
      appendParagraph(onB.doc, `B-${i}`);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const same = () =>
      Buffer.from(Y.encodeStateVector(onA.doc)).equals(Buffer.from(Y.encodeStateVector(onB.doc))) && bodyText(onA.doc) === bodyText(onB.doc);
    await waitFor(same, 'both clients to converge', 15_000);
    for (let i = 0; i < 60; i++) {
      expect(bodyText(onA.doc)).toContain(`<paragraph>A-${i}</paragraph>`);
      expect(bodyText(onA.doc)).toContain(`<paragraph>B-${i}</paragraph>`);
    }
    // Each process stored over 40 of those: the log was folded into a snapshot meanwhile.
    await waitFor(async () => (await storedUpdates()) < 60, 'the shared log to be compacted');
    // A fresh client on either process loads the same document from the shared log.
    const fresh = await open(a, member2OnB);
    await waitFor(() => bodyText(fresh.doc) === bodyText(onB.doc), 'a fresh client to load everything');
  });

  it('show each process’s carets on the other, under the authenticated name', async () => {
    const onA = await open(a, memberOnA);
    const onB = await open(b, member2OnB);
    onA.provider.awareness.setLocalStateField('user', { name: '偽名' });
    await waitFor(() => onB.provider.awareness.getStates().has(onA.doc.clientID), 'A’s presence on B');
    const seen = onB.provider.awareness.getStates().get(onA.doc.clientID) as { user: { id: string; name: string } };
    expect(seen.user.id).toBe(memberOnA.user.id);
    expect(seen.user.name).not.toBe('偽名');
  });

  it('hold permissions on both processes', async () => {
    for (const server of [a, b]) {
      const observer = await signedIn(server.url, 'observer@example.jp');
      expect((await observer.request('POST', `/api/plans/${plan.id}/collab-token`)).status).toBe(403);
      const viaCookie = connectCollab(server.wsUrl, plan.docName, { cookie: observer.cookie });
      clients.push(viaCookie);
      await waitFor(() => viaCookie.closes.length > 0, 'observer refused');
      expect(viaCookie.closes[0]!.code).toBe(CLOSE_CODES.forbidden);

      const staff = await signedIn(server.url, 'staff@example.jp');
      const commenter = await open(server, staff);
      appendParagraph(commenter.doc, '事務局は本文を編集できない');
      const editor = await open(server === a ? b : a, server === a ? member2OnB : memberOnA);
      await new Promise((r) => setTimeout(r, 300));
      expect(bodyText(editor.doc)).not.toContain('事務局は本文を編集できない');
    }
  });

  it('close a demoted member’s socket on the other process at once, and stream comment events across', async () => {
    const staffOnA = await signedIn(a.url, 'staff@example.jp');
    const member2Socket = await open(b, member2OnB);

    const controller = new AbortController();
    const stream = await fetch(`${b.url}/api/plans/${plan.id}/events`, { headers: { cookie: member2OnB.cookie }, signal: controller.signal });
    const reader = stream.body!.getReader();
    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        received += new TextDecoder().decode(value);
      }
    };
    await readUntil('"type":"notifications"');
    const kpi = deriveTable((await staffOnA.request('GET', `/api/plans/${plan.id}/measures`)).body.table).kpis[0]!;
    const created = await staffOnA.request('POST', `/api/plans/${plan.id}/threads`, {
      anchor: { kind: 'measure', target: { kind: 'kpi', id: kpi.kpi.id, field: 'actual', fiscalYear: 2023 }, quote: '成果指標 実績値 R5' },
      body: 'プロセスを越えるコメント',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await readUntil(created.body.thread.id);
    controller.abort();

    const started = Date.now();
    const demoted = await staffOnA.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${member2OnB.user.id}`, { role: 'observer' });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    await waitFor(() => member2Socket.closes.length > 0, 'B to close the demoted member’s socket', 5_000);
    // Well inside the 60 s sweep: the event crossed through Redis.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect([CLOSE_CODES.forbidden, CLOSE_CODES.accessChanged]).toContain(member2Socket.closes[0]!.code);
    await staffOnA.request('PUT', `/api/workspaces/${plan.workspaceId}/members/${member2OnB.user.id}`, { role: 'member' });
  });

  it('keep everything after both processes restart', async () => {
    const writer = await open(a, memberOnA);
    appendParagraph(writer.doc, '再起動をまたぐ編集');
    const watcher = await open(b, member2OnB);
    await waitFor(() => bodyText(watcher.doc).includes('再起動をまたぐ編集'), 'the edit on B');
    const expected = bodyText(watcher.doc);
    for (const c of clients.splice(0)) c.destroy();
    expect(await a.stop('SIGTERM')).toBe(0);
    expect(await b.stop('SIGTERM')).toBe(0);

    [a, b] = await boot();
    memberOnA = await signedIn(a.url, 'member@example.jp');
    member2OnB = await signedIn(b.url, 'member2@example.jp');
    expect((await memberOnA.plans()).map((p) => p.id)).toEqual([plan.id]);
    const onA = await open(a, memberOnA);
    const onB = await open(b, member2OnB);
    expect(bodyText(onA.doc)).toBe(expected);
    expect(bodyText(onB.doc)).toBe(expected);

    // Shutting down folded the log into the snapshot.
    expect(await storedUpdates()).toBe(0);
  });
});
