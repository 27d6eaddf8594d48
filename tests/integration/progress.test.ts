import fs from 'node:fs';
import type { PlanSummary } from '@sakutei/shared';
import { deriveTable, readMeasureTable, setProgress, type MeasureTable, type ProgressEntry } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { type ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/** Progress by project: a placement's yearly 実施状況, recorded by staff through the API or by editors in the document. */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let staff: ApiClient, member: ApiClient;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir });
  [staff, member] = await Promise.all([signedIn(server.url, 'staff@example.jp'), signedIn(server.url, 'member@example.jp')]);
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function openAs(api: ApiClient): Promise<CollabClient> {
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: api.cookie });
  clients.push(client);
  await client.synced;
  return client;
}

async function tableOf(api: ApiClient): Promise<MeasureTable> {
  const res = await api.request('GET', `/api/plans/${plan.id}/measures`);
  expect(res.status).toBe(200);
  return res.body.table;
}

const path = (nodeId: string, year: number | string) => `/api/plans/${plan.id}/placements/${nodeId}/progress/${year}`;
const done: ProgressEntry = { status: 'implemented', note: '相談件数は前年並み。', figure: { value: 412, unit: '件' } };

async function placements() {
  const derived = deriveTable(await tableOf(member));
  const rows = derived.rows.filter((row) => row.node.kind === 'placement');
  return { derived, rows };
}

describe('recording 実施状況', () => {
  it('lets staff record a year through the API; open clients and the measure table see it at once', async () => {
    const client = await openAs(member);
    const { rows } = await placements();
    const consult = rows.find((row) => row.title === '相談支援事業')!;
    const res = await staff.request('PUT', path(consult.node.id, 2024), { entry: done });
    expect(res.status).toBe(200);
    await waitFor(() => readMeasureTable(client.doc).progress?.[consult.node.id]?.['2024']?.status === 'implemented', 'the entry to arrive');
    expect(readMeasureTable(client.doc).progress?.[consult.node.id]?.['2024']).toEqual(done);
    expect((await tableOf(member)).progress?.[consult.node.id]).toEqual({ '2024': done });

    // Overwritten, then cleared.
    const partly = { status: 'partial', note: '', figure: null };
    expect((await staff.request('PUT', path(consult.node.id, 2024), { entry: partly })).status).toBe(200);
    expect((await tableOf(staff)).progress?.[consult.node.id]?.['2024']).toEqual(partly);
    expect((await staff.request('PUT', path(consult.node.id, 2024), { entry: null })).status).toBe(200);
    expect((await tableOf(staff)).progress?.[consult.node.id]).toBeUndefined();
  });

  it('lets an editor record through the API as well as in the document', async () => {
    const { rows } = await placements();
    const [first, second] = [rows[1]!, rows[2]!];
    expect((await member.request('PUT', path(first.node.id, 2023), { entry: { ...done, status: 'completed' } })).status).toBe(200);
    const client = await openAs(member);
    expect(setProgress(client.doc, second.node.id, 2023, { status: 'suspended', note: '事業者の募集なし', figure: null })).toBe(true);
    await waitFor(async () => (await tableOf(staff)).progress?.[second.node.id]?.['2023']?.status === 'suspended', 'the edit to be stored');
    expect((await tableOf(staff)).progress?.[first.node.id]?.['2023']?.status).toBe('completed');
  });

  it('refuses observers, outsiders, rows that are no placement, bad entries and untracked years, changing nothing', async () => {
    const before = await tableOf(member);
    const { derived, rows } = await placements();
    const target = rows[3]!.node.id;
    const measure = derived.rows.find((row) => row.node.kind === 'measure')!.node.id;

    const observer = await signedIn(server.url, 'observer@example.jp');
    expect((await observer.request('PUT', path(target, 2024), { entry: done })).status).toBe(403);
    addOutsider(server.dataDir, 'outsider-progress@example.jp');
    const outsider = await signedIn(server.url, 'outsider-progress@example.jp', OUTSIDER_PASSWORD);
    expect((await outsider.request('PUT', path(target, 2024), { entry: done })).status).toBe(404);

    const missing = await staff.request('PUT', path('nope', 2024), { entry: done });
    expect(missing.status).toBe(404);
    expect((await staff.request('PUT', path(measure, 2024), { entry: done })).status).toBe(404);

    for (const entry of [
      { ...done, status: '実施' },
      { ...done, status: 'finished' },
      { ...done, note: 'x'.repeat(2001) },
      { ...done, figure: { value: 'many', unit: '件' } },
      { status: 'implemented' },
    ]) {
      const bad = await staff.request('PUT', path(target, 2024), { entry });
      expect(bad.status, JSON.stringify(entry).slice(0, 80)).toBe(400);
      expect(bad.body.error.code).toBe('invalid_request');
    }
    expect((await staff.request('PUT', path(target, 2024), {})).status).toBe(400);
    expect((await staff.request('PUT', path(target, 1700), { entry: done })).status).toBe(400);
    expect((await staff.request('PUT', path(target, 'R6'), { entry: done })).status).toBe(400);
    const untracked = await staff.request('PUT', path(target, 2031), { entry: done });
    expect(untracked.status).toBe(400);
    expect(untracked.body.error.code).toBe('fiscal_year_not_tracked');

    expect((await tableOf(member)).progress).toEqual(before.progress);
  });

  it('is frozen with a revision', async () => {
    const { rows } = await placements();
    const target = rows[4]!.node.id;
    expect((await staff.request('PUT', path(target, 2025), { entry: done })).status).toBe(200);
    const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '実施状況の確認', stage: '素案' });
    expect(frozen.status).toBe(201);
    const snapshot = (await staff.request('GET', `/api/revisions/${frozen.body.revision.id}`)).body.snapshot;
    expect(snapshot.measures.progress[target]['2025']).toEqual(done);
  });

  it('is refused on an archived edition (409), as KPI actuals are', async () => {
    const { rows } = await placements();
    const next = await staff.request('POST', '/api/plans', { workspaceId: plan.workspaceId, source: { kind: 'nextEdition', planId: plan.id } });
    expect(next.status).toBe(201);
    const res = await staff.request('PUT', path(rows[0]!.node.id, 2024), { entry: done });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('plan_archived');
  });
});
