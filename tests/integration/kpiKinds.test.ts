import type { PlanSummary } from '@sakutei/shared';
import {
  addKpi,
  deriveTable,
  kpiFigures,
  newMeasureId,
  num,
  parseDelimited,
  readMeasureTable,
  type KpiFields,
  type KpiRecord,
  type MeasureTable,
} from '@sakutei/shared/measures';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { type ApiClient, signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/**
 * Every KPI target kind end to end: a member defines the KPIs in the live document, staff
 * record the years through the same actuals API as any KPI (a qualitative KPI's judgement is
 * one more kind of actual), and the figures read back from the API and the CSV export are
 * the hand-worked ones.
 */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let client: CollabClient;
let staff: ApiClient;
const ids: Record<string, string> = {};

const DEFINITIONS: Record<string, Partial<KpiFields>> = {
  range: { name: '種別:範囲', unit: '%', targetKind: { kind: 'range', low: 25, high: 50 }, baselineValue: num(20) },
  relative: { name: '種別:倍', unit: '社', targetKind: { kind: 'relative', mode: 'factor', amount: 2.5 }, baselineValue: num(10) },
  cumulative: { name: '種別:累計', unit: '件', targetKind: { kind: 'cumulative', fromYear: 2022 }, baselineValue: num(0), targetValue: num(100) },
  aggregate: {
    name: '種別:年平均',
    unit: '%',
    targetKind: { kind: 'aggregate', method: 'mean', years: [2022, 2023, 2024] },
    baselineValue: num(2),
    targetValue: num(3),
  },
  qualitative: { name: '種別:均衡', unit: '', targetKind: { kind: 'qualitative', wording: '収支均衡' } },
  sub: { name: '種別:副数値', unit: '社', subFigure: { label: '雇用者数', unit: '人' }, baselineValue: num(5), targetValue: num(10) },
  each: {
    name: '種別:内訳',
    unit: '世帯/年',
    components: ['複数', '単身'],
    partsJudged: 'each',
    baselineValue: { kind: 'parts', parts: { 複数: num(4), 単身: num(4) } },
    targetValue: { kind: 'parts', parts: { 複数: num(6), 単身: num(4) } },
  },
};

beforeAll(async () => {
  server = await startServer({ dataDir });
  const member = await signedIn(server.url, 'member@example.jp');
  [plan] = (await member.plans()) as [PlanSummary];
  client = connectCollab(server.wsUrl, plan.docName, { cookie: member.cookie });
  await client.synced;
  const attachTo = deriveTable(readMeasureTable(client.doc)).rows[0]!.node.id;
  for (const [key, fields] of Object.entries(DEFINITIONS)) {
    ids[key] = addKpi(client.doc, attachTo, { baselineYear: 2020, targetYear: 2025, ...fields }, newMeasureId);
  }
  await waitFor(async () => (await tableOf(member)).kpis.filter((k) => k.name.startsWith('種別:')).length === 7, 'the server to hold the new KPIs');
  staff = await signedIn(server.url, 'staff@example.jp');
});
afterAll(async () => {
  client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function tableOf(api: ApiClient): Promise<MeasureTable> {
  const res = await api.request('GET', `/api/plans/${plan.id}/measures`);
  expect(res.status).toBe(200);
  return res.body.table;
}

async function record(key: string, year: number, value: unknown): Promise<number> {
  return (await staff.request('PUT', `/api/plans/${plan.id}/kpis/${ids[key]}/actuals/${year}`, { value })).status;
}

async function kpiOf(key: string): Promise<KpiRecord> {
  return (await tableOf(staff)).kpis.find((k) => k.id === ids[key])!;
}

describe('KPI kinds through the actuals API', () => {
  it('records and judges each kind as worked out by hand', async () => {
    expect(await record('range', 2023, { kind: 'number', value: 22 })).toBe(200);
    expect(await record('relative', 2023, { kind: 'number', value: 20 })).toBe(200);
    for (const [year, value] of [[2022, 30], [2023, 25]] as const) expect(await record('cumulative', year, { kind: 'number', value })).toBe(200);
    for (const [year, value] of [[2022, 2.5], [2023, 3.5]] as const) expect(await record('aggregate', year, { kind: 'number', value })).toBe(200);
    expect(await record('qualitative', 2023, { kind: 'judgement', met: true, note: '単年度収支が均衡' })).toBe(200);
    expect(await record('sub', 2023, { kind: 'number', value: 7, sub: 11 })).toBe(200);
    expect(await record('each', 2023, { kind: 'parts', parts: { 複数: { kind: 'number', value: 7 }, 単身: { kind: 'number', value: 3 } } })).toBe(200);
    await waitFor(async () => Object.keys((await kpiOf('each')).actuals).length === 1, 'the last actual to be recorded');

    // range 25〜50, baseline 20, 22: 22/25 = 88 %; (22 − 20)/(25 − 20) = 40 %; nearer the band: A
    expect(kpiFigures(await kpiOf('range'), 2023)).toMatchObject({ achievement: 0.88, met: false, grade: 'A' });
    expect(kpiFigures(await kpiOf('range'), 2023).progress).toBeCloseTo(0.4, 9);
    // ×2.5 of 10 = 25; 20/25 = 80 %; (20 − 10)/(25 − 10) = 66.7 %
    expect(kpiFigures(await kpiOf('relative'), 2023)).toMatchObject({ target: 25, achievement: 0.8, grade: 'A' });
    // 累計 from R4: 30 + 25 = 55 of 100 = 55 %
    expect(kpiFigures(await kpiOf('cumulative'), 2023)).toMatchObject({ actual: 55, yearActual: 25, achievement: 0.55, grade: 'A' });
    // 年平均 of R4–R5 so far: (2.5 + 3.5)/2 = 3 ≥ 3: met, 100 %
    expect(kpiFigures(await kpiOf('aggregate'), 2023)).toMatchObject({ actual: 3, achievement: 1, met: true, grade: 'S' });
    // judged met by staff: S, no ratio
    expect(kpiFigures(await kpiOf('qualitative'), 2023)).toMatchObject({ met: true, judgement: { met: true, note: '単年度収支が均衡' }, grade: 'S' });
    // 7 of 10 = 70 %, the 11 kept
    expect(kpiFigures(await kpiOf('sub'), 2023)).toMatchObject({ actual: 7, sub: 11, achievement: 0.7 });
    // 複数 7/6 met, 単身 3/4 not: not met, 75 %
    expect(kpiFigures(await kpiOf('each'), 2023)).toMatchObject({ met: false, achievement: 0.75, regressed: true });
  });

  it('refuses a malformed judgement, changing nothing', async () => {
    expect(await record('qualitative', 2024, { kind: 'judgement', met: 'yes', note: '' })).toBe(400);
    expect(await record('qualitative', 2024, { kind: 'judgement', met: true, note: 'x'.repeat(401) })).toBe(400);
    expect((await kpiOf('qualitative')).actuals['2024']).toBeUndefined();
  });

  it('exports each kind the way plans print it, units from the one formatter', async () => {
    const res = await fetch(`${server.url}/api/plans/${plan.id}/measures/export?table=kpis&format=csv`, { headers: { cookie: staff.cookie } });
    expect(res.status).toBe(200);
    const rows = parseDelimited((await res.text()).replace(/^\uFEFF/, ''), ',');
    const years = rows[1]!;
    const r5 = years.indexOf('5年度');
    const byName = (name: string) => rows.find((row) => row[1] === name)!;
    expect(byName('種別:範囲')[3]).toBe('25〜50%');
    expect(byName('種別:倍')[3]).toBe('2.5倍');
    expect(byName('種別:累計')[3]).toBe('累計 100 件');
    expect(byName('種別:年平均')[3]).toBe('年平均 3%');
    expect(byName('種別:均衡')[3]).toBe('収支均衡');
    expect(byName('種別:均衡')[r5]).toBe('達成 (単年度収支が均衡)');
    expect(byName('種別:副数値')[r5]).toBe('7 社 (11 人)');
    // The per-year unit drops from a year's actual, exactly as the panel prints it.
    expect(byName('種別:内訳')[r5]).toBe('複数 7 世帯 単身 3 世帯');
  });
});
