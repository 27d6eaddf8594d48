import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDocShape } from '../collab/shape';
import { planProseShapeRules } from '../editor/extensions';
import {
  FIELD_SUGGESTIONS_MAP,
  type FieldTarget,
  currentFieldValue,
  decideFieldSuggestions,
  fieldSuggestionsMap,
  listFieldSuggestions,
  suggestFieldValue,
  withdrawFieldSuggestion,
} from './fieldSuggestions';
import { NONE, num } from './model';
import { addKpi, addNode, readKpiRecord, readNodeText } from './ydoc';

let n = 0;
const newId = () => `id${++n}`;

function plan() {
  const doc = new Y.Doc();
  const measure = addNode(doc, { parent: null }, { kind: 'measure', title: '商店街の活性化' }, newId);
  const placement = addNode(doc, { parent: measure }, { kind: 'placement', title: '空き店舗活用事業', status: 'new' }, newId);
  const kpi = addKpi(doc, placement, { name: '空き店舗数', unit: '店舗', targetValue: num(80) }, newId);
  return { doc, measure, placement, kpi };
}

const member = (id: string, at = 1000) => ({ id, author: 'u-member', at });
const staff = (id: string, at = 2000) => ({ id, author: 'u-staff', at });

describe('cell suggestions', () => {
  it('keep what they would replace, and list oldest first with the competition for the same cell', () => {
    const { doc, kpi, measure } = plan();
    const target: FieldTarget = { kind: 'kpiFigure', id: kpi, field: 'targetValue' };
    expect(suggestFieldValue(doc, staff('s1'), target, num(75))).toBe(true);
    expect(suggestFieldValue(doc, member('m1'), target, num(70))).toBe(true);
    expect(suggestFieldValue(doc, member('m2'), { kind: 'node', id: measure, field: 'title' }, '商店街の再生')).toBe(true);
    const listed = listFieldSuggestions(doc);
    expect(listed.map((s) => [s.id, s.conflictsWith])).toEqual([
      ['m1', ['s1']],
      ['m2', []],
      ['s1', ['m1']],
    ]);
    expect(listed[0]).toMatchObject({ value: num(70), was: num(80), author: 'u-member' });
    // Nothing in the table itself has moved.
    expect(readKpiRecord(doc, kpi)!.target.value).toEqual(num(80));
  });

  it('refuse a proposal that changes nothing, has the wrong kind of value, or names a gone cell', () => {
    const { doc, kpi } = plan();
    expect(suggestFieldValue(doc, member('m1'), { kind: 'kpiFigure', id: kpi, field: 'targetValue' }, num(80))).toBe(false);
    expect(suggestFieldValue(doc, member('m2'), { kind: 'kpiFigure', id: kpi, field: 'targetValue' }, '70')).toBe(false);
    expect(suggestFieldValue(doc, member('m3'), { kind: 'kpiText', id: 'gone', field: 'name' }, '空き家数')).toBe(false);
    expect(fieldSuggestionsMap(doc).size).toBe(0);
  });

  it('replace one person’s earlier proposal for the same cell instead of competing with it', () => {
    const { doc, kpi } = plan();
    const target: FieldTarget = { kind: 'kpiText', id: kpi, field: 'unit' };
    suggestFieldValue(doc, member('m1'), target, '件');
    suggestFieldValue(doc, member('m2', 1500), target, '箇所');
    expect(listFieldSuggestions(doc).map((s) => [s.id, s.value])).toEqual([['m2', '箇所']]);
  });

  it('accepting writes the value the way the table does and rejects the competing proposals', () => {
    const { doc, kpi, placement } = plan();
    const target: FieldTarget = { kind: 'kpiFigure', id: kpi, field: 'targetValue' };
    suggestFieldValue(doc, member('m1'), target, num(70));
    suggestFieldValue(doc, staff('s1'), target, NONE);
    suggestFieldValue(doc, staff('s2'), { kind: 'node', id: placement, field: 'title' }, '空き店舗再生事業');
    const outcome = decideFieldSuggestions(doc, ['s1', 's2', 'gone'], 'accept');
    expect(outcome.decided.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(outcome.resolved.map((s) => s.id)).toEqual(['m1']);
    expect(outcome.missing).toEqual(['gone']);
    expect(readKpiRecord(doc, kpi)!.target.value).toEqual(NONE);
    // A placement's title is its project's name.
    expect(readNodeText(doc, placement, 'title')).toBe('空き店舗再生事業');
    expect(fieldSuggestionsMap(doc).size).toBe(0);
  });

  it('rejecting only removes the proposal; withdrawing one’s own does the same', () => {
    const { doc, kpi } = plan();
    const target: FieldTarget = { kind: 'kpiText', id: kpi, field: 'name' };
    suggestFieldValue(doc, member('m1'), target, '空き店舗の数');
    suggestFieldValue(doc, staff('s1'), target, '空き店舗件数');
    decideFieldSuggestions(doc, ['m1'], 'reject');
    expect(listFieldSuggestions(doc).map((s) => s.id)).toEqual(['s1']);
    withdrawFieldSuggestion(doc, 's1');
    expect(listFieldSuggestions(doc)).toEqual([]);
    expect(currentFieldValue(doc, target)).toBe('空き店舗数');
  });

  it('accepting several for one cell lets the earliest win', () => {
    const { doc, kpi } = plan();
    const target: FieldTarget = { kind: 'kpiFigure', id: kpi, field: 'targetValue' };
    suggestFieldValue(doc, staff('s1', 3000), target, num(75));
    suggestFieldValue(doc, member('m1', 1000), target, num(70));
    const outcome = decideFieldSuggestions(doc, ['s1', 'm1'], 'accept');
    expect(outcome.decided.map((s) => s.id)).toEqual(['m1']);
    expect(outcome.resolved.map((s) => s.id)).toEqual(['s1']);
    expect(readKpiRecord(doc, kpi)!.target.value).toEqual(num(70));
  });

  it('are part of the document shape: honest entries pass, a hand-made bad one is found', () => {
    const { doc, kpi } = plan();
    suggestFieldValue(doc, member('m1'), { kind: 'kpiFigure', id: kpi, field: 'targetValue' }, num(70));
    expect(checkDocShape(doc, planProseShapeRules())).toEqual([]);
    doc.getMap(FIELD_SUGGESTIONS_MAP).set('bad', { author: 'u', at: 1, target: { kind: 'kpiFigure', id: kpi, field: 'targetValue' }, value: '70', was: num(80) });
    expect(checkDocShape(doc, planProseShapeRules()).map((p) => p.problem)).toEqual([expect.stringContaining('measureSuggestions.bad')]);
    // And a reader skips it rather than trusting it.
    expect(listFieldSuggestions(doc).map((s) => s.id)).toEqual(['m1']);
  });

  it('survive two people proposing for the same cell at once, and converge', () => {
    const { doc, kpi } = plan();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const target: FieldTarget = { kind: 'kpiFigure', id: kpi, field: 'targetValue' };
    suggestFieldValue(doc, member('m1'), target, num(70));
    suggestFieldValue(other, staff('s1'), target, num(75));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(listFieldSuggestions(doc)).toEqual(listFieldSuggestions(other));
    expect(listFieldSuggestions(doc).map((s) => s.conflictsWith.length)).toEqual([1, 1]);
  });
});
