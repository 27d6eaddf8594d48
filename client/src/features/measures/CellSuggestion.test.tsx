import { userColor } from '@sakutei/shared';
import { addNode, createMeasureUndoManager, newMeasureId, num, fieldSuggestionsMap, listFieldSuggestions, readNodeText, suggestFieldValue, type FieldSuggestion } from '@sakutei/shared/measures';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { renderJa } from '../../app/testing/render';
import { CellSuggestionMark } from './CellSuggestionMark';
import { FigureSuggestion } from './FigureSuggestion';
import { SuggestCellDialog, type ProposeResult } from './SuggestCellDialog';

const names: Record<string, string> = { 'u-staff': '事務局 佐藤', 'u-member': '委員 田中' };
const nameOf = (id: string) => names[id] ?? null;
const show = (value: FieldSuggestion['value']) => (typeof value === 'string' ? value : '');

const proposal = (id: string, author: string, value: string, was = '空き店舗数 80'): FieldSuggestion => ({
  id,
  author,
  at: 1,
  target: { kind: 'node', id: 'row', field: 'title' },
  value,
  was,
  conflictsWith: [],
});

describe('CellSuggestionMark', () => {
  it('reads 「旧 → 新」: the current value struck, the proposal underlined in the proposer’s colour, said in words', () => {
    renderJa(<CellSuggestionMark suggestions={[proposal('s1', 'u-staff', '空き店舗数 70')]} current="空き店舗数 80" nameOf={nameOf} show={show} />);
    const mark = screen.getByTestId('cell-suggestion');
    expect(mark.querySelector('del')!.textContent).toBe('空き店舗数 80');
    expect(mark.querySelector('ins')!.textContent).toBe('空き店舗数 70');
    expect(mark.style.getPropertyValue('--suggestion-colour')).toBe(userColor('u-staff'));
    // Screen readers hear the sentence, not the marks twice.
    expect(mark.querySelector('[aria-hidden="true"]')!.contains(mark.querySelector('del'))).toBe(true);
    expect(mark.querySelector('.visually-hidden')!.textContent).toBe('事務局 佐藤さんの提案: 空き店舗数 80 → 空き店舗数 70');
    expect(screen.queryByTestId('cell-suggestion-count')).toBeNull();
  });

  it('counts competing proposals and describes each', () => {
    renderJa(
      <CellSuggestionMark
        suggestions={[proposal('s1', 'u-staff', 'A'), proposal('s2', 'u-member', 'B')]}
        current="空き店舗数 80"
        nameOf={nameOf}
        show={show}
      />,
    );
    expect(screen.getByTestId('cell-suggestion-count').textContent).toBe('提案 2 件');
    const said = screen.getByTestId('cell-suggestion').querySelector('.visually-hidden')!.textContent;
    expect(said).toContain('事務局 佐藤さんの提案: 空き店舗数 80 → A');
    expect(said).toContain('委員 田中さんの提案: 空き店舗数 80 → B');
  });

  it('draws nothing without a proposal', () => {
    renderJa(<CellSuggestionMark suggestions={[]} current="x" nameOf={nameOf} show={show} />);
    expect(screen.queryByTestId('cell-suggestion')).toBeNull();
  });
});

describe('SuggestCellDialog', () => {
  const setup = (pending: FieldSuggestion[] = [], onPropose = vi.fn((_value: unknown): ProposeResult => 'ok')) => {
    const onWithdraw = vi.fn();
    const onClose = vi.fn();
    renderJa(
      <SuggestCellDialog
        where="名称, (1)"
        current="空き店舗数 80"
        multiline={false}
        seed={null}
        pending={pending}
        selfId="u-staff"
        nameOf={nameOf}
        onPropose={onPropose}
        onWithdraw={onWithdraw}
        onClose={onClose}
      />,
    );
    return { onPropose, onWithdraw, onClose };
  };

  it('shows the current value and proposes the typed one', () => {
    const { onPropose, onClose } = setup();
    expect(screen.getByTestId('cell-suggest-current').textContent).toBe('空き店舗数 80');
    const input = screen.getByTestId('cell-suggest-input') as HTMLInputElement;
    expect(input.value).toBe('空き店舗数 80');
    fireEvent.change(input, { target: { value: '空き店舗数 70' } });
    fireEvent.click(screen.getByTestId('cell-suggest-submit'));
    expect(onPropose).toHaveBeenCalledWith('空き店舗数 70');
    expect(onClose).toHaveBeenCalled();
  });

  it('refuses a proposal equal to the current value, and says so', () => {
    const { onPropose, onClose } = setup();
    fireEvent.click(screen.getByTestId('cell-suggest-submit'));
    expect(onPropose).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('cell-suggest-failure').textContent).toBe('現在の値と同じです。別の値を入力してください。');
  });

  it('says so when the row went meanwhile', () => {
    setup([], vi.fn((): ProposeResult => 'gone'));
    fireEvent.change(screen.getByTestId('cell-suggest-input'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('cell-suggest-submit'));
    expect(screen.getByTestId('cell-suggest-failure').textContent).toBe('この行はほかの人が削除しました。');
  });

  it('lists the cell’s proposals and withdraws only one’s own', () => {
    const { onWithdraw } = setup([proposal('theirs', 'u-member', 'B'), proposal('mine', 'u-staff', 'A')]);
    expect(screen.getAllByTestId('cell-suggestion')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('cell-suggest-withdraw'));
    expect(onWithdraw).toHaveBeenCalledWith('mine');
  });

  it('offers no withdrawal of someone else’s proposal', () => {
    setup([proposal('theirs', 'u-member', 'B')]);
    expect(screen.queryByTestId('cell-suggest-withdraw')).toBeNull();
  });
});

