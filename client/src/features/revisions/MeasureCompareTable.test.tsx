import { diffMeasures } from '@sakutei/shared';
import { DEFAULT_MEASURE_SETTINGS, type MeasureTable, type NodeRecord } from '@sakutei/shared/measures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { MeasureCompareTable } from './MeasureCompareTable';

const measure = (id: string, key: string, title: string): NodeRecord => ({
  id,
  kind: 'measure',
  position: { parent: null, key },
  title,
  description: '',
  projectId: null,
  status: null,
});
const table = (nodes: NodeRecord[]): MeasureTable => ({ settings: DEFAULT_MEASURE_SETTINGS, nodes, projects: [], kpis: [], actors: [], roleCells: {} });

// Fourteen 施策; one more goes first and the third is renamed.
const before = table(Array.from({ length: 14 }, (_, i) => measure(`m${i}`, `k${String(i).padStart(2, '0')}`, `施策${i}`)));
const after = table([measure('first', 'a', '新しい施策'), ...before.nodes.map((node) => (node.id === 'm2' ? { ...node, title: '施策2（改）' } : node))]);

describe('MeasureCompareTable', () => {
  it('shows one added row as one line and the shift as one note, not fourteen 番号変更 lines', () => {
    renderJa(<MeasureCompareTable diff={diffMeasures(before, after)} order="new-old" />);
    const rows = screen.getAllByTestId('compare-measure-row');
    expect(rows.map((row) => row.dataset['kind'])).toEqual(['added', 'renumbered', 'changed']);
    expect(screen.getByTestId('compare-renumber-note').textContent).toBe('以下、番号を繰り下げ（1 → 2 ほか13件）');
    // 項目 in Japanese.
    expect(within(rows[2]!).getByText('名称')).toBeTruthy();
    expect(screen.queryByText('title')).toBeNull();
  });

  it('puts 改正後 on the left unless asked otherwise', () => {
    const { unmount } = renderJa(<MeasureCompareTable diff={diffMeasures(before, after)} order="new-old" />);
    const heads = () => screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(heads().slice(3)).toEqual(['改正後（新）', '改正前（旧）']);
    const changed = screen.getAllByTestId('compare-measure-row')[2]!;
    expect([...changed.querySelectorAll('td')].slice(-2).map((td) => td.textContent)).toEqual(['施策2（改）', '施策2']);
    unmount();
    renderJa(<MeasureCompareTable diff={diffMeasures(before, after)} order="old-new" />);
    expect(heads().slice(3)).toEqual(['改正前（旧）', '改正後（新）']);
  });

  it('shows 実施状況 and 評価・課題 in their own sections, a changed text with its edit marked', () => {
    const placement: NodeRecord = { id: 'pl', kind: 'placement', position: { parent: 'm0', key: 'a' }, title: '', description: '', projectId: 'p1', status: null };
    const base = { ...before, nodes: [...before.nodes, placement], projects: [{ id: 'p1', name: '経営相談', contacts: [] }] };
    const diff = diffMeasures(
      { ...base, progress: { pl: { '2024': { status: 'partial', note: '週2回開設した。', figure: null } } } },
      { ...base, progress: { pl: { '2024': { status: 'implemented', note: '週3回開設した。', figure: null } } } },
      { new: { '2024|plan': '順調に進んだ。' } },
    );
    const { unmount } = renderJa(<MeasureCompareTable diff={diff} order="new-old" section="progress" />);
    const rows = screen.getAllByTestId('compare-measure-row');
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['変更', '実施状況（令和6年度）', '実施', '一部実施'],
      ['変更', '実施状況の備考（令和6年度）', '週3回開設した。', '週2回開設した。'],
    ]);
    expect(rows[1]!.querySelector('ins')?.textContent).toBe('3');
    expect(rows[1]!.querySelector('del')?.textContent).toBe('2');
    expect(screen.getByRole('region', { name: '実施状況の新旧対照表' })).toBeTruthy();
    unmount();
    renderJa(<MeasureCompareTable diff={diff} order="new-old" section="evaluations" />);
    expect(within(screen.getByTestId('compare-measure-row')).getByText('計画全体')).toBeTruthy();
    expect(screen.getByText('評価・課題（令和6年度）')).toBeTruthy();
  });

  it('says so when no 実施状況 changed', () => {
    renderJa(<MeasureCompareTable diff={diffMeasures(before, before)} order="new-old" section="progress" />);
    expect(screen.getByTestId('compare-progress-unchanged').textContent).toBe('実施状況に変更はありません。');
  });
});
