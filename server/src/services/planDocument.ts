import { BODY_FRAGMENT, type ProseNode } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { type MeasureTable, readMeasureTable, replaceMeasureTable } from '@sakutei/shared/measures';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { Storage } from '../storage';

/** The prose of a new, blank plan: one empty paragraph, as the editor starts. */
export const EMPTY_PROSE: ProseNode = { type: 'doc', content: [{ type: 'paragraph' }] } as ProseNode;

/**
 * A new plan's document: `prose` (ProseMirror JSON, checked against the editor's schema) in
 * the body fragment and `table` in the measure maps, with every id kept, so a KPI's comments
 * and the 新旧対照表 against the edition it came from match record by record.
 */
export function buildPlanDoc(prose: ProseNode, table: MeasureTable): Y.Doc {
  const doc = prosemirrorJSONToYDoc(proseSchema(), prose, BODY_FRAGMENT);
  replaceMeasureTable(doc, table);
  return doc;
}

/** Stores a new document as its first snapshot (nothing is stored under the name yet). */
export async function storeNewDoc(storage: Pick<Storage, 'docs'>, docName: string, doc: Y.Doc): Promise<void> {
  await storage.docs.compact(docName, Y.encodeStateAsUpdate(doc), 0);
}

/** A document's measure table as stored, without loading a room for it. */
export async function storedMeasureTable(storage: Pick<Storage, 'docs'>, docName: string): Promise<MeasureTable> {
  const doc = new Y.Doc();
  const { updates } = await storage.docs.load(docName);
  for (const update of updates) Y.applyUpdate(doc, update);
  return readMeasureTable(doc);
}
