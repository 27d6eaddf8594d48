import fs from 'node:fs';
import { CLOSE_CODES, type PlanListItem } from '@sakutei/shared';
import { readMeasureTable } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendParagraph, bodyText, type CollabClient, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let demo: PlanListItem;
let staff: Signed, member: Signed, chair: Signed, observer: Signed, outsider: Signed;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir });
  [staff, member, chair, observer] = (await Promise.all(
    ['staff', 'member', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)),
  )) as [Signed, Signed, Signed, Signed];
  [demo] = (await staff.request('GET', '/api/plans')).body.plans as [PlanListItem];
  addOutsider(server.dataDir, 'outsider@example.jp');
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function open(docName: string, api: Signed): CollabClient {
  const client = connectCollab(server.wsUrl, docName, { cookie: api.cookie });
  clients.push(client);
  return client;
}

const create = (api: Signed, body: unknown) => api.request('POST', '/api/plans', body);

describe('the plan list', () => {
  it('shows period, status, stage and what waits for the caller', async () => {
    expect(demo).toMatchObject({ title: expect.any(String), status: 'active', periodFrom: 2022, periodTo: 2025, archivedAt: null, previousPlanId: null, nextPlanId: null });
    expect(demo.stage).toMatchObject({ number: 1, name: '令和7年度版', reviewStatus: 'approved' });
    expect(demo.reviewsWaiting).toBe(0);
    // A review opened: it waits for the chair, not for a member.
    const frozen = (await staff.request('POST', `/api/plans/${demo.id}/revisions`, { name: '一覧確認版', stage: '素案' })).body.revision;
    expect((await staff.request('POST', `/api/revisions/${frozen.id}/review`, {})).status).toBe(200);
    const forChair = (await chair.request('GET', '/api/plans')).body.plans[0] as PlanListItem;
    const forMember = (await member.request('GET', '/api/plans')).body.plans[0] as PlanListItem;
    expect(forChair).toMatchObject({ reviewsWaiting: 1, stage: { name: '一覧確認版', reviewStatus: 'in_review' } });
    expect(forMember.reviewsWaiting).toBe(0);
    expect((await staff.request('POST', `/api/revisions/${frozen.id}/withdraw`)).status).toBe(200);
  });

  it('stamps the last edit from the collaboration path', async () => {
    const client = open(demo.docName, member);
    await client.synced;
    appendParagraph(client.doc, '最終編集の確認。');
    await waitFor(async () => ((await member.request('GET', '/api/plans')).body.plans[0] as PlanListItem).editedAt !== null, 'the edit stamp');
    client.destroy();
  });
});

