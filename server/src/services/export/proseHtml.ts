import type { ProseNode } from '@sakutei/shared';
import { escapeHtml } from './htmlKit';
import { gridWidths, headingLevel, isInlineNode, tableGrid } from './proseTree';

/**
 * Plan prose as printable HTML. Headings keep their level below the page's own <h1>
 * (a level-1 heading becomes <h2>), tables keep their spans and the column widths the
 * editor recorded (as percentages, so they fit the printed page).
 */

function inline(nodes: readonly ProseNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>';
      if (node.type !== 'text') return inline(node.content);
      let html = escapeHtml(node.text ?? '');
      for (const mark of node.marks ?? []) {
        const tag = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' }[mark.type];
        if (tag) html = `<${tag}>${html}</${tag}>`;
      }
      return html;
    })
    .join('');
}

function table(node: ProseNode): string {
  const grid = tableGrid(node);
  if (grid.columns === 0) return '';
  const hasWidths = grid.widths.some((w) => w !== null);
  const colgroup = hasWidths ? `<colgroup>${gridWidths(grid, 1000).map((w) => `<col style="width:${(w / 10).toFixed(1)}%">`).join('')}</colgroup>` : '';
  const rows = grid.rows.map((row) => {
    const cells = row.map((cell) => {
      const tag = cell.header ? 'th' : 'td';
      const spans = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
      return `<${tag}${spans}${cell.header ? ' scope="col"' : ''}>${blocks(cell.node.content ?? [])}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  // A leading row of header cells is the table's head, repeated on each printed page.
  const headRows = grid.rows[0]?.length && grid.rows[0].every((cell) => cell.header) ? 1 : 0;
  const head = headRows ? `<thead>${rows[0]}</thead>` : '';
  return `<table class="prose-table">${colgroup}${head}<tbody>${rows.slice(headRows).join('')}</tbody></table>`;
}

function blocks(nodes: readonly ProseNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'heading': {
          const tag = `h${Math.min(6, headingLevel(node) + 1)}`;
          return `<${tag}>${inline(node.content)}</${tag}>`;
        }
        case 'paragraph':
          return `<p>${inline(node.content)}</p>`;
        case 'bulletList':
          return `<ul>${blocks(node.content ?? [])}</ul>`;
        case 'orderedList': {
          const start = node.attrs?.['start'];
          return `<ol${typeof start === 'number' && start !== 1 ? ` start="${start}"` : ''}>${blocks(node.content ?? [])}</ol>`;
        }
        case 'listItem':
          return `<li>${blocks(node.content ?? [])}</li>`;
        case 'blockquote':
          return `<blockquote>${blocks(node.content ?? [])}</blockquote>`;
        case 'codeBlock':
          return `<pre>${escapeHtml((node.content ?? []).map((n) => n.text ?? '').join(''))}</pre>`;
        case 'horizontalRule':
          return '<hr>';
        case 'table':
          return table(node);
        default: {
          const content = node.content ?? [];
          return content.some(isInlineNode) ? `<p>${inline(content)}</p>` : blocks(content);
        }
      }
    })
    .join('');
}

export function proseToHtml(doc: ProseNode): string {
  return blocks(doc.type === 'doc' ? (doc.content ?? []) : [doc]);
}
