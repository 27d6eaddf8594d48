import fs from 'node:fs';
import type { PlanSummary, Revision } from '@sakutei/shared';
import { addNode, deriveTable, readMeasureTable } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../../server/src/services/export/testing/unzip';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/*
 * The documents a 事務局 hands out, through the real routes of a real server on the demo
 * plan: each file is parsed and its structure checked (orientation, column widths, merged
 * cells, page header), and the query parameters (calendar, order) do what they say.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let member: Signed, staff: Signed, observer: Signed;
let adopted: Revision;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir });
  [member, staff, observer] = (await Promise.all(['member', 'staff', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
  const revisions = (await member.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Revision[];
  // The demo seeds the adopted 令和7年度版 as an approved revision.
  adopted = revisions.find((revision) => revision.review.status === 'approved')!;
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const download = async (api: Signed, url: string) => {
  const res = await fetch(`${server.url}${url}`, { headers: { cookie: api.cookie } });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  // EXPORT_SAMPLES=<dir> keeps each file, to look at in LibreOffice or a browser.
  if (process.env['EXPORT_SAMPLES']) fs.writeFileSync(`${process.env['EXPORT_SAMPLES']}/demo-${url.replace(/[^a-z0-9=]+/gi, '_').slice(-60)}`, bytes);
  return { res, bytes };
};

/** What a worksheet says about its layout, read from its XML. */
function sheetLayout(bytes: Buffer) {
  const xml = unzip(bytes).get('xl/worksheets/sheet1.xml')!;
  const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
  return {
    widths: [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1])),
    merges: [...xml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1]!),
    header: decode(/<oddHeader>([\s\S]*?)<\/oddHeader>/.exec(xml)?.[1] ?? ''),
    footer: decode(/<oddFooter>([\s\S]*?)<\/oddFooter>/.exec(xml)?.[1] ?? ''),
    orientation: /<pageSetup [^>]*orientation="(\w+)"/.exec(xml)?.[1],
  };
}

const orientations = (xml: string) => [...xml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1]);
const grids = (xml: string) =>
  [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((g) => [...g[1]!.matchAll(/w:w="(\d+)"/g)].map((c) => Number(c[1])));

describe('an approved revision, handed out', () => {
  it('as DOCX: the prose, the whole 施策・事業・担当 table and the 成果指標一覧, wide tables landscape, columns sized', async () => {
    const { bytes } = await download(observer, `/api/revisions/${adopted.id}/export?format=docx`);
    const files = unzip(bytes);
    const xml = files.get('word/document.xml')!;
    expect(orientations(xml)).toEqual(['portrait', 'landscape']);
    expect(xml).toContain('施策・事業・担当');
    // Every project of the seeded measure table is in the file, with its contact.
    const table = (await member.request('GET', `/api/revisions/${adopted.id}`)).body.snapshot.measures;
    for (const row of deriveTable(table).rows.slice(0, 20)) expect(xml).toContain(row.title.replace(/&/g, '&amp;'));
    expect(xml).toMatch(/<w:gridSpan w:val="\d+"\/>[\s\S]*?実績値/);
    for (const grid of grids(xml)) expect(Math.min(...grid)).toBeGreaterThanOrEqual(400);
    const headers = [...files].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, text]) => text);
    expect(headers.every((header) => header.includes(plan.title) && /PAGE/.test(header))).toBe(true);
    expect(xml).toMatch(/作成 令和\d+年\d+月\d+日/);
  });

  it('as a page to print, in 西暦 when asked', async () => {
    const { res, bytes } = await download(observer, `/api/revisions/${adopted.id}/export?format=html&calendar=seireki`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = bytes.toString('utf8');
    expect(html).toContain('@page wide{size:A4 landscape');
    expect(html).toMatch(/<th colspan="\d+" scope="colgroup">実績値<\/th>/);
    expect(html).toMatch(/作成 20\d\d年\d+月\d+日/);
    expect(html).not.toMatch(/作成 令和/);
  });

  it('refuses a calendar it does not know', async () => {
    const res = await fetch(`${server.url}/api/revisions/${adopted.id}/export?format=docx&calendar=koki`, { headers: { cookie: observer.cookie } });
    expect(res.status).toBe(400);
  });
});

describe('the 新旧対照表 against the draft', () => {
  it('says an inserted row once, puts 改正後 on the left, and swaps sides on request', async () => {
    const draft = connectCollab(server.wsUrl, plan.docName, { cookie: member.cookie });
    clients.push(draft);
    await draft.synced;
    const first = deriveTable(readMeasureTable(draft.doc)).rows.find((row) => row.depth === 1)!;
    let n = 0;
    addNode(draft.doc, { parent: first.parentId, after: null }, { kind: 'measure', title: '新設する施策' }, () => `export-test-${n++}`);
    await waitFor(async () => JSON.stringify((await member.request('GET', `/api/plans/${plan.id}/measures`)).body).includes('新設する施策'), 'the new row to reach the draft');

    const base = `/api/plans/${plan.id}/compare/export?from=${adopted.id}&to=draft`;
    const xml = unzip((await download(member, `${base}&format=docx`)).bytes).get('word/document.xml')!;
    expect(orientations(xml)).toEqual(['landscape']);
    expect(xml.indexOf('改正後（新）')).toBeLessThan(xml.indexOf('改正前（旧）'));
    expect(xml.match(/番号を繰り下げ/g)).toHaveLength(1);
    expect(xml).toContain('新設する施策');
    expect(xml).not.toMatch(/<w:t[^>]*>(title|description|contacts)<\/w:t>/);

    const swapped = (await download(member, `${base}&format=html&order=old-new`)).bytes.toString('utf8');
    expect(swapped.indexOf('改正前（旧）')).toBeLessThan(swapped.indexOf('改正後（新）'));
    expect(swapped).toContain('@page{size:A4 landscape');
    expect((await fetch(`${server.url}${base}&format=html&order=sideways`, { headers: { cookie: member.cookie } })).status).toBe(400);
  });
});

describe('XLSX downloads', () => {
  it('the 成果指標一覧: fitted widths, the header merged, the plan name and page numbers printed', async () => {
    const { bytes } = await download(staff, `/api/plans/${plan.id}/measures/export?table=kpis&format=xlsx`);
    const sheet = sheetLayout(bytes);
    expect(new Set(sheet.widths).size).toBeGreaterThan(2);
    expect(sheet.widths.some((width) => width > 20)).toBe(true);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:A2', 'B1:B2']));
    expect(sheet.merges.some((range) => /^E1:[F-Z]1$/.test(range))).toBe(true);
    expect(sheet.header).toContain(plan.title);
    expect(sheet.footer).toContain('&P');
    expect(sheet.orientation).toBe('landscape');
  });

  it('the 成果指標一覧 in 西暦 reads its years as western ones', async () => {
    const { bytes } = await download(staff, `/api/plans/${plan.id}/measures/export?table=kpis&format=csv&calendar=seireki`);
    const [top, second] = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(top).toMatch(/基準値 20\d\d年度/);
    expect(second).toMatch(/20\d\d年度/);
  });

  it('the 委員意見と対応 with the plan name in its header', async () => {
    const { bytes } = await download(staff, `/api/plans/${plan.id}/opinions/export?format=xlsx&calendar=seireki`);
    const sheet = sheetLayout(bytes);
    expect(sheet.header).toContain(plan.title);
    expect(sheet.header).toMatch(/出力 20\d\d年\d+月\d+日/);
    expect(sheet.widths.every((width) => width >= 6)).toBe(true);
  });
});
