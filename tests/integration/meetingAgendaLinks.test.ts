import type { AgendaLink, AgendaLinkTargets, Meeting, PlanSummary } from '@sakutei/shared';
import { pdfBytes } from '@sakutei/shared/testing/materialFiles';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * Agenda links to a section, a thread, a KPI and a material (issue 17 item 2) against a real
 * server: the pickers' choices, the server's own labels, refusals of anything not of this
 * council or meeting, hostile sizes, and a deleted material read as gone.
 */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let workspaceId: string;
let otherWorkspaceId: string;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let member: Signed;
let outsider: Signed;

beforeAll(async () => {
  server = await startServer({ dataDir });
  otherWorkspaceId = addOutsider(dataDir, 'outsider@example.jp');
  [staff, member] = (await Promise.all(['staff', 'member'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed];
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
  [plan] = (await member.plans()) as [PlanSummary];
  workspaceId = plan.workspaceId;
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = () => `/api/workspaces/${workspaceId}/meetings`;

async function newMeeting(date: string): Promise<Meeting> {
  const res = await staff.request('POST', base(), { kind: 'regular', date });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.meeting;
}

async function targets(meetingId: string, planId = plan.id): Promise<AgendaLinkTargets> {
  const res = await staff.request('GET', `${base()}/${meetingId}/link-targets?planId=${encodeURIComponent(planId)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function uploadMaterial(meetingId: string, title: string): Promise<string> {
  const res = await fetch(`${server.url}${base()}/${meetingId}/materials?${new URLSearchParams({ name: `${title}.pdf`, title })}`, {
    method: 'POST',
    headers: { cookie: staff.cookie, 'content-type': 'application/octet-stream' },
    body: pdfBytes(),
  } as RequestInit);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.material.id;
}

const putAgenda = (meetingId: string, version: number, links: unknown[]) =>
  staff.request('PUT', `${base()}/${meetingId}/agenda`, { version, items: [{ title: '素案について', links }] });

describe('agenda links to sections, threads, KPIs and materials', () => {
  it("lists the plan's headings, draft threads and KPIs, and stores each link with the server's label", async () => {
    const m = await newMeeting('2025-08-05');
    // A member comments on a KPI of the draft: the thread is then one the agenda can link to.
    const kpiId = (await targets(m.id)).kpis[0]!.id;
    const quote = `実績値 R6 ${'内訳'.repeat(30)}`;
    const made = await member.request('POST', `/api/plans/${plan.id}/threads`, {
      anchor: { kind: 'measure', target: { kind: 'kpi', id: kpiId, field: 'actual', fiscalYear: 2024 }, quote },
      body: '実績の内訳を示してください。',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const choices = await targets(m.id);
    expect(choices.threads).toContainEqual({ id: made.body.thread.id, label: `意見${made.body.thread.number}「${quote.slice(0, 40)}…」` });
    // The demo plan's draft has chapters and KPIs.
    expect(choices.sections.length).toBeGreaterThan(0);
    expect(choices.threads.length).toBeGreaterThan(0);
    expect(choices.kpis.length).toBeGreaterThan(0);
    const section = choices.sections[0]!;
    const thread = choices.threads[0]!;
    const kpi = choices.kpis[0]!;
    const materialId = await uploadMaterial(m.id, '実施状況');

    const res = await putAgenda(m.id, 1, [
      { kind: 'section', planId: plan.id, headingText: section.headingText, label: 'ignored' },
      { kind: 'thread', planId: plan.id, threadId: thread.id },
      { kind: 'kpi', planId: plan.id, kpiId: kpi.id },
      { kind: 'material', materialId },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const links: AgendaLink[] = res.body.meeting.agenda[0].links;
    expect(links).toEqual([
      { kind: 'section', planId: plan.id, headingText: section.headingText, label: `${plan.title}「${section.headingText}」`, gone: false },
      { kind: 'thread', planId: plan.id, threadId: thread.id, label: `${plan.title} ${thread.label}`, gone: false },
      { kind: 'kpi', planId: plan.id, kpiId: kpi.id, label: `${plan.title} ${kpi.label}`, gone: false },
      { kind: 'material', materialId, label: '資料1 実施状況', gone: false },
    ]);
    // A member reads the same links.
    expect((await member.request('GET', `${base()}/${m.id}`)).body.meeting.agenda[0].links).toEqual(links);
  });

  it('reads a deleted material as gone with its stored label, and renumbers one that moved', async () => {
    const m = await newMeeting('2025-08-06');
    const first = await uploadMaterial(m.id, '第一');
    const second = await uploadMaterial(m.id, '第二');
    expect((await putAgenda(m.id, 1, [{ kind: 'material', materialId: first }, { kind: 'material', materialId: second }])).status).toBe(200);
    expect((await staff.request('DELETE', `${base()}/${m.id}/materials/${first}`)).status).toBe(200);
    const links: AgendaLink[] = (await staff.request('GET', `${base()}/${m.id}`)).body.meeting.agenda[0].links;
    expect(links).toEqual([
      { kind: 'material', materialId: first, label: '資料1 第一', gone: true },
      { kind: 'material', materialId: second, label: '資料1 第二', gone: false },
    ]);
    // The agenda stays editable: the gone link is sent back as the page holds it and kept as stored.
    const again = await staff.request('PUT', `${base()}/${m.id}/agenda`, { version: 2, items: [{ title: '題を変えた', links: links.map((link) => ({ ...link, gone: undefined })) }] });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.meeting.agenda[0].links).toEqual(links);
    // A new link to a deleted material is still refused.
    const other = await newMeeting('2025-08-10');
    expect((await putAgenda(other.id, 1, [{ kind: 'material', materialId: first }])).body.error.code).toBe('invalid_link');
  });

  it("refuses another council's plan, another meeting's material and unknown targets, changing nothing", async () => {
    const made = await outsider.request('POST', '/api/plans', { workspaceId: otherWorkspaceId, title: '郡山市産業振興ビジョン', period: { from: 2026, to: 2030 }, source: { kind: 'blank' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const otherPlanId = made.body.plan.id as string;
    const m = await newMeeting('2025-08-07');
    const elsewhere = await newMeeting('2025-08-08');
    const foreignMaterial = await uploadMaterial(elsewhere.id, '別の会議の資料');
    const { sections, threads, kpis } = await targets(m.id);
    for (const link of [
      { kind: 'section', planId: otherPlanId, headingText: sections[0]!.headingText },
      { kind: 'section', planId: plan.id, headingText: 'ない見出し' },
      { kind: 'thread', planId: otherPlanId, threadId: threads[0]?.id ?? 'none' },
      { kind: 'thread', planId: plan.id, threadId: 'no-such-thread' },
      { kind: 'kpi', planId: otherPlanId, kpiId: kpis[0]!.id },
      { kind: 'kpi', planId: plan.id, kpiId: 'no-such-kpi' },
      { kind: 'material', materialId: foreignMaterial },
      { kind: 'material', materialId: 'no-such-material' },
    ]) {
      const res = await putAgenda(m.id, 1, [link]);
      expect(res.status, JSON.stringify(link)).toBe(400);
      expect(res.body.error.code).toBe('invalid_link');
    }
    // Nor does the picker read another council's plan.
    const res = await staff.request('GET', `${base()}/${m.id}/link-targets?planId=${otherPlanId}`);
    expect(res.status).toBe(404);
    expect((await staff.request('GET', `${base()}/${m.id}`)).body.meeting).toMatchObject({ version: 1, agenda: [] });
  });

  it('refuses hostile sizes and shapes with 400 before reading anything', async () => {
    const m = await newMeeting('2025-08-09');
    for (const link of [
      { kind: 'section', planId: plan.id, headingText: 'あ'.repeat(201) },
      { kind: 'section', planId: plan.id, headingText: '' },
      { kind: 'thread', planId: plan.id, threadId: 'x'.repeat(65) },
      { kind: 'kpi', planId: plan.id },
      { kind: 'material', materialId: 'm', extra: true },
    ]) {
      const res = await putAgenda(m.id, 1, [link]);
      expect(res.status, JSON.stringify(link)).toBe(400);
      expect(res.body.error.code).not.toBe('invalid_link');
    }
    const many = Array.from({ length: 11 }, () => ({ kind: 'kpi', planId: plan.id, kpiId: 'k' }));
    expect((await putAgenda(m.id, 1, many)).status).toBe(400);
    expect((await staff.request('GET', `${base()}/${m.id}/link-targets?planId=${'p'.repeat(65)}`)).status).toBe(400);
    expect((await staff.request('GET', `${base()}/${m.id}/link-targets`)).status).toBe(400);
    expect((await staff.request('GET', `${base()}/${m.id}`)).body.meeting).toMatchObject({ version: 1, agenda: [] });
  });
});
