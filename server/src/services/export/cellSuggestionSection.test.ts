import type { FrozenCellSuggestion, PlanSnapshot } from '@sakutei/shared';
import { num } from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import { cellSuggestionAuthorIds, cellSuggestionTable } from './cellSuggestionSection';
import { isWide } from './docTable';
import { revisionDocx, revisionHtml } from './revisionDocument';
import { openOfficeStrict } from './testing/officeStrict';
import { fixtureRevision, fixtureSnapshot } from './testing/planFixture';

/*
 * A frozen revision's pending cell proposals in its print page and Word file: listed under
 * 表の変更提案 after the prose when suggestions are shown, and not at all in the clean view.
 */

const AT = Date.UTC(2026, 11, 6, 5, 0);
const proposals: FrozenCellSuggestion[] = [
  // k4 (中心市街地の空き店舗数, 目標 80 店舗): two competing proposals for one cell.
  { id: 'c-jiro', author: 'u-jiro', at: AT + 1, target: { kind: 'kpiFigure', id: 'k4', field: 'targetValue' }, value: num(75), was: num(80) },
  { id: 'b-hanako', author: 'u-hanako', at: AT, target: { kind: 'kpiFigure', id: 'k4', field: 'targetValue' }, value: num(70), was: num(80) },
  { id: 'a-gone', author: 'u-gone', at: AT, target: { kind: 'node', id: 'm21', field: 'title' }, value: '創業及び事業承継の支援', was: '創業及び事業の承継' },
  { id: 'd-hanako', author: 'u-hanako', at: AT, target: { kind: 'kpiText', id: 'k1', field: 'source' }, value: '商工会議所調べ', was: '' },
];
const snapshot = (): PlanSnapshot => ({ ...fixtureSnapshot('old'), cellSuggestions: proposals });
const cellAuthors = [
  { id: 'u-hanako', name: '佐藤 花子' },
  { id: 'u-jiro', name: '鈴木 次郎' },
];
const markup = { calendar: 'wareki' as const, suggestions: { view: 'markup' as const, authors: [], cellAuthors } };
const clean = { calendar: 'wareki' as const, suggestions: { view: 'clean' as const, authors: [], cellAuthors } };

const cellText = (cell: unknown) => (typeof cell === 'string' ? cell : '');

describe('表の変更提案', () => {
  it('lists each proposal in the table order with the cell, old → new, author and date', () => {
    const table = cellSuggestionTable(snapshot(), cellAuthors, 'wareki')!;
    expect(table.head[0]!.map((c) => c.text)).toEqual(['箇所', '項目', '提案時の値 → 提案', '提案者', '提案日']);
    const rows = table.body.map((row) => row.map(cellText));
    // Rows before KPIs; KPIs by number (k1 before k4); one cell's proposals together, oldest first.
    expect(rows.map((row) => row.slice(1, 4))).toEqual([
      // A long wording reads old and new on lines of their own.
      ['名称', '創業及び事業の承継\n→ 創業及び事業承継の支援', '（不明な利用者）'],
      ['出典', '（空欄） → 商工会議所調べ', '佐藤 花子'],
      ['目標値', '80 店舗 → 70 店舗', '佐藤 花子'],
      ['目標値', '80 店舗 → 75 店舗', '鈴木 次郎'],
    ]);
    expect(rows[0]![0]).toContain('創業及び事業の承継');
    expect(rows[2]![0]).toBe('成果指標④ 中心市街地の空き店舗数');
    expect(rows[2]![4]).toBe('令和8年12月6日');
    // Narrow enough to follow the prose on a portrait page.
    expect(isWide(table)).toBe(false);
    expect(cellSuggestionAuthorIds(snapshot())).toEqual(['u-gone', 'u-hanako', 'u-jiro']);
  });

  it('is no table when the snapshot holds no proposal', () => {
    expect(cellSuggestionTable(fixtureSnapshot('old'), cellAuthors, 'wareki')).toBeNull();
    expect(cellSuggestionTable({ ...fixtureSnapshot('old'), cellSuggestions: [] }, cellAuthors, 'wareki')).toBeNull();
  });

  it('follows the prose in the print view with suggestions, and is absent from the clean one', () => {
    const html = revisionHtml('計画', fixtureRevision(), snapshot(), markup);
    expect(html).toContain('<section><h2>表の変更提案</h2>');
    expect(html).toContain('80 店舗 → 70 店舗');
    expect(html).toContain('鈴木 次郎');
    // After the prose, before the plan's own tables.
    expect(html.indexOf('表の変更提案')).toBeLessThan(html.indexOf('成果指標一覧'));
    for (const other of [revisionHtml('計画', fixtureRevision(), snapshot(), clean), revisionHtml('計画', fixtureRevision(), snapshot(), { calendar: 'wareki' })]) {
      expect(other).not.toContain('表の変更提案');
      expect(other).not.toContain('→ 70 店舗');
    }
  });

  it('is in the Word file with suggestions, and not in the clean one', async () => {
    const xml = async (options: Parameters<typeof revisionDocx>[3]) =>
      openOfficeStrict(await revisionDocx('計画', fixtureRevision(), snapshot(), options)).get('word/document.xml')!;
    const marked = await xml(markup);
    expect(marked).toContain('表の変更提案');
    expect(marked).toContain('80 店舗 → 75 店舗');
    expect(marked).toContain('佐藤 花子');
    expect(marked.indexOf('表の変更提案')).toBeLessThan(marked.indexOf('成果指標一覧'));
    const plain = await xml(clean);
    expect(plain).not.toContain('表の変更提案');
    expect(plain).not.toContain('→ 75 店舗');
  });
});