describe('undo of one’s own proposal', () => {
  it('the table’s undo manager, with the suggestions map in scope, takes a proposal back and leaves the cell', () => {
    const doc = new Y.Doc();
    const row = addNode(doc, { parent: null }, { kind: 'measure', title: '空き店舗数 80' }, newMeasureId);
    const undo = createMeasureUndoManager(doc);
    undo.addToScope(fieldSuggestionsMap(doc));
    undo.stopCapturing();
    expect(suggestFieldValue(doc, { id: 's1', author: 'u', at: 1 }, { kind: 'node', id: row, field: 'title' }, '空き店舗数 70', 'sakutei.measures')).toBe(true);
    expect(listFieldSuggestions(doc)).toHaveLength(1);
    undo.undo();
    expect(listFieldSuggestions(doc)).toHaveLength(0);
    expect(readNodeText(doc, row, 'title')).toBe('空き店舗数 80');
  });
});

describe('FigureSuggestion', () => {
  const kpi = {
    id: 'k',
    attachTo: '',
    key: '',
    name: '空き店舗数',
    formerNames: [],
    unit: '店舗',
    direction: 'lower' as const,
    components: [],
    baseline: { value: num(90), fiscalYear: 2020, label: '' },
    target: { value: num(80), fiscalYear: 2025 },
    actuals: {},
    source: '',
  };
  const suggesting = (pending: FieldSuggestion[] = []) => ({
    forCell: () => pending,
    nameOf,
    selfId: 'u-staff',
    mayPropose: true,
    propose: vi.fn((): ProposeResult => 'ok'),
    withdraw: vi.fn(),
  });

  it('shows 「80 店舗 → 70 店舗」 for a pending target and proposes a figure read as the KPI editor reads it', () => {
    const pending: FieldSuggestion = {
      id: 's1',
      author: 'u-member',
      at: 1,
      target: { kind: 'kpiFigure', id: 'k', field: 'targetValue' },
      value: num(70),
      was: num(80),
      conflictsWith: [],
    };
    const scope = suggesting([pending]);
    renderJa(<FigureSuggestion kpi={kpi} field="targetValue" where="成果指標① 空き店舗数の目標値" suggesting={scope} />);
    const mark = screen.getByTestId('cell-suggestion');
    expect(mark.querySelector('del')!.textContent).toBe('80 店舗');
    expect(mark.querySelector('ins')!.textContent).toBe('70 店舗');
    fireEvent.click(screen.getByTestId('figure-suggest'));
    const input = screen.getByTestId('cell-suggest-input') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '七十' } });
    fireEvent.click(screen.getByTestId('cell-suggest-submit'));
    expect(scope.propose).not.toHaveBeenCalled();
    expect(screen.getByTestId('cell-suggest-failure').textContent).not.toBe('');
    fireEvent.change(input, { target: { value: '—' } });
    fireEvent.click(screen.getByTestId('cell-suggest-submit'));
    expect(scope.propose).toHaveBeenCalledWith({ kind: 'kpiFigure', id: 'k', field: 'targetValue' }, { kind: 'none' }, expect.any(Function));
  });
});

describe('FigureSuggestion on a KPI’s words', () => {
  it('proposes a new 単位 as text, with no figure parsing', () => {
    const kpi = {
      id: 'k',
      attachTo: '',
      key: '',
      name: '空き店舗数',
      formerNames: [],
      unit: '店舗',
      direction: 'lower' as const,
      components: [],
      baseline: { value: num(90), fiscalYear: 2020, label: '' },
      target: { value: num(80), fiscalYear: 2025 },
      actuals: {},
      source: '',
    };
    const propose = vi.fn((): ProposeResult => 'ok');
    const scope = { forCell: () => [], nameOf, selfId: 'u-staff', mayPropose: true, propose, withdraw: vi.fn() };
    renderJa(<FigureSuggestion kpi={kpi} field="unit" where="成果指標① 空き店舗数の単位" suggesting={scope} />);
    fireEvent.click(screen.getByTestId('figure-suggest'));
    expect((screen.getByTestId('cell-suggest-input') as HTMLInputElement).value).toBe('店舗');
    fireEvent.change(screen.getByTestId('cell-suggest-input'), { target: { value: '件' } });
    fireEvent.click(screen.getByTestId('cell-suggest-submit'));
    expect(propose).toHaveBeenCalledWith({ kind: 'kpiText', id: 'k', field: 'unit' }, '件', expect.any(Function));
  });
});
