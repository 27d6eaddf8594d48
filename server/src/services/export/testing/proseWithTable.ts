import type { ProseNode } from '@sakutei/shared';
// A copy of shared/src/revisions/fixtures/proseWithTable.ts: the server project cannot import test fixtures across packages.

/**
 * Plan prose by hand, as TipTap stores it once tables (@tiptap/extension-table) and heading
 * levels 1–4 are in the schema: a chapter, a section, a sub-section, and a table with a
 * header row, a cell spanning two columns, one spanning two rows, and column widths.
 */

const text = (value: string, marks?: ProseNode['marks']): ProseNode => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: ProseNode[]): ProseNode => ({ type: 'paragraph', content });
const heading = (level: number, value: string): ProseNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const cell = (type: 'tableCell' | 'tableHeader', value: string, attrs: Record<string, unknown> = {}): ProseNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs },
  content: [paragraph(text(value))],
});

export function proseWithTable(variant: 'old' | 'new' = 'old'): ProseNode {
  const target = variant === 'old' ? '480件' : '520件';
  return {
    type: 'doc',
    content: [
      heading(1, '第3章 施策の展開'),
      heading(2, '1 経営の革新'),
      heading(3, '(1) 経営相談'),
      heading(4, '① 相談窓口'),
      paragraph(text('商工会議所と連携し、'), text('経営相談', [{ type: 'bold' }]), text('の充実を図ります。')),
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              cell('tableHeader', '指標', { colwidth: [160] }),
              cell('tableHeader', '基準値', { colwidth: [90] }),
              cell('tableHeader', '目標値', { colwidth: [90] }),
            ],
          },
          { type: 'tableRow', content: [cell('tableCell', '相談件数', { rowspan: 2 }), cell('tableCell', '400件'), cell('tableCell', target)] },
          { type: 'tableRow', content: [cell('tableCell', '（令和元年度）'), cell('tableCell', '（令和7年度）')] },
          { type: 'tableRow', content: [cell('tableCell', '出典：市産業雇用政策課調べ', { colspan: 3 })] },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('窓口の一本化'))] }] },
    ],
  };
}
