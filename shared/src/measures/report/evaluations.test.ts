import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalSnapshot, normaliseSnapshot, type PlanSnapshot } from '../../revisions/canonical';
import { measureRow, placementRow } from '../fixtures/treeRows';
import { DEFAULT_MEASURE_SETTINGS, type MeasureTable } from '../model';
import { readMeasureTable, replaceMeasureTable } from '../ydoc';
import {
  EVALUATION_TEXT_PREFIX,
  MAX_EVALUATIONS,
  PLAN_SCOPE,
  evaluationKey,
  evaluationText,
  evaluationsMap,
  evaluationsOfYear,
  hasEvaluation,
  keptEvaluations,
  parseEvaluationKey,
  readEvaluations,
  replaceEvaluations,
  setEvaluation,
  touchesEvaluations,
} from './evaluations';

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Measure rows row1–row3 and a placement p1, fiscal years 2024–2025. */
function table(): MeasureTable {
  return {
    ...readMeasureTable(new Y.Doc()),
    settings: { ...DEFAULT_MEASURE_SETTINGS, actualYears: [2024, 2025] },
    nodes: [measureRow('row1', null, 'a1', '一'), measureRow('row2', null, 'a2', '二'), measureRow('row3', null, 'a3', '三'), placementRow('p1', 'row1', 'a1', 'proj1', '')],
    projects: [{ id: 'proj1', name: '事業', contacts: [] }],
  };
}

function planDoc(): Y.Doc {
  const doc = new Y.Doc();
  replaceMeasureTable(doc, table());
  return doc;
}

