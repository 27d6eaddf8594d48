import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FIELD_SUGGESTIONS_MAP } from '../measures/fieldSuggestions';
import { IMPORT_MEMORY_MAP, importRecords, readRememberedMapping } from '../measures/import/importLog';
import { measureRow, placementRow } from '../measures/fixtures/treeRows';
import { DEFAULT_MEASURE_SETTINGS, type MeasureTable } from '../measures/model';
import { PROGRESS_MAP_NAME } from '../measures/progress';
import { readProgress, setProgress } from '../measures/progressDoc';
import { EVALUATION_TEXT_PREFIX, REPORT_EVALUATIONS_MAP, readEvaluations, setEvaluation } from '../measures/report/evaluations';
import { MEASURE_MAPS, readMeasureTable, replaceMeasureTable } from '../measures/ydoc';
import { canonicalSnapshot, normaliseSnapshot } from '../revisions/canonical';
import { BODY_FRAGMENT, EVALUATION_TEXT_ROOT_PREFIX, PLAN_DOC_LAYOUT_VERSION, PLAN_DOC_ROOTS } from './layout';

const allRoots = (): string[] => Object.values(PLAN_DOC_ROOTS).flatMap((roots) => Object.values(roots));
const rootsUpTo = (version: number): string[] =>
  Object.entries(PLAN_DOC_ROOTS).flatMap(([v, roots]) => (Number(v) <= version ? Object.values(roots) : []));

/** The root names an update carries, as a fresh replica sees them after loading it. */
function loadedRoots(update: Uint8Array): { doc: Y.Doc; roots: string[] } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return { doc, roots: [...doc.share.keys()].sort() };
}

const table = (): MeasureTable => ({
  ...readMeasureTable(new Y.Doc()),
  settings: { ...DEFAULT_MEASURE_SETTINGS, actualYears: [2024, 2025] },
  nodes: [measureRow('m1', null, 'a1', '創業支援'), placementRow('p1', 'm1', 'a1', 'proj1', '創業塾')],
  projects: [{ id: 'proj1', name: '創業塾', contacts: [] }],
});

describe('plan document layout versions', () => {
  it('lists the roots the modules that own them use', () => {
    expect(PLAN_DOC_LAYOUT_VERSION).toBe(Math.max(...Object.keys(PLAN_DOC_ROOTS).map(Number)));
    expect(allRoots()).toEqual(expect.arrayContaining([BODY_FRAGMENT, ...Object.values(MEASURE_MAPS), REPORT_EVALUATIONS_MAP, IMPORT_MEMORY_MAP]));
    expect(PLAN_DOC_ROOTS[2].measureProgress).toBe(PROGRESS_MAP_NAME);
    expect(PLAN_DOC_ROOTS[3].measureSuggestions).toBe(FIELD_SUGGESTIONS_MAP);
    expect(EVALUATION_TEXT_PREFIX).toBe(EVALUATION_TEXT_ROOT_PREFIX);
    expect(new Set(allRoots()).size).toBe(allRoots().length);
  });

  it('loads a document written before version 2 (issue 14) as it is: no 実施状況, no 評価・課題, same frozen bytes', () => {
    const old = new Y.Doc();
    old.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]);
    replaceMeasureTable(old, table());
    const update = Y.encodeStateAsUpdate(old);
    const { doc, roots } = loadedRoots(update);
    // What such a document holds is only version-1 roots.
    expect(roots.every((name) => rootsUpTo(1).includes(name))).toBe(true);

    const measures = readMeasureTable(doc);
    expect(measures.nodes.map((node) => node.id).sort()).toEqual(['m1', 'p1']);
    expect(measures.progress).toBeUndefined();
    expect(readProgress(doc)).toEqual({});
    expect(readEvaluations(doc, measures)).toEqual({});
    expect(importRecords(doc)).toEqual([]);
    expect(readRememberedMapping(doc)).toBeNull();
    const prose = { type: 'doc', content: [] };
    expect(canonicalSnapshot(normaliseSnapshot({ prose, measures, evaluations: readEvaluations(doc, measures) }))).toBe(
      canonicalSnapshot(normaliseSnapshot({ prose, measures: readMeasureTable(old) })),
    );

    // It takes version-2 data from then on, into the roots version 2 lists.
    setProgress(doc, 'p1', 2025, { status: 'implemented', note: '', figure: null });
    setEvaluation(doc, 2025, 'm1', '順調');
    const after = loadedRoots(Y.encodeStateAsUpdate(doc)).roots;
    expect(after.filter((name) => !name.startsWith(EVALUATION_TEXT_ROOT_PREFIX)).every((name) => allRoots().includes(name))).toBe(true);
    expect(after).toContain(`${EVALUATION_TEXT_ROOT_PREFIX}2025|m1`);
    expect(readProgress(doc).p1?.['2025']?.status).toBe('implemented');
    expect(readEvaluations(doc)).toEqual({ '2025|m1': '順調' });
  });
});
