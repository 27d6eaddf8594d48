import type { PlanSummary } from '@sakutei/shared';
import { deriveTable, planSettingsOf, readMeasureTable } from '@sakutei/shared/measures';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/** 計画の設定: staff change levels, numbering, years and rules through the server, into the live document. */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
const clients: CollabClient[] = [];
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let member: Signed;
let chair: Signed;

beforeAll(async () => {
  server = await startServer({ dataDir });
  member = await signedIn(server.url, 'member@example.jp');
  staff = await signedIn(server.url, 'staff@example.jp');
  chair = await signedIn(server.url, 'chair@example.jp');
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function connect(api: Signed): Promise<CollabClient> {
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: api.cookie });
  clients.push(client);
  await client.synced;
  return client;
}

const patch = (api: Signed, body: unknown) => api.request('PATCH', `/api/plans/${plan.id}/settings`, body);

describe('plan settings', () => {
  it("re-labels every connected client's table at once when staff rename a level and change its numbering", async () => {
    const a = await connect(member);
    const b = await connect(chair);
    const before = planSettingsOf(readMeasureTable(a.doc));
    expect(deriveTable(readMeasureTable(a.doc)).rows.find((row) => row.depth === 1)?.number).toBe('(1)');

    const levels = [before.levels[0]!, { name: '基本施策', numbering: '{parent}-{arabic}' }, before.levels[2]!];
    const res = await patch(staff, { levels });
    expect(res.status).toBe(200);
    expect(res.body.changed).toEqual(['levels']);

    for (const client of [a, b]) {
      await waitFor(() => readMeasureTable(client.doc).settings.scheme.levels[1]?.name === '基本施策', 'the renamed level to arrive');
      const derived = deriveTable(readMeasureTable(client.doc));
      const second = derived.rows.filter((row) => row.depth === 1);
      expect(second[0]?.number).toBe('1-1');
      expect(second[0]?.levelName).toBe('基本施策');
      expect(second.find((row) => row.path.startsWith('2'))?.number).toBe('2-1');
    }
    // The export reads the same document: the new number is in the measure table file.
    const csv = await fetch(`${server.url}/api/plans/${plan.id}/measures/export?table=measures&format=csv`, { headers: { cookie: member.cookie } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('\n8-1,企業立地の促進,');
    expect(text).not.toContain('\n(1),');

    // In the audit record, with before and after.
    const audit = (await staff.request('GET', `/api/plans/${plan.id}/audit`)).body.entries;
    expect(audit[0]).toMatchObject({ kind: 'plan.settingsChanged', details: { changed: ['levels'] } });
    expect(audit[0].details.levels.new[1]).toEqual({ name: '基本施策', numbering: '{parent}-{arabic}' });
  });

  it('a frozen revision keeps the settings it was made with; the 新旧対照表 shows the change', async () => {
    const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '設定変更前', stage: '素案' });
    expect(frozen.status).toBe(201);
    const current = planSettingsOf((await member.request('GET', `/api/plans/${plan.id}/measures`)).body.table);
    const res = await patch(staff, {
      levels: [{ name: '基本目標', numbering: '{ROMAN}' }, ...current.levels.slice(1)],
      actualYears: [...current.actualYears, 2026],
      targetYear: 2026,
    });
    expect(res.status).toBe(200);
    expect(res.body.changed).toEqual(['levels', 'actualYears', 'targetYear']);

    const revision = (await member.request('GET', `/api/revisions/${frozen.body.revision?.id ?? frozen.body.id}`)).body;
    expect(revision.snapshot.measures.settings.scheme.levels[0].name).toBe(current.levels[0]!.name);
    expect(revision.snapshot.measures.settings.actualYears).not.toContain(2026);

    const compare = await member.request('GET', `/api/plans/${plan.id}/compare?from=${frozen.body.revision?.id ?? frozen.body.id}&to=draft`);
    expect(compare.status).toBe(200);
    const fields = compare.body.measures.settings.map((change: { field: string }) => change.field);
    expect(fields).toEqual(expect.arrayContaining(['levels', 'actualYears', 'targetYear']));
    const renumbered = compare.body.measures.rows.find((row: { renumbered: boolean; old: { depth: number } | null }) => row.renumbered && row.old?.depth === 0);
    expect(renumbered.new.number).toBe('Ⅰ');
  });

  it('refuses bad settings with 400 and a reason, and changes nothing', async () => {
    const client = await connect(member);
    const before = JSON.stringify(readMeasureTable(client.doc).settings);
    const auditBefore = (await staff.request('GET', `/api/plans/${plan.id}/audit`)).body.entries.length;
    const cases: Array<[unknown, string]> = [
      [{ levels: [] }, 'at least one level'],
      [{ levels: Array.from({ length: 50 }, (_, i) => ({ name: `L${i}`, numbering: '{arabic}' })) }, 'at most 8 levels'],
      [{ actualYears: [2022, 2023, 2023] }, 'listed twice'],
      [{ actualYears: [2025, 2024] }, 'oldest'],
      [
        {
          gradeRules: [
            { grade: 'B', label: '', when: { kind: 'progressAtLeast', percent: 50 }, tone: 'blue' },
            { grade: 'A', label: '', when: { kind: 'progressAtLeast', percent: 80 }, tone: 'green' },
          ],
        },
        'highest to the lowest',
      ],
      [{ schemeName: 'あ'.repeat(5000) }, 'at most 80'],
      [{ levels: [{ name: '体系', numbering: '{parent}-{arabic}' }] }, 'no parent'],
      [{ targetYear: 2040 }, 'target year'],
      [{ gradeRules: [{ grade: 'S', label: '', when: { kind: 'achieved' }, tone: '#ffff00' }] }, ''],
      [{}, 'names no setting'],
      [{ secret: true }, ''],
    ];
    for (const [body, reason] of cases) {
      const res = await patch(staff, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.message).toContain(reason);
    }
    // 100 KB of actors: refused before it is read.
    const huge = await patch(staff, { actors: Array.from({ length: 3000 }, (_, i) => ({ id: null, name: `主体${i}`.padEnd(30, 'x') })) });
    expect([400, 413]).toContain(huge.status);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(JSON.stringify(readMeasureTable(client.doc).settings)).toBe(before);
    expect((await staff.request('GET', `/api/plans/${plan.id}/audit`)).body.entries.length).toBe(auditBefore);
  });

  it('only staff and the chair change settings; a member writes nothing this way', async () => {
    expect((await patch(member, { kpiDirection: 'lower' })).status).toBe(403);
    const res = await patch(chair, { kpiDirection: 'lower', actors: [{ id: null, name: '市' }] });
    expect(res.status).toBe(200);
    expect(res.body.settings.actors).toEqual([{ id: expect.any(String), name: '市' }]);
    expect(res.body.settings.kpiDirection).toBe('lower');
  });
});
