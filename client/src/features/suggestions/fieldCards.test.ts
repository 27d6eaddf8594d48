import { addKpi, addNode, deriveTable, listFieldSuggestions, newMeasureId, num, readMeasureTable, suggestFieldValue } from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { translatorFor } from '../../i18n';
import { cellCardItems, isCellItem } from './fieldCards';
import { groupSuggestions } from './suggestionCards';

const t = translatorFor('ja');

function table() {
  const doc = new Y.Doc();
  const row = addNode(doc, { parent: null }, { kind: 'measure', title: '商店街の活性化' }, newMeasureId);
  const kpi = addKpi(doc, row, { name: '空き店舗数', unit: '店舗', targetValue: num(80) }, newMeasureId);
  return { doc, row, kpi };
}

describe('cellCardItems', () => {
  it('names a KPI figure’s proposal by its mark, name and field, and prints 旧 → 新 with the unit', () => {
    const { doc, kpi } = table();
    suggestFieldValue(doc, { id: 's1', author: 'u-staff', at: 5 }, { kind: 'kpiFigure', id: kpi, field: 'targetValue' }, num(70));
    const [item] = cellCardItems(listFieldSuggestions(doc), deriveTable(readMeasureTable(doc)), t);
    expect(item!.section!.title).toBe('成果指標① 空き店舗数の目標値');
    expect(item!.deleted).toBe('80 店舗');
    expect(item!.inserted).toBe('70 店舗');
    expect(isCellItem(item!)).toBe(true);
    expect(item!.cell).toEqual({ kind: 'kpiFigure', id: kpi, field: 'targetValue' });
  });

  it('puts competing proposals for one cell side by side, and a row’s before its KPI’s', () => {
    const { doc, row, kpi } = table();
    const target = { kind: 'kpiFigure', id: kpi, field: 'targetValue' } as const;
    suggestFieldValue(doc, { id: 'a', author: 'u-staff', at: 1 }, target, num(70));
    suggestFieldValue(doc, { id: 'b', author: 'u-member', at: 2 }, target, num(75));
    suggestFieldValue(doc, { id: 'c', author: 'u-member', at: 3 }, { kind: 'node', id: row, field: 'title' }, '商店街の再生');
    const items = cellCardItems(listFieldSuggestions(doc), deriveTable(readMeasureTable(doc)), t);
    expect(items.map((item) => item.id)).toEqual(['c', 'a', 'b']);
    expect(items[0]!.section!.title).toBe('1 商店街の活性化の名称');
    const groups = groupSuggestions(items);
    expect(groups.find((group) => group.conflict)!.items.map((item) => item.id).sort()).toEqual(['a', 'b']);
    // Sections never meet the prose's (block indices, -1 before the first heading).
    expect(items.every((item) => item.section!.index < -1)).toBe(true);
  });
});
