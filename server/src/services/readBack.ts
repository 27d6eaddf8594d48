import { type PlanSnapshot, type ProseNode, SHAPE_LIMITS, type ShapeProblem, checkDocShape, proseDepth } from '@sakutei/shared';
import { planProseShapeRules, proseSchema } from '@sakutei/shared/editor';
import { deriveTable } from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import { AppError } from '../errors';
import { proseToHtml } from './export/proseHtml';
import { readCanonicalSnapshot } from './snapshot';

/**
 * A revision must be readable for as long as it is kept: exported, compared, restored and,
 * above all, approved by its hash. Freezing therefore refuses a document whose shape is
 * broken (a document stored before the server checked shapes, collab/shape.ts), and checks
 * that what it seals reads back through the same readers a revision meets later: the stored
 * JSON, the prose schema (restore), the measure tree and the prose renderer.
 */

/** The document's shape problems, at most a few, for the message. */
export function shapeProblems(doc: Y.Doc): ShapeProblem[] {
  return checkDocShape(doc, planProseShapeRules());
}

/** Why a sealed snapshot would not read back, or null when it does. */
export function readBackProblem(canonical: string): string | null {
  try {
    const snapshot: PlanSnapshot = readCanonicalSnapshot(canonical);
    proseSchema().nodeFromJSON(snapshot.prose);
    deriveTable(snapshot.measures);
    proseToHtml(snapshot.prose);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message.slice(0, 200) : 'unreadable';
  }
}

/**
 * Prose deeper than the shape allows was flattened when it was read (proseJson.ts): readable,
 * but not what was written, so it is not sealed as if it were.
 */
export function flattenedProse(prose: ProseNode): string | null {
  const max = SHAPE_LIMITS.maxProseDepth;
  return proseDepth(prose, max + 1) > max ? `prose nested deeper than ${max} levels` : null;
}

export function unreadableDocument(problem: string, shape: readonly ShapeProblem[]): AppError {
  const detail = [problem, ...shape.slice(0, 3).map((p) => `${p.where}: ${p.problem}`)].join('; ');
  return new AppError(422, 'unreadable_document', `The plan's document cannot be read back as a revision, so it is not frozen (${detail}).`);
}

export function unreadableRevision(problem: string): AppError {
  return new AppError(409, 'unreadable_revision', `This revision cannot be read back (${problem}); it cannot be approved.`);
}
