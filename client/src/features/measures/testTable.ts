import { addKpi, addNode, deriveTable, readMeasureTable, type DerivedTable } from '@sakutei/shared/measures';
import * as Y from 'yjs';

/**
 * A small measure table for the unit tests of this folder, written through the same
 * document functions the grid uses:
 *   1 施策A ─ (1) 事業a1 (with a KPI) ─ (2) 事業a2
 *   2 施策B
 */
export function smallTable(): { doc: Y.Doc; derived: DerivedTable; ids: Record<'a' | 'a1' | 'a2' | 'b' | 'kpi', string> } {
  let counter = 0;
  const newId = () => `t${String(++counter).padStart(3, '0')}`;
  const doc = new Y.Doc();
  const a = addNode(doc, { parent: null }, { kind: 'measure', title: '施策A' }, newId);
  const a1 = addNode(doc, { parent: a }, { kind: 'placement', title: '事業a1' }, newId);
  const a2 = addNode(doc, { parent: a, after: a1 }, { kind: 'placement', title: '事業a2' }, newId);
  const b = addNode(doc, { parent: null, after: a }, { kind: 'measure', title: '施策B' }, newId);
  const kpi = addKpi(doc, a1, { name: '相談件数' }, newId);
  return { doc, derived: deriveTable(readMeasureTable(doc)), ids: { a, a1, a2, b, kpi } };
}