describe('creating plans', () => {
  it('makes a blank plan with columns from its period; staff and the chair only', async () => {
    const body = { workspaceId: demo.workspaceId, title: '観光振興計画', period: { from: 2026, to: 2029 }, source: { kind: 'blank' } };
    expect((await create(member, body)).status).toBe(403);
    expect((await create(observer, body)).status).toBe(403);
    expect((await create(outsider, body)).status).toBe(404);
    expect((await create(staff, { ...body, period: { from: 2029, to: 2026 } })).status).toBe(400);
    expect((await create(staff, { ...body, title: undefined })).status).toBe(400);
    const res = await create(staff, body);
    expect(res.status).toBe(201);
    expect(res.body.plan).toMatchObject({ title: '観光振興計画', periodFrom: 2026, periodTo: 2029, status: 'drafting', previousPlanId: null });
    const measures = (await member.request('GET', `/api/plans/${res.body.plan.id}/measures`)).body;
    expect(measures.table.settings.actualYears).toEqual([2026, 2027, 2028, 2029]);
    expect(measures.table.kpis).toEqual([]);
    const audit = (await staff.request('GET', `/api/plans/${res.body.plan.id}/audit`)).body.entries;
    expect(audit[0]).toMatchObject({ kind: 'plan.created', details: { source: 'blank', title: '観光振興計画' } });
  });

  it('makes a plan from a template: settings and actors, no content', async () => {
    const res = await create(chair, {
      workspaceId: demo.workspaceId,
      title: '雛形から作る計画',
      period: { from: 2026, to: 2030 },
      source: { kind: 'template', planId: demo.id },
    });
    expect(res.status).toBe(201);
    const [from, to] = await Promise.all(
      [demo.id, res.body.plan.id].map(async (id) => (await member.request('GET', `/api/plans/${id}/measures`)).body.table),
    );
    expect(to.settings).toEqual(from.settings);
    expect(to.actors.map((a: { name: string }) => a.name)).toEqual(from.actors.map((a: { name: string }) => a.name));
    expect(to.kpis).toEqual([]);
    expect(to.nodes).toEqual([]);
    // A template from another council is not found.
    const elsewhere = await create(outsider, {
      workspaceId: (await outsider.request('GET', '/api/me')).body.memberships[0].workspaceId,
      title: 'x',
      period: { from: 2026, to: 2026 },
      source: { kind: 'template', planId: demo.id },
    });
    expect(elsewhere.status).toBe(404);
  });

  it('changes period and status (staff), in the audit log', async () => {
    const id = (await create(staff, { workspaceId: demo.workspaceId, title: '期間変更', period: { from: 2026, to: 2027 }, source: { kind: 'blank' } })).body.plan.id;
    expect((await member.request('PATCH', `/api/plans/${id}`, { status: 'active' })).status).toBe(403);
    expect((await outsider.request('PATCH', `/api/plans/${id}`, { status: 'active' })).status).toBe(404);
    expect((await staff.request('PATCH', `/api/plans/${id}`, {})).status).toBe(400);
    expect((await staff.request('PATCH', `/api/plans/${id}`, { status: 'paused' })).status).toBe(400);
    const res = await staff.request('PATCH', `/api/plans/${id}`, { status: 'active', period: { from: 2026, to: 2030 } });
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({ status: 'active', periodFrom: 2026, periodTo: 2030 });
    const entry = (await staff.request('GET', `/api/plans/${id}/audit`)).body.entries[0];
    expect(entry).toMatchObject({ kind: 'plan.updated', details: { changes: { status: 'active', periodTo: 2030 }, was: { status: 'drafting', periodTo: 2027 } } });
  });
});