describe('report evaluations in the Y.Doc', () => {
  it('keeps one text per fiscal year and scope', () => {
    const doc = planDoc();
    setEvaluation(doc, 2025, 'row1', '創業支援は順調。');
    setEvaluation(doc, 2025, PLAN_SCOPE, '全体として概ね順調。');
    setEvaluation(doc, 2024, 'row1', '前年度の評価');
    expect(readEvaluations(doc)).toEqual({
      '2024|row1': '前年度の評価',
      '2025|plan': '全体として概ね順調。',
      '2025|row1': '創業支援は順調。',
    });
    expect([...evaluationsOfYear(readEvaluations(doc), 2025)]).toEqual([
      ['plan', '全体として概ね順調。'],
      ['row1', '創業支援は順調。'],
    ]);
  });

  it('merges two members typing in the same evaluation', () => {
    const a = planDoc();
    const b = new Y.Doc();
    sync(a, b);
    setEvaluation(a, 2025, 'row1', '課題：人材確保。');
    sync(a, b);
    setEvaluation(a, 2025, 'row1', '評価：概ね順調。課題：人材確保。');
    setEvaluation(b, 2025, 'row1', '課題：人材確保。販路開拓も。');
    sync(a, b);
    sync(b, a);
    expect(readEvaluations(a)['2025|row1']).toBe('評価：概ね順調。課題：人材確保。販路開拓も。');
    expect(readEvaluations(b)).toEqual(readEvaluations(a));
  });

  it('keeps both members’ words when they start the same empty evaluation at once', () => {
    const a = planDoc();
    const b = new Y.Doc();
    sync(a, b);
    // Neither has seen the other's update: both create the text and type in it.
    const textA = evaluationText(a, 2025, 'row1');
    a.transact(() => textA.insert(0, '評価：順調。'));
    const textB = evaluationText(b, 2025, 'row1');
    b.transact(() => textB.insert(0, '課題：人材。'));
    sync(a, b);
    sync(b, a);
    const merged = readEvaluations(a)['2025|row1']!;
    expect(merged).toContain('評価：順調。');
    expect(merged).toContain('課題：人材。');
    expect(readEvaluations(b)).toEqual(readEvaluations(a));
    // The same text object keeps receiving both members' typing afterwards.
    expect(evaluationText(a, 2025, 'row1')).toBe(textA);
    textB.insert(textB.length, '追記');
    sync(b, a);
    expect(textA.toString().endsWith('追記')).toBe(true);
  });

  it('reads a document written before the texts moved to the root (texts inside the map)', () => {
    const doc = planDoc();
    const map = evaluationsMap(doc);
    const legacy = new Y.Text('旧形式の評価');
    map.set('2025|row1', legacy);
    expect(readEvaluations(doc)).toEqual({ '2025|row1': '旧形式の評価' });
    // It is edited where it is, not copied to a new place.
    setEvaluation(doc, 2025, 'row1', '旧形式の評価。追記');
    expect(map.get('2025|row1')).toBe(legacy);
    expect(readEvaluations(doc)).toEqual({ '2025|row1': '旧形式の評価。追記' });
    // And it round-trips through an update, as it would from storage.
    const loaded = new Y.Doc();
    sync(doc, loaded);
    expect(readEvaluations(loaded)).toEqual({ '2025|row1': '旧形式の評価。追記' });
  });

  it('reads defensively: odd keys and values are skipped, plain strings read, empty texts left out', () => {
    const doc = planDoc();
    const map = evaluationsMap(doc);
    map.set('2025|row1', '文字列のまま');
    map.set('not a key', new Y.Text('x'));
    map.set('2025|bad key!', new Y.Text('x'));
    map.set('2025|row2', 42);
    map.set('2025|row3', new Y.Text(''));
    // Listed, but the name is held by a map: skipped rather than thrown.
    doc.getMap(`${EVALUATION_TEXT_PREFIX}2024|row2`).set('x', 1);
    map.set('2024|row2', true);
    expect(readEvaluations(doc)).toEqual({ '2025|row1': '文字列のまま' });
    // Editing the plain string turns it into a shared text with the same words first.
    setEvaluation(doc, 2025, 'row1', '文字列のまま。追記');
    expect(map.get('2025|row1')).toBe(true);
    expect(readEvaluations(doc)['2025|row1']).toBe('文字列のまま。追記');
  });

  it('keeps only the plan’s fiscal years and measure rows, and at most MAX_EVALUATIONS', () => {
    const doc = planDoc();
    setEvaluation(doc, 2025, 'row1', '残る');
    setEvaluation(doc, 2025, 'gone', '消えた行');
    setEvaluation(doc, 2025, 'p1', '事業の行には評価がない');
    setEvaluation(doc, 2019, 'row1', '計画にない年度');
    expect(readEvaluations(doc)).toEqual({ '2025|row1': '残る' });
    // The frozen form applies the same rule to whatever it is given.
    const many = Object.fromEntries(Array.from({ length: MAX_EVALUATIONS + 5 }, (_, i) => [`2025|r${i}`, 'x']));
    const wide: MeasureTable = { ...table(), nodes: Object.keys(many).map((key, i) => measureRow(key.slice(5), null, `a${i}1`, '')) };
    expect(Object.keys(keptEvaluations(many, wide))).toHaveLength(MAX_EVALUATIONS);
    expect(keptEvaluations({ '2025|row1': 'a', '2025|x': 'b', '1999|row1': 'c' }, table())).toEqual({ '2025|row1': 'a' });
  });

  it('tells whether a row has been evaluated, in either layout', () => {
    const doc = planDoc();
    expect(hasEvaluation(doc, 'row1')).toBe(false);
    setEvaluation(doc, 2024, 'row1', '評価あり');
    evaluationsMap(doc).set('2025|row2', new Y.Text('旧形式'));
    evaluationText(doc, 2025, 'row3');
    expect(hasEvaluation(doc, 'row1')).toBe(true);
    expect(hasEvaluation(doc, 'row2')).toBe(true);
    // Started but empty: nothing to lose.
    expect(hasEvaluation(doc, 'row3')).toBe(false);
  });

  it('notices transactions that change an evaluation and no others', () => {
    const doc = planDoc();
    const seen: boolean[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => seen.push(touchesEvaluations(doc, transaction)));
    setEvaluation(doc, 2025, 'row1', '一');
    setEvaluation(doc, 2025, 'row1', '一二');
    doc.getMap('other').set('x', 1);
    evaluationsMap(doc).set('2024|row1', new Y.Text('旧'));
    (evaluationsMap(doc).get('2024|row1') as Y.Text).insert(0, '更');
    // Starting a text lists it (one transaction), then writes it (another).
    expect(seen).toEqual([true, true, true, false, true, true]);
  });

  it('parses keys, refusing what a row id cannot be', () => {
    expect(parseEvaluationKey(evaluationKey(2025, 'abc'))).toEqual({ fiscalYear: 2025, scope: 'abc' });
    expect(parseEvaluationKey('25|abc')).toBeNull();
    expect(parseEvaluationKey('2025|')).toBeNull();
    expect(() => setEvaluation(new Y.Doc(), 2025, 'a|b', 'x')).toThrow(RangeError);
  });

  it('restores a frozen set: kept texts rewritten in place, the rest emptied and unlisted', () => {
    const doc = planDoc();
    setEvaluation(doc, 2025, 'row1', '今の文');
    setEvaluation(doc, 2025, 'row2', '消える文');
    const kept = evaluationText(doc, 2025, 'row1');
    replaceEvaluations(doc, { '2025|row1': '凍結した文', '2025|plan': '総括' });
    expect(readEvaluations(doc)).toEqual({ '2025|plan': '総括', '2025|row1': '凍結した文' });
    expect(evaluationText(doc, 2025, 'row1')).toBe(kept);
    expect(evaluationsMap(doc).has('2025|row2')).toBe(false);
    // Starting the removed one again begins blank.
    expect(evaluationText(doc, 2025, 'row2').toString()).toBe('');
  });

  it('freezes with the snapshot, and a snapshot without any keeps its old canonical bytes', () => {
    const doc = planDoc();
    const base: PlanSnapshot = { prose: { type: 'doc', content: [] }, measures: readMeasureTable(doc) };
    const before = canonicalSnapshot(base);
    expect(canonicalSnapshot({ ...base, evaluations: {} })).toBe(before);
    expect(canonicalSnapshot({ ...base, evaluations: { '2025|plan': '' } })).toBe(before);
    setEvaluation(doc, 2025, PLAN_SCOPE, '総括');
    const frozen = normaliseSnapshot({ ...base, evaluations: readEvaluations(doc) });
    expect(frozen.evaluations).toEqual({ '2025|plan': '総括' });
    expect(canonicalSnapshot(frozen)).not.toBe(before);
    // A key the table does not know is not frozen.
    expect(normaliseSnapshot({ ...base, evaluations: { '2025|plan': '総括', '2025|nowhere': 'x' } }).evaluations).toEqual({ '2025|plan': '総括' });
  });
});
