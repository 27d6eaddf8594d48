import { describe, expect, it } from 'vitest';
import { proseView } from '../editor/suggestions/views';
import type { ProseNode } from './canonical';
import { diffProse, inlineSegments } from './proseDiff';
import { overlaidAuthorIds, overlaySuggestions } from './suggestionOverlay';

const mark = (type: string, id: string, author: string) => ({ type, attrs: { id, author, at: 1 } });
const ins = (text: string, id = 's1', author = 'u1') => ({ type: 'text', text, marks: [mark('suggestionInsert', id, author)] });
const del = (text: string, id = 's1', author = 'u1') => ({ type: 'text', text, marks: [mark('suggestionDelete', id, author)] });
const t = (text: string) => ({ type: 'text', text });
const p = (...content: ProseNode[]): ProseNode => ({ type: 'paragraph', content });
const doc = (...content: ProseNode[]): ProseNode => ({ type: 'doc', content });

/** The 新旧対照表 of `older` and `newer` as the server builds it: clean sides, then the newer side's suggestions laid over. */
const table = (older: ProseNode, newer: ProseNode) => overlaySuggestions(diffProse(proseView(older, 'clean'), proseView(newer, 'clean')), newer);

describe('overlaySuggestions', () => {
  it('shows a pending replacement in an unchanged block, and makes the row a change', () => {
    const rows = table(doc(p(t('支援を拡充する。'))), doc(p(t('支援を'), del('拡充'), ins('強化'), t('する。'))));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('changed');
    expect(rows[0]!.new!.segments).toEqual([
      { kind: 'equal', text: '支援を' },
      { kind: 'equal', text: '拡充', suggestion: { kind: 'delete', id: 's1', author: 'u1', at: 1 } },
      { kind: 'insert', text: '強化', suggestion: { kind: 'insert', id: 's1', author: 'u1', at: 1 } },
      { kind: 'equal', text: 'する。' },
    ]);
    // The older side is the table's as it was.
    expect(rows[0]!.old!.segments).toEqual([{ kind: 'equal', text: '支援を拡充する。' }]);
  });

  it('keeps the comparison of the clean texts and lays suggestions over it', () => {
    // Between the sides 「令和7年度」 became 「令和8年度」; on top, 「新たに」 is proposed.
    const rows = table(doc(p(t('令和7年度に実施する。'))), doc(p(t('令和8年度に'), ins('新たに', 's2', 'u2'), t('実施する。'))));
    expect(rows[0]!.new!.segments.map((s) => [s.kind, s.text, s.suggestion?.id ?? null])).toEqual([
      ['equal', '令和', null],
      ['insert', '8', null],
      ['equal', '年度に', null],
      ['insert', '新たに', 's2'],
      ['equal', '実施する。', null],
    ]);
    expect(overlaidAuthorIds(rows)).toEqual(['u2']);
    // The inline view carries the suggestion too.
    expect(inlineSegments(rows[0]!).find((s) => s.suggestion)?.text).toBe('新たに');
  });

  it('shows a block of proposed text only as an added row in its place, and a proposed line break', () => {
    const rows = table(doc(p(t('第一の段落')), p(t('第三の段落'))), doc(p(t('第一の'), { type: 'hardBreak', marks: [mark('suggestionInsert', 's4', 'u1')] }, t('段落')), p(ins('二', 's3')), p(t('第三の段落'))));
    expect(rows.map((r) => [r.kind, r.new?.text])).toEqual([
      ['changed', '第一の段落'],
      ['added', '二'],
      ['same', '第三の段落'],
    ]);
    expect(rows[0]!.new!.segments.map((s) => [s.text, s.suggestion?.id ?? null])).toEqual([
      ['第一の', null],
      ['\n', 's4'],
      ['段落', null],
    ]);
    expect(rows[1]!.new!.segments).toEqual([{ kind: 'insert', text: '二', suggestion: { kind: 'insert', id: 's3', author: 'u1', at: 1 } }]);
  });

  it('reads text outside the Basic Multilingual Plane and tables as flattenProse cuts them', () => {
    const cell = (...content: ProseNode[]) => ({ type: 'tableCell', content: [p(...content)] });
    const older = doc({ type: 'table', content: [{ type: 'tableRow', content: [cell(t('𠮷野家')), cell(t('A'))] }] });
    const newer = doc({ type: 'table', content: [{ type: 'tableRow', content: [cell(t('𠮷野'), del('家')), cell(t('A'), ins('B'))] }] });
    const rows = table(older, newer);
    expect(rows[0]!.new!.segments.map((s) => [s.text, s.suggestion?.kind ?? null])).toEqual([
      ['𠮷野', null],
      ['家', 'delete'],
      [' ｜ A', null],
      ['B', 'insert'],
    ]);
  });

  it('returns the rows unchanged when there is nothing to show', () => {
    const plain = doc(p(t('同じ')));
    const rows = diffProse(plain, plain);
    expect(overlaySuggestions(rows, plain)).toEqual(rows);
  });
});
