import type { PlanSummary } from '@sakutei/shared';
import {
  CSV_BOM,
  deriveTable,
  indentNode,
  moveNodeBy,
  num,
  parseDelimited,
  readMeasureTable,
  setActual,
  setNodeText,
  type DerivedTable,
  type MeasureTable,
} from '@sakutei/shared/measures';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { type ApiClient, signedIn } from '../support/http';
import { type TestServer, cli, startServer, tempDataDir, addOutsider, OUTSIDER_PASSWORD } from '../support/server';

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir });
  const member = await signedIn(server.url, 'member@example.jp');
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(email: string): Promise<{ api: ApiClient; client: CollabClient }> {
  const api = await signedIn(server.url, email);
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: api.cookie });
  clients.push(client);
  await client.synced;
  return { api, client };
}

const view = (doc: Y.Doc): DerivedTable => deriveTable(readMeasureTable(doc));
const outline = (doc: Y.Doc) => view(doc).rows.map((row) => `${row.path} ${row.title}`);

async function measuresOf(api: ApiClient): Promise<MeasureTable> {
  const res = await api.request('GET', `/api/plans/${plan.id}/measures`);
  expect(res.status).toBe(200);
  return res.body.table;
}

describe('the demo measure table', () => {
  it('holds the whole programme, seeded through the import: 8 areas and 20 KPIs in order', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const derived = deriveTable(await measuresOf(member));
    const areas = derived.rows.filter((row) => row.depth === 0);
    expect(areas.map((row) => row.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(derived.kpis.map((entry) => entry.mark).join('')).toBe('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳');
    const vacant = derived.kpis[5]!;
    expect(vacant.kpi).toMatchObject({
      name: '中心市街地空き店舗数',
      direction: 'lower',
      baseline: { value: num(110), fiscalYear: 2020 },
      target: { value: num(80), fiscalYear: 2025 },
    });
    expect(vacant.kpi.actuals['2023']).toEqual(num(102));
    expect(derived.rowById.get(vacant.rowId!)?.title).toBe('街なか出店入居者家賃補助事業');
    const coordinator = derived.rows.find((row) => row.title === '産業支援コーディネート事業')!;
    expect(coordinator.path).toBe('1(1)②');
    expect(coordinator.project?.contacts[0]?.phone).toContain('024-515-7746');
  });
});

describe('co-editing the measure table over y-websocket', () => {
  it('merges edits to different cells of one row and to the same cell, and converges', async () => {
    const a = await open('member@example.jp');
    const b = await open('member2@example.jp');
    const row = view(a.client.doc).rows.find((r) => r.title === '相談支援事業')!;
    setNodeText(a.client.doc, row.node.id, 'description', '商工会議所や各商工会による経営相談・指導の充実を図ります。（令和8年度拡充）');
    setNodeText(b.client.doc, row.node.id, 'title', '経営相談支援事業');
    await waitFor(
      () => [a, b].every(({ client }) => view(client.doc).rowById.get(row.node.id)?.title === '経営相談支援事業' &&
        view(client.doc).rowById.get(row.node.id)?.node.description.includes('令和8年度拡充')),
      'both cell edits to reach both clients',
    );
    // Same cell, at once: both insertions survive.
    setNodeText(a.client.doc, row.node.id, 'title', '経営相談支援事業（商工団体）');
    setNodeText(b.client.doc, row.node.id, 'title', '【重点】経営相談支援事業');
    await waitFor(
      () => [a, b].every(({ client }) => view(client.doc).rowById.get(row.node.id)?.title === '【重点】経営相談支援事業（商工団体）'),
      'concurrent edits of one cell to merge',
    );
  });

  it('keeps every row exactly once when two members move rows at the same time', async () => {
    const a = await open('member@example.jp');
    const b = await open('member2@example.jp');
    const before = view(a.client.doc);
    const area2 = before.rows.find((r) => r.path === '2')!;
    const [first, second, third] = before.rows.filter((r) => r.parentId === before.rows.find((x) => x.path === '1(1)')!.node.id);
    // Offline on both sides, so the moves are truly concurrent.
    a.client.provider.disconnect();
    b.client.provider.disconnect();
    moveNodeBy(a.client.doc, third!.node.id, -1);
    moveNodeBy(b.client.doc, third!.node.id, 1);
    indentNode(a.client.doc, area2.node.id);
    moveNodeBy(b.client.doc, area2.node.id, -1);
    moveNodeBy(b.client.doc, first!.node.id, 1);
    a.client.provider.connect();
    b.client.provider.connect();
    await waitFor(() => JSON.stringify(outline(a.client.doc)) === JSON.stringify(outline(b.client.doc)), 'clients to converge');
    const after = view(a.client.doc);
    const ids = after.rows.map((r) => r.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(before.rows.map((r) => r.node.id).sort());
    expect(after.kpis).toHaveLength(20);
    void second;
  });

  it('persists what was co-edited across a server restart', async () => {
    const { client } = await open('member@example.jp');
    const expected = outline(client.doc);
    const kpi = view(client.doc).kpis[1]!.kpi;
    setActual(client.doc, kpi.id, 2024, num(401));
    const api = await signedIn(server.url, 'member@example.jp');
    await waitFor(async () => (await measuresOf(api)).kpis.find((k) => k.id === kpi.id)?.actuals['2024']?.kind === 'number', 'the server to accept the actual');
    for (const c of clients.splice(0)) c.destroy();
    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer({ dataDir });
    const member = await signedIn(server.url, 'member@example.jp');
    const table = await measuresOf(member);
    const derived = deriveTable(table);
    expect(derived.rows.map((row) => `${row.path} ${row.title}`)).toEqual(expected);
    expect(derived.kpiById.get(kpi.id)?.kpi.actuals['2024']).toEqual(num(401));
  });
});

describe('recording KPI actuals', () => {
  it('lets staff record an actual through the API, and every open client sees it at once', async () => {
    const { client } = await open('member@example.jp');
    const kpi = view(client.doc).kpis[9]!.kpi; // ⑩ 産学共同研究等
    const staff = await signedIn(server.url, 'staff@example.jp');
    const res = await staff.request('PUT', `/api/plans/${plan.id}/kpis/${kpi.id}/actuals/2024`, { value: { kind: 'number', value: 2 } });
    expect(res.status).toBe(200);
    await waitFor(() => view(client.doc).kpiById.get(kpi.id)?.kpi.actuals['2024']?.kind === 'number', 'the actual to arrive');
    expect(view(client.doc).kpiById.get(kpi.id)?.kpi.actuals['2024']).toEqual(num(2));
    const withheld = await staff.request('PUT', `/api/plans/${plan.id}/kpis/${kpi.id}/actuals/2025`, { value: { kind: 'withheld' } });
    expect(withheld.status).toBe(200);
    await waitFor(() => view(client.doc).kpiById.get(kpi.id)?.kpi.actuals['2025']?.kind === 'withheld', 'X to arrive');
  });

  it("refuses a staff member's direct document edit: they may only suggest, and an actual is no suggestion", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const member = await open('member@example.jp');
    const staff = await open('staff@example.jp');
    const kpi = view(staff.client.doc).kpis[0]!.kpi;
    setActual(staff.client.doc, kpi.id, 2024, num(99));
    // The server says no (y-websocket logs the permission-denied message) ...
    await waitFor(() => warn.mock.calls.some((c) => String(c[0]).includes('suggest-only')), 'permission denied to reach staff');
    warn.mockRestore();
    // ... and nothing reached anyone else or the store.
    expect(view(member.client.doc).kpiById.get(kpi.id)?.kpi.actuals['2024']).toBeUndefined();
    expect((await measuresOf(member.api)).kpis.find((k) => k.id === kpi.id)?.actuals['2024']).toBeUndefined();
  });

  it('refuses observers, outsiders, unknown KPIs and malformed values, changing nothing', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const kpi = deriveTable(await measuresOf(member)).kpis[2]!.kpi;
    const path = `/api/plans/${plan.id}/kpis/${kpi.id}/actuals/2024`;
    const observer = await signedIn(server.url, 'observer@example.jp');
    expect((await observer.request('PUT', path, { value: { kind: 'number', value: 5 } })).status).toBe(403);
    addOutsider(server.dataDir, 'outsider2@example.jp');
    const outsider = await signedIn(server.url, 'outsider2@example.jp', OUTSIDER_PASSWORD);
    expect((await outsider.request('PUT', path, { value: { kind: 'number', value: 5 } })).status).toBe(404);
    expect((await outsider.request('GET', `/api/plans/${plan.id}/measures`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/plans/${plan.id}/measures/export?table=kpis&format=csv`)).status).toBe(404);
    const staff = await signedIn(server.url, 'staff@example.jp');
    expect((await staff.request('PUT', `/api/plans/${plan.id}/kpis/nope/actuals/2024`, { value: { kind: 'none' } })).status).toBe(404);
    const bad = await staff.request('PUT', path, { value: { kind: 'number', value: 'many' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect((await staff.request('PUT', `/api/plans/${plan.id}/kpis/${kpi.id}/actuals/1700`, { value: { kind: 'none' } })).status).toBe(400);
    const after = (await measuresOf(member)).kpis.find((k) => k.id === kpi.id)!;
    expect(after.actuals['2024']).toBeUndefined();
  });
});

describe('recording KPI actuals against the KPI (issue 15 item 9)', () => {
  // A value the 一覧 cannot show must not be recorded: it would be graded all the same.
  it("refuses a component the KPI does not have and a year outside the plan's columns, naming what is allowed", async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const staff = await signedIn(server.url, 'staff@example.jp');
    const before = await measuresOf(member);
    const single = before.kpis.find((k) => k.components.length === 0)!;
    const composite = before.kpis.find((k) => k.components.length > 0)!;
    const put = (kpiId: string, year: number, value: unknown) =>
      staff.request('PUT', `/api/plans/${plan.id}/kpis/${kpiId}/actuals/${year}`, { value });

    try {
      const stray = await put(composite.id, 2024, { kind: 'parts', parts: { 複数: { kind: 'number', value: 1 }, 三世代: { kind: 'number', value: 9 } } });
      expect(stray.status).toBe(400);
      expect(stray.body.error.code).toBe('unknown_component');
      for (const name of composite.components) expect(stray.body.error.message).toContain(name);
      expect(stray.body.error.message).toContain('三世代');

      const partsOnSingle = await put(single.id, 2024, { kind: 'parts', parts: { 合計: { kind: 'number', value: 1 } } });
      expect(partsOnSingle.status).toBe(400);
      expect(partsOnSingle.body.error.code).toBe('unknown_component');

      const outside = await put(single.id, 2031, { kind: 'number', value: 5 });
      expect(outside.status).toBe(400);
      expect(outside.body.error.code).toBe('fiscal_year_not_tracked');
      expect(outside.body.error.message).toContain('2022, 2023, 2024, 2025');

      // The components it has, in a tracked year, are recorded; clearing any year is allowed.
      const fine = await put(composite.id, 2024, { kind: 'parts', parts: { [composite.components[0]!]: { kind: 'number', value: 4 } } });
      expect(fine.status).toBe(200);
      expect((await put(single.id, 2031, { kind: 'blank' })).status).toBe(200);

      const after = await measuresOf(member);
      const singleAfter = after.kpis.find((k) => k.id === single.id)!;
      expect(singleAfter.actuals['2031']).toBeUndefined();
      expect(singleAfter.actuals['2024']).toEqual(single.actuals['2024']);
      expect(after.kpis.find((k) => k.id === composite.id)!.actuals['2024']).toEqual({
        kind: 'parts',
        parts: { [composite.components[0]!]: num(4) },
      });
    } finally {
      // Put the demo's figures back as they were, whatever failed above.
      await put(composite.id, 2024, composite.actuals['2024'] ?? { kind: 'blank' });
      await put(single.id, 2031, single.actuals['2031'] ?? { kind: 'blank' });
    }
  });
});

describe('export and spreadsheet import', () => {
  it('exports the 成果指標一覧 as CSV in the programme column order, readable by Excel', async () => {
    const observer = await signedIn(server.url, 'observer@example.jp');
    const refused = await fetch(`${server.url}/api/plans/${plan.id}/measures/export?table=kpis&format=csv`, { headers: { cookie: observer.cookie } });
    expect(refused.status).toBe(403); // observers read approved revisions, not the draft
    const staff = await signedIn(server.url, 'staff@example.jp');
    const res = await fetch(`${server.url}/api/plans/${plan.id}/measures/export?table=kpis&format=csv`, { headers: { cookie: staff.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''%E6%88%90%E6%9E%9C");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // fetch's text() would swallow the BOM, so look at the bytes Excel sees.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseDelimited(text.slice(1), ',');
    expect(rows[0]!.slice(0, 4)).toEqual(['No', '成果指標 (旧指標名)', '基準値 令和2年度', '目標値 令和7年度']);
    // Found by name: earlier tests moved rows, and KPI numbers follow the rows.
    const vacant = rows.find((row) => row[1] === '中心市街地空き店舗数')!;
    expect(vacant[0]).toMatch(/^[①-⑳]$/);
    // The direction is spelled out (以下) so the file reads back the same.
    expect(vacant.slice(2, 4)).toEqual(['110 店舗', '80 店舗 以下']);
    expect(rows.filter((row) => /^[①-⑳]$/.test(row[0] ?? ''))).toHaveLength(20);
  });

  it('reads back its own XLSX export through the spreadsheet route, cell for cell', async () => {
    const member = await signedIn(server.url, 'member@example.jp');
    const csv = await (await fetch(`${server.url}/api/plans/${plan.id}/measures/export?table=measures&format=csv`, { headers: { cookie: member.cookie } })).text();
    const expected = parseDelimited(csv, ',');
    const xlsx = await fetch(`${server.url}/api/plans/${plan.id}/measures/export?table=measures&format=xlsx`, { headers: { cookie: member.cookie } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    const res = await member.request('POST', `/api/plans/${plan.id}/spreadsheets/rows`, { fileName: 'measures.xlsx', contentBase64: bytes.toString('base64') });
    expect(res.status).toBe(200);
    const trim = (rows: string[][]) => rows.map((row) => { const r = [...row]; while (r.length && r.at(-1) === '') r.pop(); return r; });
    expect(trim(res.body.rows)).toEqual(trim(expected));
  });

  it('refuses spreadsheets from observers, and garbage with a clear error', async () => {
    const observer = await signedIn(server.url, 'observer@example.jp');
    const body = { fileName: 'x.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') };
    expect((await observer.request('POST', `/api/plans/${plan.id}/spreadsheets/rows`, body)).status).toBe(403);
    const member = await signedIn(server.url, 'member@example.jp');
    const res = await member.request('POST', `/api/plans/${plan.id}/spreadsheets/rows`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unreadable_spreadsheet');
  });
});
