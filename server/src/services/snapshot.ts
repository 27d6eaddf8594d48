import { createHash } from 'node:crypto';
import { BODY_FRAGMENT, type PlanSnapshot, SHAPE_LIMITS, boundProseDepth, canonicalSnapshot, normaliseSnapshot, planSnapshotSchema } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { readEvaluations, readMeasureTable, replaceEvaluations, replaceMeasureTable } from '@sakutei/shared/measures';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { RevisionStore } from '../storage';
import { proseJsonOf } from './proseJson';

/** What a plan's document holds, as plain data: the prose as ProseMirror JSON, the measure table and the reports' 評価・課題. */
export function planSnapshotOf(doc: Y.Doc): PlanSnapshot {
  const measures = readMeasureTable(doc);
  return normaliseSnapshot({
    // Read without recursion, anything nested beyond the shape's bound flattened (proseJson.ts).
    prose: proseJsonOf(doc.getXmlFragment(BODY_FRAGMENT)).prose,
    measures,
    evaluations: readEvaluations(doc, measures),
  });
}

/** The canonical rendering of a snapshot and its SHA-256 (lowercase hex), which approvals name. */
export function sealSnapshot(snapshot: PlanSnapshot): { canonical: string; hash: string } {
  const canonical = canonicalSnapshot(snapshot);
  return { canonical, hash: createHash('sha256').update(canonical).digest('hex') };
}

/**
 * Makes the draft hold an old revision's content again, as one new change on top of its
 * history. The prose is rewritten by y-prosemirror's own diff, so paragraphs that did not
 * change keep their identity (and the comments anchored in them); measure rows, projects
 * and KPIs are matched by id the same way.
 */
export function restoreSnapshot(doc: Y.Doc, snapshot: PlanSnapshot, origin: unknown): void {
  const node = proseSchema().nodeFromJSON(snapshot.prose);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(BODY_FRAGMENT), node, { mapping: new Map(), isOMark: new Map() });
    replaceMeasureTable(doc, snapshot.measures);
    replaceEvaluations(doc, snapshot.evaluations ?? {});
  }, origin);
}

/** A frozen revision's content as stored (its canonical rendering), or null when there is none. */
export async function frozenSnapshot(revisions: RevisionStore, revisionId: string): Promise<PlanSnapshot | null> {
  const content = await revisions.content(revisionId);
  return content ? readCanonicalSnapshot(content.canonical) : null;
}

/**
 * A stored canonical rendering read back. JSON.parse does not recurse, but the schema check
 * does: prose frozen before the shape check may be nested thousands deep, and is flattened
 * below the bound first (boundedProse.ts), so it reads instead of overflowing the stack.
 */
export function readCanonicalSnapshot(canonical: string): PlanSnapshot {
  const raw = JSON.parse(canonical) as { prose?: unknown };
  if (raw && typeof raw === 'object' && raw.prose && typeof raw.prose === 'object') {
    raw.prose = boundProseDepth(raw.prose as PlanSnapshot['prose'], SHAPE_LIMITS.maxProseDepth).prose;
  }
  return planSnapshotSchema.parse(raw);
}
