import { readFileSync } from 'node:fs';
import { BODY_FRAGMENT, docNameForPlan } from '@sakutei/shared';
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
import { DEMO_ACCOUNTS, DEMO_COUNCIL_NAME, DEMO_PASSWORD, DEMO_PLAN_TITLE, demoProseDocument } from '../demo/fukushimaProgramme';
import type { Storage } from '../storage';

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
  applyKpiImport(doc, kpis.value, { attachNewTo: null, links: hierarchy.value.kpiLinks, newId: newMeasureId });
  // The role matrix's usual columns (as in Koriyama's 相関表); its marks are for the council to fill in.
  for (const actor of ['事業者', '支援機関', '研究機関', '行政']) addActor(doc, actor, newMeasureId);
}

/** Seeds the demo council into an empty data folder; does nothing when any workspace exists. */
export async function seedDemo(storage: Storage): Promise<boolean> {
  if (!(await storage.workspaces.isEmpty())) return false;
  const workspaceId = newId();
  await storage.workspaces.createWorkspace({ id: workspaceId, name: DEMO_COUNCIL_NAME });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const existing = await storage.accounts.findUserByEmail(account.email);
    const userId = existing?.id ?? newId();
    if (!existing) await storage.accounts.createUser({ id: userId, email: account.email, name: account.name, passwordHash, isDemo: true });
    await storage.workspaces.setMembership(workspaceId, userId, account.role);
  }
  const planId = newId();
  const docName = docNameForPlan(planId);
  await storage.workspaces.createPlan({ id: planId, workspaceId, title: DEMO_PLAN_TITLE, docName });
  const doc = proseToYDoc(demoProseDocument());
  seedDemoMeasures(doc);
  await storage.docs.compact(docName, Y.encodeStateAsUpdate(doc), 0);
  return true;
}
