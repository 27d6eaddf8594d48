import { listSuggestions, type SuggestionSummary } from '@sakutei/shared/editor';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { BulkDecide } from './BulkDecide';
import { SuggestionCard } from './SuggestionCard';
import { AT, aya, blockDoc, bolder, competingDoc, lone, mover, retyper, splitter, staff } from './testDoc';

const NAMES: Record<string, string> = { 'u-aya': '山田 彩', 'u-staff': '事務局 佐藤' };
const nameOf = (id: string) => NAMES[id] ?? null;
const list = listSuggestions(competingDoc());
const byId = (id: string) => list.find((item) => item.id === id)!;

function renderCard(item: SuggestionSummary, options: { mayDecide?: boolean; competitors?: string[] } = {}) {
  const onDecide = vi.fn();
  const onShow = vi.fn();
  renderJa(
    <SuggestionCard
      item={item}
      nameOf={nameOf}
      now={AT + 5 * 60_000}
      active={false}
      competitors={options.competitors ?? []}
      mayDecide={options.mayDecide ?? true}
      deciding={false}
      onShow={onShow}
      onDecide={onDecide}
    />,
  );
  return { onDecide, onShow, card: screen.getByTestId('suggestion-card') };
}

describe('SuggestionCard', () => {
  it('shows who, when, where and 「80 → 70」 as struck and added text', () => {
    const { card } = renderCard(byId(aya.id));
    expect(within(card).getByTestId('suggestion-author').textContent).toBe('山田 彩');
    expect(card.style.getPropertyValue('--suggestion-author')).toMatch(/^#[0-9a-f]{6}$/i);
    expect(within(card).getByRole('time').textContent).toBe('5 分前');
    expect(within(card).getByRole('time').getAttribute('title')).toBe('令和8年12月7日 09:00');
    expect(within(card).getByTestId('suggestion-section').textContent).toBe('第1章 目標');
    expect(within(card).getByTestId('suggestion-deleted').textContent).toBe('80');
    expect(within(card).getByTestId('suggestion-inserted').textContent).toBe('70');
  });

  it('labels its buttons with the author and the change, and decides on click', () => {
    const { onDecide, onShow } = renderCard(byId(aya.id));
    fireEvent.click(screen.getByRole('button', { name: '山田 彩さんの提案「80 → 70」を採用' }));
    expect(onDecide).toHaveBeenCalledWith(byId(aya.id), 'accept');
    fireEvent.click(screen.getByRole('button', { name: '山田 彩さんの提案「80 → 70」を不採用' }));
    expect(onDecide).toHaveBeenLastCalledWith(byId(aya.id), 'reject');
    fireEvent.click(screen.getByTestId('suggestion-change'));
    expect(onShow).toHaveBeenCalledWith(byId(aya.id));
  });

  it('says a pure deletion is one, and offers no decision to those who may not decide', () => {
    renderCard(byId(lone.id), { mayDecide: false });
    expect(screen.getByTestId('suggestion-deleted').textContent).toBe('概ね');
    expect(screen.queryByTestId('suggestion-inserted')).toBeNull();
    expect(screen.getByTestId('suggestion-change').textContent).toContain('削除');
    expect(screen.queryByTestId('suggestion-accept')).toBeNull();
    expect(screen.getByRole('button', { name: '山田 彩さんの提案「削除: 概ね」を本文で見る' })).toBeTruthy();
  });

  it('warns that accepting it rejects the competing suggestion, and ties the warning to the button', () => {
    renderCard(byId(staff.id), { competitors: ['山田 彩'] });
    const hint = screen.getByTestId('suggestion-conflict-hint');
    expect(hint.textContent).toBe('採用すると、競合する 山田 彩 の提案は不採用になります。');
    expect(screen.getByTestId('suggestion-accept').getAttribute('aria-describedby')).toBe(hint.id);
  });
});

describe('SuggestionCard for formats and blocks', () => {
  const blocks = listSuggestions(blockDoc());
  const of = (id: string) => blocks.find((item) => item.id === id)!;

  it('says a proposed format and the text it applies to, with nothing struck or added', () => {
    renderCard(of(bolder.id));
    expect(screen.getByTestId('suggestion-format').textContent).toBe('太字にする 70店舗');
    expect(screen.queryByTestId('suggestion-deleted')).toBeNull();
    expect(screen.queryByTestId('suggestion-inserted')).toBeNull();
    expect(screen.getByRole('button', { name: '山田 彩さんの提案「太字にする：70店舗」を採用' })).toBeTruthy();
  });

  it('says a new paragraph and its text, without the break read as text', () => {
    renderCard(of(splitter.id));
    expect(screen.getByTestId('suggestion-structure').textContent).toBe('段落を分ける');
    expect(screen.getByTestId('suggestion-inserted').textContent).toBe('空き店舗を減らす。');
    expect(screen.getByRole('button', { name: '山田 彩さんの提案「段落を分ける、追加: 空き店舗を減らす。」を不採用' })).toBeTruthy();
  });

  it('says a retyping alone', () => {
    renderCard(of(retyper.id));
    expect(screen.getAllByTestId('suggestion-structure').map((e) => e.textContent)).toEqual(['見出し3にする']);
    expect(screen.queryByTestId('suggestion-inserted')).toBeNull();
    expect(screen.getByTestId('suggestion-accept').getAttribute('aria-label')).toBe('山田 彩さんの提案「見出し3にする」を採用');
  });

  it('reads the same words struck in one place and proposed in another as a move', () => {
    renderCard(of(mover.id));
    expect(screen.getByTestId('suggestion-moved').textContent).toBe('（再掲）');
    expect(screen.getByTestId('suggestion-change').textContent).toContain('移動');
    expect(screen.queryByTestId('suggestion-structure')).toBeNull();
    expect(screen.getByTestId('suggestion-accept').getAttribute('aria-label')).toBe('事務局 佐藤さんの提案「移動: （再掲）」を採用');
  });
});

describe('BulkDecide', () => {
  it('counts what one author’s suggestions come to, warns of conflicts, and decides them after confirmation', () => {
    const onDecide = vi.fn();
    renderJa(<BulkDecide list={list} nameOf={nameOf} busy={false} onDecide={onDecide} />);
    const scope = screen.getByTestId('suggestions-bulk-scope') as HTMLSelectElement;
    expect([...scope.options].map((option) => option.text)).toEqual([
      'すべての提案（3 件）',
      '山田 彩さんの提案（2 件）',
      '事務局 佐藤さんの提案（1 件）',
      '節「第1章 目標」の提案（2 件）',
      '節「第2章 施策」の提案（1 件）',
    ]);
    fireEvent.change(scope, { target: { value: 'author:u-aya' } });
    fireEvent.click(screen.getByTestId('suggestions-bulk-accept'));
    const dialog = screen.getByTestId('suggestions-bulk-confirm');
    expect(within(dialog).getByRole('heading').textContent).toBe('提案 2 件を採用しますか');
    expect(within(dialog).getByTestId('suggestions-bulk-conflicts').textContent).toContain('1 件');
    fireEvent.click(within(dialog).getByTestId('suggestions-bulk-confirm-confirm'));
    expect(onDecide).toHaveBeenCalledWith('accept', [aya.id, lone.id]);
  });

  it('decides nothing when the confirmation is cancelled', () => {
    const onDecide = vi.fn();
    renderJa(<BulkDecide list={list} nameOf={nameOf} busy={false} onDecide={onDecide} />);
    fireEvent.click(screen.getByTestId('suggestions-bulk-reject'));
    expect(within(screen.getByTestId('suggestions-bulk-confirm')).getByRole('heading').textContent).toBe('提案 3 件を不採用にしますか');
    fireEvent.click(screen.getByTestId('suggestions-bulk-confirm-cancel'));
    expect(screen.queryByTestId('suggestions-bulk-confirm')).toBeNull();
    expect(onDecide).not.toHaveBeenCalled();
  });
});
