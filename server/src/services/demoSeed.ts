import { readFileSync } from 'node:fs';
import { BODY_FRAGMENT, MAX_MEETINGS_PER_COUNCIL, docNameForPlan } from '@sakutei/shared';
import {
  FUKUSHIMA_SCHEME,
  addActor,
  applyHierarchyImport,
  applyKpiImport,
  importHierarchy,
  importKpiList,
  newMeasureId,
  parseDelimited,
  updateSettings,
  type ImportProblem,
} from '@sakutei/shared/measures';
import { proseSchema } from '@sakutei/shared/editor';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { newId } from '../auth/ids';
import { hashPassword } from '../auth/password';
import { DEMO_ACCOUNTS, DEMO_ADMIN, DEMO_COUNCIL_NAME, DEMO_PASSWORD, DEMO_PLAN_TITLE, demoProseDocument } from '../demo/fukushimaProgramme';
import type { Storage } from '../storage';
import { planSnapshotOf, sealSnapshot } from './snapshot';

/** A new plan's document holding `json` as its prose, built with the same schema the editor uses. */
function proseToYDoc(json: unknown): Y.Doc {
  return prosemirrorJSONToYDoc(proseSchema(), json, BODY_FRAGMENT);
}

function demoTable(fileName: string): string[][] {
  return parseDelimited(readFileSync(new URL(`../demo/${fileName}`, import.meta.url), 'utf8'), '\t');
}

function assertClean(what: string, problems: ImportProblem[]): void {
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new Error(`demo ${what} does not import cleanly: line ${first.line} ${first.code} ${first.detail}`);
}

/**
 * The programme's measure table and its 20 KPIs, imported through the same code a user's
 * paste goes through, so the demo exercises the import rather than bypassing it.
 */
export function seedDemoMeasures(doc: Y.Doc): void {
  updateSettings(doc, {
    scheme: FUKUSHIMA_SCHEME,
    actualYears: [2022, 2023, 2024, 2025],
    baselineYear: 2020,
    targetYear: 2025,
  });
  const hierarchy = importHierarchy(demoTable('fukushimaMeasures.tsv'), { scheme: FUKUSHIMA_SCHEME, newId: newMeasureId });
  assertClean('measure table', hierarchy.problems);
  applyHierarchyImport(doc, hierarchy.value, { parent: null });
  const kpis = importKpiList(demoTable('fukushimaKpis.tsv'));
  assertClean('KPI list', kpis.problems);
  // The programme as its council adopted it: the directions the import inferred are confirmed ones.
  const confirmed = kpis.value.map((row) => ({ ...row, directionFrom: 'printed' as const }));
  applyKpiImport(doc, confirmed, { attachNewTo: null, links: hierarchy.value.kpiLinks, newId: newMeasureId });
  // The role matrix's usual columns (as in Koriyama's 相関表); its marks are for the council to fill in.
  for (const actor of ['事業者', '支援機関', '研究機関', '行政']) addActor(doc, actor, newMeasureId);
}

/** Seeds the demo council into an empty data folder; does nothing when any workspace exists. */
export async function seedDemo(storage: Storage): Promise<boolean> {
  if (!(await storage.workspaces.isEmpty())) return false;
  const workspaceId = newId();
  await storage.workspaces.createWorkspace({ id: workspaceId, name: DEMO_COUNCIL_NAME });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const idByRole = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const existing = await storage.accounts.findUserByEmail(account.email);
    const userId = existing?.id ?? newId();
    if (!existing) await storage.accounts.createUser({ id: userId, email: account.email, name: account.name, passwordHash, isDemo: true });
    await storage.workspaces.setMembership(workspaceId, userId, account.role);
    if (!idByRole.has(account.role)) idByRole.set(account.role, userId);
  }
  if (!(await storage.accounts.findUserByEmail(DEMO_ADMIN.email))) {
    const adminId = newId();
    await storage.accounts.createUser({ id: adminId, email: DEMO_ADMIN.email, name: DEMO_ADMIN.name, passwordHash, isDemo: true });
    await storage.admin.setAdmin(adminId, true);
  }
  const planId = newId();
  const docName = docNameForPlan(planId);
  await storage.workspaces.createPlan({ id: planId, workspaceId, title: DEMO_PLAN_TITLE, docName });
  // The programme runs 令和4〜7年度 and is in force (推進中): its 令和7年度版 was adopted.
  await storage.plans.update(planId, { periodFrom: 2022, periodTo: 2025, status: 'active' });
  const doc = proseToYDoc(demoProseDocument());
  seedDemoMeasures(doc);
  await storage.docs.compact(docName, Y.encodeStateAsUpdate(doc), 0);
  const revisionId = await seedApprovedRevision(storage, { workspaceId, planId, doc, staffId: idByRole.get('staff')!, chairId: idByRole.get('chair')! });
  await seedDemoMeeting(storage, { workspaceId, planId, revisionId, staffId: idByRole.get('staff')! });
  return true;
}

