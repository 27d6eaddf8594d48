import {
  type AddGeneratedMaterialBody,
  GENERATED_MATERIAL_FILE_TYPES,
  type GeneratedMaterialKind,
  OPINION_TABLE_HEADER,
  generatedMaterialTitle,
  opinionTableRows,
} from '@sakutei/shared';
import type { AppDeps } from '../env';
import { notFound } from '../errors';
import type { RevisionRecord, UserRecord } from '../storage';
import { commentService } from './comments';
import { compareDocx, revisionDocx } from './documentExport';
import { invalid } from './meetingAccess';
import { revisionService } from './revisions';
import { writeSheet } from './spreadsheet';

export type GeneratedSource = { kind: GeneratedMaterialKind; planId: string; revisionId: string };

/**
 * Materials made from a frozen revision (issue 17 item 3): the revision as Word, its 新旧対照表
 * against the revision before it, or the 委員意見と対応 table of the opinions given on it. Only a
 * reference is stored; the file is rendered by the existing exports (on heavy-work threads) when
 * someone downloads it, as that person: what they may not read is not rendered for them.
 */
export function generatedMaterials(deps: AppDeps) {
  const { storage } = deps;
  const revisions = revisionService(deps);
  const comments = commentService(deps);

  /** The revision numbered just before this one in its plan, if any. */
  async function previousOf(revision: RevisionRecord): Promise<RevisionRecord | null> {
    const earlier = (await storage.revisions.list(revision.planId)).filter((r) => r.number < revision.number);
    return earlier.reduce<RevisionRecord | null>((best, r) => (!best || r.number > best.number ? r : best), null);
  }

  return {
    /**
     * Checks what staff chose: a plan of this council and a frozen revision of it (another
     * council's plan or an unknown revision is 404), and for a 新旧対照表 a revision before it.
     */
    async resolve(workspaceId: string, body: AddGeneratedMaterialBody) {
      const plan = await storage.workspaces.findPlan(body.planId);
      if (!plan || plan.workspaceId !== workspaceId) throw notFound('plan');
      const revision = await storage.revisions.find(body.revisionId);
      if (!revision || revision.planId !== plan.id) throw notFound('revision');
      const previous = body.kind === 'compare' ? await previousOf(revision) : null;
      if (body.kind === 'compare' && !previous) throw invalid('no_previous_revision', 'The first revision of a plan has no 新旧対照表: there is no revision before it to compare with.');
      const fileType = GENERATED_MATERIAL_FILE_TYPES[body.kind];
      const title = body.title ?? generatedMaterialTitle(body.kind, revision, previous?.number ?? null);
      return { source: { kind: body.kind, planId: plan.id, revisionId: revision.id }, title, fileType, fileName: `${plan.title}_${title}.${fileType}`, planTitle: plan.title };
    },

    /** The file's bytes, rendered now by the same exports the plan page offers. */
    async render(user: UserRecord, source: GeneratedSource): Promise<Uint8Array> {
      if (source.kind === 'revision') {
        const { planTitle, revision, snapshot } = await revisions.forExport(user, source.revisionId);
        // The wording adopted so far (suggestions not shown), with the audit head on the paper like the revision export.
        return revisionDocx(planTitle, revision, snapshot, { calendar: 'wareki', auditHead: await storage.audit.head() });
      }
      const revision = await storage.revisions.find(source.revisionId);
      if (!revision || revision.planId !== source.planId) throw notFound('revision');
      if (source.kind === 'compare') {
        const previous = await previousOf(revision);
        if (!previous) throw notFound('revision');
        const comparison = await revisions.compare(user, source.planId, previous.id, revision.id);
        return compareDocx(comparison.planTitle, comparison, { calendar: 'wareki', order: 'new-old' });
      }
      // The opinions given on this revision (threads opened on it), as the plan's opinions export lays them out.
      const threads = (await comments.list(user, source.planId)).filter((t) => t.revisionId === revision.id);
      const plan = await storage.workspaces.findPlan(source.planId);
      return writeSheet('委員意見と対応', [[...OPINION_TABLE_HEADER], ...opinionTableRows(threads)], 1, { planTitle: plan?.title ?? '', calendar: 'wareki' });
    },
  };
}
