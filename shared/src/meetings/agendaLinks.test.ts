import { describe, expect, it } from 'vitest';
import type { ProseNode } from '../revisions/canonical';
import { headingLinkText, proseOutline } from './agendaLinks';

const heading = (level: number, ...texts: string[]): ProseNode => ({ type: 'heading', attrs: { level }, content: texts.map((text) => ({ type: 'text', text })) });

describe('agenda links: the outline of a draft', () => {
  it('lists headings in order with their levels, their text joined across marks and spaces made one', () => {
    const prose: ProseNode = {
      type: 'doc',
      content: [
        heading(1, '第1章 ', '計画の', '概要'),
        { type: 'paragraph', content: [{ type: 'text', text: '本文' }] },
        heading(2, '  1  計画策定の\n趣旨 '),
        { type: 'blockquote', content: [heading(3, '引用の中の見出し')] },
      ],
    };
    expect(proseOutline(prose)).toEqual([
      { headingText: '第1章 計画の概要', level: 1 },
      { headingText: '1 計画策定の 趣旨', level: 2 },
      { headingText: '引用の中の見出し', level: 3 },
    ]);
  });

  it('keeps the first of equal headings, skips empty ones, and bounds odd levels and long text', () => {
    const prose: ProseNode = { type: 'doc', content: [heading(2, '同じ'), heading(3, '同じ'), heading(1, '   '), heading(9, 'あ'.repeat(500)), { type: 'heading' }] };
    expect(proseOutline(prose)).toEqual([
      { headingText: '同じ', level: 2 },
      { headingText: 'あ'.repeat(200), level: 1 },
    ]);
    expect(headingLinkText(' a\t\tb ')).toBe('a b');
  });

  it('stops at the limit and survives deep nesting without recursion', () => {
    let deep: ProseNode = heading(1, '深い見出し');
    for (let i = 0; i < 20_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(proseOutline({ type: 'doc', content: [deep] })).toEqual([{ headingText: '深い見出し', level: 1 }]);
    const many: ProseNode = { type: 'doc', content: Array.from({ length: 50 }, (_, i) => heading(2, `節${i}`)) };
    expect(proseOutline(many, 10)).toHaveLength(10);
  });
});