/**
 * One scheduled sitting with a three-item agenda (not yet sent), so the meetings page has
 * something to show: the same every time, and written through the meeting store as staff
 * would, audit entries included.
 */
async function seedDemoMeeting(storage: Storage, seed: { workspaceId: string; planId: string; revisionId: string; staffId: string }): Promise<void> {
  const at = Date.now();
  const id = newId();
  const entry = (kind: 'meeting.create' | 'meeting.agenda', details: Record<string, unknown>) => ({
    at,
    kind,
    workspaceId: seed.workspaceId,
    planId: null,
    actorId: seed.staffId,
    details: { meetingId: id, name: DEMO_MEETING_LABEL, ...details },
  });
  await storage.meetings.create(
    { ...DEMO_MEETING, id, workspaceId: seed.workspaceId, subcommittee: null, onlineUrl: null, status: 'scheduled', createdBy: seed.staffId, createdAt: at },
    MAX_MEETINGS_PER_COUNCIL,
    entry('meeting.create', { kind: DEMO_MEETING.kind, date: DEMO_MEETING.date }),
  );
  const items = [
    { title: '令和7年度版の実施状況について', presenter: '事務局', minutes: 30, links: [{ kind: 'revision' as const, revisionId: seed.revisionId, planId: seed.planId, label: `${DEMO_PLAN_TITLE} 第1版「令和7年度版」` }] },
    { title: '次期プログラムの骨子案について', presenter: '事務局', minutes: 40, links: [{ kind: 'plan' as const, planId: seed.planId, label: DEMO_PLAN_TITLE }] },
    { title: 'その他', presenter: '', minutes: null, links: [] },
  ];
  await storage.meetings.replaceAgenda(
    id,
    1,
    items.map((item, i) => ({ ...item, id: newId(), position: i + 1, changedAfterSent: false })),
    at,
    entry('meeting.agenda', { items: items.length }),
  );
}

/** The demo council's one meeting, 令和8年度 第1回 (its only meeting that year). */
const DEMO_MEETING_LABEL = '令和8年度 第1回';
export const DEMO_MEETING = {
  kind: 'regular' as const,
  title: '福島市中小企業振興会議',
  date: '2027-01-21',
  startTime: '14:00',
  endTime: '16:00',
  place: '福島市役所 本庁舎 8階 大会議室',
};

/**
 * The programme as adopted in March 2025 (策定版), approved by the chair: a rolling plan
 * starts each year's round from last year's approved version, and observers have something
 * to read. Recorded in the audit log like a real approval.
 */
async function seedApprovedRevision(
  storage: Storage,
  seed: { workspaceId: string; planId: string; doc: Y.Doc; staffId: string; chairId: string },
): Promise<string> {
  const { canonical, hash } = sealSnapshot(planSnapshotOf(seed.doc));
  const id = newId();
  const at = Date.now();
  await storage.revisions.create({
    id,
    planId: seed.planId,
    name: '令和7年度版',
    stage: '策定版',
    authorId: seed.staffId,
    createdAt: at,
    state: Y.encodeStateAsUpdate(seed.doc),
    canonical,
    hash,
    review: { status: 'draft' },
  });
  const opened = { status: 'in_review' as const, openedBy: seed.staffId };
  await storage.revisions.updateReview(id, 'draft', opened, { openedAt: at });
  await storage.revisions.updateReview(id, 'in_review', { ...opened, decidedBy: seed.chairId, approvedHash: hash, status: 'approved' }, { decidedAt: at });
  const entry = { at, workspaceId: seed.workspaceId, planId: seed.planId };
  const details = { revisionId: id, revisionNumber: 1, hash };
  await storage.audit.append({ ...entry, kind: 'revision.frozen', actorId: seed.staffId, details: { ...details, name: '令和7年度版', stage: '策定版' } });
  await storage.audit.append({ ...entry, kind: 'review.opened', actorId: seed.staffId, details });
  await storage.audit.append({ ...entry, kind: 'review.approved', actorId: seed.chairId, details });
  return id;
}