describe('the next edition', () => {
  let blankId: string;
  let next: { id: string; docName: string; title: string; previousPlanId: string };
  let approvedId: string;

  it('is refused while the plan has no approved revision', async () => {
    blankId = (await create(staff, { workspaceId: demo.workspaceId, title: '令和７年度版 未承認', period: { from: 2022, to: 2025 }, source: { kind: 'blank' } })).body.plan.id;
    const res = await create(staff, { workspaceId: demo.workspaceId, source: { kind: 'nextEdition', planId: blankId } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_approved_revision');
    expect((await staff.request('GET', `/api/plans/${blankId}`)).body.plan.archivedAt).toBeNull();
  });

  it('starts from the latest approved revision, keeps the actuals and adds the year', async () => {
    // A draft edit after the approval must not reach the next edition.
    const draft = open(demo.docName, member);
    await draft.synced;
    appendParagraph(draft.doc, '承認後の未承認の文。');
    await waitFor(async () => JSON.stringify((await member.request('GET', `/api/plans/${demo.id}`)).body).length > 0, 'a round trip');
    approvedId = ((await staff.request('GET', `/api/plans/${demo.id}/revisions`)).body.revisions as Array<{ id: string; review: { status: string } }>).find(
      (r) => r.review.status === 'approved',
    )!.id;
    const approved = (await staff.request('GET', `/api/revisions/${approvedId}`)).body.snapshot;

    expect((await create(member, { workspaceId: demo.workspaceId, source: { kind: 'nextEdition', planId: demo.id } })).status).toBe(403);
    const res = await create(staff, { workspaceId: demo.workspaceId, source: { kind: 'nextEdition', planId: demo.id } });
    expect(res.status).toBe(201);
    next = res.body.plan;
    expect(next.previousPlanId).toBe(demo.id);
    expect(res.body.plan).toMatchObject({ periodFrom: 2023, periodTo: 2026, title: demo.title.replace('令和7年度版', '令和8年度版') });
    expect(res.body.plan.title).not.toBe(demo.title);

    const table = (await member.request('GET', `/api/plans/${next.id}/measures`)).body.table;
    expect(table.settings.actualYears).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(table.kpis).toHaveLength(approved.measures.kpis.length);
    for (const kpi of approved.measures.kpis) {
      expect(table.kpis.find((k: { id: string }) => k.id === kpi.id).actuals).toEqual(kpi.actuals);
    }
    const client = open(next.docName, member);
    await client.synced;
    expect(bodyText(client.doc)).not.toContain('承認後の未承認の文。');
    expect(readMeasureTable(client.doc).nodes.length).toBe(approved.measures.nodes.length);

    const audit = (await staff.request('GET', `/api/plans/${demo.id}/audit`)).body.entries;
    expect(audit[0]).toMatchObject({ kind: 'plan.archived', details: { nextPlanId: next.id } });
    // The old edition's open connection was closed so that it reconnects read-only.
    await waitFor(() => draft.closes.some((c) => c.code === CLOSE_CODES.accessChanged), 'the old edition to close its editors');
  });

  it('leaves the old plan archived and read-only, and not twice', async () => {
    const old = (await member.request('GET', `/api/plans/${demo.id}`)).body.plan;
    expect(old.archivedAt).not.toBeNull();
    expect(old.nextPlanId).toBe(next.id);
    expect((await member.request('POST', `/api/plans/${demo.id}/collab-token`)).body.capability).toBe('read');
    const kpiId = (await member.request('GET', `/api/plans/${demo.id}/measures`)).body.table.kpis[0].id;
    const actual = await staff.request('PUT', `/api/plans/${demo.id}/kpis/${kpiId}/actuals/2025`, { value: { kind: 'number', value: 1 } });
    expect(actual.status).toBe(409);
    expect(actual.body.error.code).toBe('plan_archived');
    expect((await member.request('POST', `/api/revisions/${approvedId}/restore`)).status).toBe(409);

    // A member's socket opens, read-only: an update it sends is refused and not stored.
    const reader = open(demo.docName, member);
    await reader.synced;
    const before = bodyText(reader.doc);
    appendParagraph(reader.doc, '保管版への書込み。');
    await new Promise((r) => setTimeout(r, 300));
    const again = open(demo.docName, chair);
    await again.synced;
    expect(bodyText(again.doc)).toBe(before);

    const twice = await create(staff, { workspaceId: demo.workspaceId, source: { kind: 'nextEdition', planId: demo.id } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_has_next_edition');

    const listed = (await member.request('GET', '/api/plans')).body.plans as PlanListItem[];
    expect(listed.find((p) => p.id === demo.id)).toMatchObject({ nextPlanId: next.id });
  });

  it('names the previous edition and compares against its approved revision, for those who may see both', async () => {
    const plan = (await member.request('GET', `/api/plans/${next.id}`)).body.plan;
    expect(plan.previous).toEqual({ id: demo.id, title: demo.title, approvedRevisionId: approvedId });
    const compare = await member.request('GET', `/api/plans/${next.id}/compare?from=${approvedId}&to=draft`);
    expect(compare.status).toBe(200);
    expect(compare.body.from.label).toContain(demo.title);
    // The KPIs match record by record (no KPI removed or added); the new year's column is a change of settings.
    const measures = compare.body.measures;
    expect(measures.kpis.filter((k: { kind: string }) => k.kind === 'added' || k.kind === 'removed')).toEqual([]);
    expect(measures.settings).toEqual([
      { field: 'actualYears', old: '令和4年度、令和5年度、令和6年度、令和7年度', new: '令和4年度、令和5年度、令和6年度、令和7年度、令和8年度' },
    ]);
    // The observer sees the approved revisions, not the draft; the outsider sees nothing.
    expect((await observer.request('GET', `/api/plans/${next.id}/compare?from=${approvedId}&to=draft`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/plans/${next.id}/compare?from=${approvedId}&to=draft`)).status).toBe(404);
    // A revision of an unrelated plan does not compare.
    const other = (await staff.request('POST', `/api/plans/${blankId}/revisions`, { name: '別計画', stage: '素案' })).body.revision;
    expect((await member.request('GET', `/api/plans/${next.id}/compare?from=${other.id}&to=draft`)).status).toBe(404);
  });
});
