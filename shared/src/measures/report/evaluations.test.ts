import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalSnapshot, normaliseSnapshot, type PlanSnapshot } from '../../revisions/canonical';
import { readMeasureTable } from '../ydoc';
import {
  PLAN_SCOPE,
  evaluationKey,
  evaluationsMap,
  evaluationsOfYear,
  parseEvaluationKey,
  readEvaluations,
  replaceEvaluations,
  setEvaluation,
} from './evaluations';

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('report evaluations in the Y.Doc', () => {
  it('keeps one text per fiscal year and scope', () => {
    const doc = new Y.Doc();
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
    const a = new Y.Doc();
    const b = new Y.Doc();
    setEvaluation(a, 2025, 'row1', '課題：人材確保。');
    sync(a, b);
    setEvaluation(a, 2025, 'row1', '評価：概ね順調。課題：人材確保。');
    setEvaluation(b, 2025, 'row1', '課題：人材確保。販路開拓も。');
    sync(a, b);
    sync(b, a);
    expect(readEvaluations(a)['2025|row1']).toBe('評価：概ね順調。課題：人材確保。販路開拓も。');
    expect(readEvaluations(b)).toEqual(readEvaluations(a));
  });

  it('reads defensively: odd keys and values are skipped, plain strings read, empty texts left out', () => {
    const doc = new Y.Doc();
    const map = evaluationsMap(doc);
    map.set('2025|row1', '文字列のまま');
    map.set('not a key', new Y.Text('x'));
    map.set('2025|bad key!', new Y.Text('x'));
    map.set('2025|row2', 42);
    map.set('2025|row3', new Y.Text(''));
    expect(readEvaluations(doc)).toEqual({ '2025|row1': '文字列のまま' });
    // Editing the plain string turns it into a shared text with the same words first.
    setEvaluation(doc, 2025, 'row1', '文字列のまま。追記');
    expect(map.get('2025|row1')).toBeInstanceOf(Y.Text);
    expect(readEvaluations(doc)['2025|row1']).toBe('文字列のまま。追記');
  });

  it('parses keys, refusing what a row id cannot be', () => {
    expect(parseEvaluationKey(evaluationKey(2025, 'abc'))).toEqual({ fiscalYear: 2025, scope: 'abc' });
    expect(parseEvaluationKey('25|abc')).toBeNull();
    expect(parseEvaluationKey('2025|')).toBeNull();
    expect(() => setEvaluation(new Y.Doc(), 2025, 'a|b', 'x')).toThrow(RangeError);
  });

  it('restores a frozen set: kept texts rewritten in place, the rest added or removed', () => {
    const doc = new Y.Doc();
    setEvaluation(doc, 2025, 'row1', '今の文');
    setEvaluation(doc, 2025, 'row2', '消える文');
    const kept = evaluationsMap(doc).get('2025|row1');
    replaceEvaluations(doc, { '2025|row1': '凍結した文', '2025|plan': '総括' });
    expect(readEvaluations(doc)).toEqual({ '2025|plan': '総括', '2025|row1': '凍結した文' });
    expect(evaluationsMap(doc).get('2025|row1')).toBe(kept);
  });

  it('freezes with the snapshot, and a snapshot without any keeps its old canonical bytes', () => {
    const doc = new Y.Doc();
    const base: PlanSnapshot = { prose: { type: 'doc', content: [] }, measures: readMeasureTable(doc) };
    const before = canonicalSnapshot(base);
    expect(canonicalSnapshot({ ...base, evaluations: {} })).toBe(before);
    expect(canonicalSnapshot({ ...base, evaluations: { '2025|plan': '' } })).toBe(before);
    setEvaluation(doc, 2025, PLAN_SCOPE, '総括');
    const frozen = normaliseSnapshot({ ...base, evaluations: readEvaluations(doc) });
    expect(frozen.evaluations).toEqual({ '2025|plan': '総括' });
    expect(canonicalSnapshot(frozen)).not.toBe(before);
  });
});
