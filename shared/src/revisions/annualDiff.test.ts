import { describe, expect, it } from 'vitest';
import { DEFAULT_MEASURE_SETTINGS, type MeasureTable } from '../measures/model';
import type { ProgressTable } from '../measures/progress';
import { measureRow as measure, placementRow as placement } from '../measures/fixtures/treeRows';
import { evaluationGroups, lineSegments, measureFieldText, measureGroups, measurePlaceText, progressGroups } from './compareLines';
import { diffMeasures } from './measureDiff';

function table(progress?: ProgressTable): MeasureTable {
  return {
    settings: DEFAULT_MEASURE_SETTINGS,
    nodes: [
      measure('m1', null, 'a0', '経営基盤の強化'),
      placement('consult', 'm1', 'a0', 'p-consult', '経営相談'),
      placement('shop', 'm1', 'a1', 'p-shop', 'チャレンジショップ'),
    ],
    projects: [
      { id: 'p-consult', name: '経営相談・指導', contacts: [] },
      { id: 'p-shop', name: 'チャレンジショップ', contacts: [] },
    ],
    kpis: [],
    actors: [],
    roleCells: {},
    ...(progress ? { progress } : {}),
  };
}

describe('diffMeasures: 実施状況', () => {
  it('lists each field of a year that changed, printed as the report prints it', () => {
    const before = table({ consult: { '2024': { status: 'partial', note: '相談窓口を週2回開設した。', figure: { value: 1200, unit: '件' } } } });
    const after = table({
      consult: { '2024': { status: 'implemented', note: '相談窓口を週3回開設した。', figure: { value: 1200, unit: '件' } } },
      shop: { '2025': { status: 'notImplemented', note: '', figure: null } },
    });
    const diff = diffMeasures(before, after);
    expect(diff.changed).toBe(true);
    expect(diff.progress.map(({ nodeId, fiscalYear, kind }) => [nodeId, fiscalYear, kind])).toEqual([
      ['consult', 2024, 'changed'],
      ['shop', 2025, 'added'],
    ]);
    expect(diff.progress[0]!.changes).toEqual([
      { field: 'status', old: '一部実施', new: '実施' },
      { field: 'note', old: '相談窓口を週2回開設した。', new: '相談窓口を週3回開設した。' },
    ]);

    const groups = progressGroups(diff);
    expect(groups.map((group) => measurePlaceText(group.place))).toEqual(['1(1) 経営相談・指導', '1(2) チャレンジショップ']);
    const [status, note] = groups[0]!.lines;
    expect(measureFieldText(status!.field)).toBe('実施状況（令和6年度）');
    expect(measureFieldText(note!.field, 'en')).toBe('Progress note (FY2024)');
    // The note is shown as its edit: only the 2 and the 3 are marked.
    const sides = lineSegments(note!);
    expect(sides.old.filter((s) => s.kind === 'delete').map((s) => s.text)).toEqual(['2']);
    expect(sides.new.filter((s) => s.kind === 'insert').map((s) => s.text)).toEqual(['3']);
    expect(groups[1]!.lines).toEqual([{ kind: 'added', field: { kind: 'progress', field: 'status', fiscalYear: 2025 }, old: '', new: '未実施' }]);
    // The measure section itself is unchanged: the rows are the same.
    expect(measureGroups(diff)).toEqual([]);
  });

  it('compares a snapshot frozen before 実施状況 existed as having none', () => {
    const diff = diffMeasures(table(), table({ shop: { '2024': { status: 'completed', note: '', figure: { value: 63.2, unit: '%' } } } }));
    expect(progressGroups(diff)[0]!.lines.map((line) => [line.kind, line.new])).toEqual([
      ['added', '完了'],
      ['added', '63.2%'],
    ]);
    expect(diffMeasures(table(), table()).changed).toBe(false);
  });

  it('leaves a removed placement’s 実施状況 to the row’s own line', () => {
    const before = table({ shop: { '2024': { status: 'completed', note: '', figure: null } } });
    const after = { ...table(), nodes: table().nodes.filter((node) => node.id !== 'shop') };
    const diff = diffMeasures(before, after);
    expect(diff.progress).toEqual([]);
    expect(diff.rows.find((row) => row.id === 'shop')?.kind).toBe('removed');
  });
});

describe('diffMeasures: 評価・課題', () => {
  it('lists texts that changed by year, levels in table order and the whole plan last', () => {
    const diff = diffMeasures(table(), table(), {
      old: { '2024|m1': '相談件数は増加した。', '2024|plan': '概ね順調。' },
      new: { '2024|m1': '相談件数は大きく増加した。', '2024|plan': '概ね順調。', '2025|plan': '次年度も継続する。', 'junk': 'x', '2024|gone': '行がない' },
    });
    expect(diff.evaluations.map(({ fiscalYear, scope, kind }) => [fiscalYear, scope, kind])).toEqual([
      [2024, 'm1', 'changed'],
      [2025, 'plan', 'added'],
    ]);
    const groups = evaluationGroups(diff);
    expect(groups.map((group) => measurePlaceText(group.place))).toEqual(['1 経営基盤の強化', '計画全体']);
    expect(measureFieldText(groups[0]!.lines[0]!.field)).toBe('評価・課題（令和6年度）');
    expect(lineSegments(groups[0]!.lines[0]!).new.filter((s) => s.kind === 'insert').map((s) => s.text)).toEqual(['大きく']);
    // Written from nothing: no edit to mark, just the text.
    expect(groups[1]!.lines[0]).toEqual({ kind: 'added', field: { kind: 'evaluation', fiscalYear: 2025 }, old: '', new: '次年度も継続する。' });
  });

  it('compares absent evaluations (an old snapshot) as empty', () => {
    const diff = diffMeasures(table(), table(), { new: { '2024|plan': '総括' } });
    expect(diff.evaluations).toEqual([{ fiscalYear: 2024, scope: 'plan', where: null, kind: 'added', old: '', new: '総括' }]);
    expect(diffMeasures(table(), table(), { old: { '2024|plan': '総括' } }).evaluations[0]!.kind).toBe('removed');
  });
});
