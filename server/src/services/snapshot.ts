import { createHash } from 'node:crypto';
import { BODY_FRAGMENT, type PlanSnapshot, SHAPE_LIMITS, boundProseDepth, canonicalSnapshot, normaliseSnapshot, planSnapshotSchema } from '@sakutei/shared';
import { hasPendingSuggestions, proseSchema } from '@sakutei/shared/editor';
import { listFieldSuggestions, readEvaluations, readMeasureTable, replaceEvaluations, replaceMeasureTable } from '@sakutei/shared/measures';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { RevisionStore } from '../storage';
import { proseJsonOf } from './proseJson';

/**
 * What a plan's document holds, as plain data: the prose as ProseMirror JSON (its pending
 * suggestions are marks in it), the measure table, the reports' 評価・課題 and the table's
 * pending cell suggestions, so a frozen revision keeps what is still proposed.
 */
export function planSnapshotOf(doc: Y.Doc): PlanSnapshot {
  const measures = readMeasureTable(doc);
  return normaliseSnapshot({
    // Read without recursion, anything nested beyond the shape's bound flattened (proseJson.ts).
    prose: proseJsonOf(doc.getXmlFragment(BODY_FRAGMENT)).prose,
    measures,
    evaluations: readEvaluations(doc, measures),
    // Only those that read (a gone row's proposals are left out); competition is derived again by readers.
    cellSuggestions: listFieldSuggestions(doc).map(({ conflictsWith: _, ...entry }) => entry),
  });
}

/**
 * Where a frozen snapshot still holds pending suggestions, in words for an error message
 * (`in the prose`, `in the measure table`, or both), or null when every one is decided.
 */
export function pendingSuggestionPlaces(snapshot: PlanSnapshot): string | null {
  const cells = snapshot.cellSuggestions?.length ?? 0;
  const places = [
    ...(hasPendingSuggestions(snapshot.prose) ? ['in the prose'] : []),
    ...(cells > 0 ? [`in the measure table (${cells} cell ${cells === 1 ? 'proposal' : 'proposals'})`] : []),
  ];
  return places.length > 0 ? places.join(' and ') : null;
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
