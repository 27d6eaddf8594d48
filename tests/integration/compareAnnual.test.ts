import fs from 'node:fs';
import type { MeasureDiff, PlanSummary } from '@sakutei/shared';
import { PLAN_SCOPE, deriveTable, readEvaluations, setEvaluation, type MeasureTable, type ProgressEntry } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollabClient, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/*
 * The 新旧対照表 of the yearly parts (issue 14 §6, §7) through the real compare routes: staff
 * record a 実施状況, a revision is frozen, the 実施状況 changes and a member writes the plan's
 * 評価・課題; comparing the revision with the draft lists both, on screen data and in the
 * printable export alike.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let member: Signed, staff: Signed;
let draft: CollabClient;
const YEAR = 2024;

beforeAll(async () => {
  server = await startServer({ dataDir });
  [member, staff] = (await Promise.all(['member', 'staff'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
  draft = connectCollab(server.wsUrl, plan.docName, { cookie: member.cookie });
  await draft.synced;
});
afterAll(async () => {
  draft?.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const progressPath = (nodeId: string) => `/api/plans/${plan.id}/placements/${nodeId}/progress/${YEAR}`;

describe('the 新旧対照表 of 実施状況 and 評価・課題', () => {
  it('lists a changed 実施状況 and a new 評価・課題 between a revision and the draft', async () => {
    const table: MeasureTable = (await member.request('GET', `/api/plans/${plan.id}/measures`)).body.table;
    const placement = deriveTable(table).rows.find((row) => row.node.kind === 'placement')!;
    const partly: ProgressEntry = { status: 'partial', note: '相談窓口を週2回開設した。', figure: { value: 412, unit: '件' } };
    expect((await staff.request('PUT', progressPath(placement.node.id), { entry: partly })).status).toBe(200);
    const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '実施状況（前）', stage: '素案' });
    expect(frozen.status).toBe(201);
    const revisionId = frozen.body.revision.id;

    expect((await staff.request('PUT', progressPath(placement.node.id), { entry: { ...partly, status: 'implemented', note: '相談窓口を週3回開設した。' } })).status).toBe(200);
    const overall = '全体として計画どおり進捗している。';
    setEvaluation(draft.doc, YEAR, PLAN_SCOPE, overall);
    await waitFor(() => readEvaluations(draft.doc)[`${YEAR}|${PLAN_SCOPE}`] === overall, 'the evaluation to be written');

    let measures: MeasureDiff | undefined;
    await waitFor(async () => {
      const res = await member.request('GET', `/api/plans/${plan.id}/compare?from=${revisionId}&to=draft`);
      expect(res.status).toBe(200);
      measures = res.body.measures;
      return (measures?.evaluations.length ?? 0) > 0;
    }, 'the draft to carry the evaluation');
    expect(measures!.changed).toBe(true);
    expect(measures!.progress).toEqual([
      {
        nodeId: placement.node.id,
        fiscalYear: YEAR,
        path: placement.path,
        title: placement.title,
        kind: 'changed',
        changes: [
          { field: 'status', old: '一部実施', new: '実施' },
          { field: 'note', old: '相談窓口を週2回開設した。', new: '相談窓口を週3回開設した。' },
        ],
      },
    ]);
    expect(measures!.evaluations).toEqual([{ fiscalYear: YEAR, scope: PLAN_SCOPE, where: null, kind: 'added', old: '', new: overall }]);
    // The measure table itself did not change.
    expect(measures!.rows.every((row) => row.kind === 'same')).toBe(true);

    const html = await (
      await fetch(`${server.url}/api/plans/${plan.id}/compare/export?from=${revisionId}&to=draft&format=html`, { headers: { cookie: member.cookie } })
    ).text();
    const yearly = html.slice(html.indexOf('<h2>実施状況</h2>'));
    expect(yearly).toContain('<td>実施</td><td>一部実施</td>');
    expect(yearly).toContain('相談窓口を週<ins>3</ins>回開設した。');
    expect(yearly.slice(yearly.indexOf('<h2>評価・課題</h2>'))).toContain(overall);
  });
});
