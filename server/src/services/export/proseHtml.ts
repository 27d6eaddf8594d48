import { type ProseNode, textSuggestion } from '@sakutei/shared';
import { escapeHtml } from './htmlKit';
import { colourClass } from './suggestionPalette';
import { gridWidths, headingLevel, isInlineNode, tableGrid } from './proseTree';

/**
 * Plan prose as printable HTML. Headings keep their level below the page's own <h1>
 * (a level-1 heading becomes <h2>), tables keep their spans and the column widths the
 * editor recorded (as percentages, so they fit the printed page). With `markup`, pending
 * suggestions print as 見え消し: proposed text underlined, text proposed for removal struck
 * through, each in its author's colour (the legend above the prose names them).
 */

/**
 * How suggestions print: each author's place in the legend (their colour) by user id, and
 * their names for the hover title. Without it the prose is expected clean.
 */
export type SuggestionMarkup = { authors: ReadonlyArray<{ id: string; name: string }> };

type Markup = SuggestionMarkup | null;

const pad = (n: number) => String(n).padStart(2, '0');
/** The time of a suggestion in the title: 2025-12-06 14:05 (UTC, as the server has no reader's zone). */
const shortTime = (at: number) => {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '日時不明';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
};

function suggested(html: string, node: ProseNode, markup: Markup): string {
  const suggestion = markup ? textSuggestion(node.marks) : null;
  if (!markup || !suggestion) return html;
  const name = markup.authors.find((a) => a.id === suggestion.author)?.name ?? '';
  const tag = suggestion.kind === 'insert' ? 'ins' : 'del';
  const title = `${name}・${suggestion.kind === 'insert' ? '追加の提案' : '削除の提案'}・${shortTime(suggestion.at)}`;
  return `<${tag} class="sg sg-${colourClass(markup.authors, suggestion.author)}" title="${escapeHtml(title)}">${html}</${tag}>`;
}

function inline(nodes: readonly ProseNode[] | undefined, markup: Markup): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return suggested('<br>', node, markup);
      if (node.type !== 'text') return inline(node.content, markup);
      let html = escapeHtml(node.text ?? '');
      for (const mark of node.marks ?? []) {
        const tag = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' }[mark.type];
        if (tag) html = `<${tag}>${html}</${tag}>`;
      }
      return suggested(html, node, markup);
    })
    .join('');
}

function table(node: ProseNode, markup: Markup): string {
  const grid = tableGrid(node);
  if (grid.columns === 0) return '';
  const hasWidths = grid.widths.some((w) => w !== null);
  const colgroup = hasWidths ? `<colgroup>${gridWidths(grid, 1000).map((w) => `<col style="width:${(w / 10).toFixed(1)}%">`).join('')}</colgroup>` : '';
  const rows = grid.rows.map((row) => {
    const cells = row.map((cell) => {
      const tag = cell.header ? 'th' : 'td';
      const spans = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
      return `<${tag}${spans}${cell.header ? ' scope="col"' : ''}>${blocks(cell.node.content ?? [], markup)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  // A leading row of header cells is the table's head, repeated on each printed page.
  const headRows = grid.rows[0]?.length && grid.rows[0].every((cell) => cell.header) ? 1 : 0;
  const head = headRows ? `<thead>${rows[0]}</thead>` : '';
  return `<table class="prose-table">${colgroup}${head}<tbody>${rows.slice(headRows).join('')}</tbody></table>`;
}

function blocks(nodes: readonly ProseNode[], markup: Markup): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'heading': {
          const tag = `h${Math.min(6, headingLevel(node) + 1)}`;
          return `<${tag}>${inline(node.content, markup)}</${tag}>`;
        }
        case 'paragraph':
          return `<p>${inline(node.content, markup)}</p>`;
        case 'bulletList':
          return `<ul>${blocks(node.content ?? [], markup)}</ul>`;
        case 'orderedList': {
          const start = node.attrs?.['start'];
          return `<ol${typeof start === 'number' && start !== 1 ? ` start="${start}"` : ''}>${blocks(node.content ?? [], markup)}</ol>`;
        }
        case 'listItem':
          return `<li>${blocks(node.content ?? [], markup)}</li>`;
        case 'blockquote':
          return `<blockquote>${blocks(node.content ?? [], markup)}</blockquote>`;
        case 'codeBlock':
          // With suggestions shown, its text carries them like any paragraph's.
          return `<pre>${markup ? inline(node.content, markup) : escapeHtml((node.content ?? []).map((n) => n.text ?? '').join(''))}</pre>`;
        case 'horizontalRule':
          return '<hr>';
        case 'table':
          return table(node, markup);
        default: {
          const content = node.content ?? [];
          return content.some(isInlineNode) ? `<p>${inline(content, markup)}</p>` : blocks(content, markup);
        }
      }
    })
    .join('');
}

/** The prose as HTML; with `suggestions`, its pending suggestions as 見え消し (else give the clean prose). */
export function proseToHtml(doc: ProseNode, suggestions: SuggestionMarkup | null = null): string {
  return blocks(doc.type === 'doc' ? (doc.content ?? []) : [doc], suggestions);
}

/** Above prose printed with its suggestions: what the marks mean, and whose colour is whose. */
export function suggestionLegendHtml(suggestions: SuggestionMarkup): string {
  const people = suggestions.authors.map((a) => `<span class="sg-${colourClass(suggestions.authors, a.id)}">■ ${escapeHtml(a.name)}</span>`).join('');
  return `<p class="sg-legend">見え消し（未決定の提案）：<del class="sg sg-x">取消線</del>は削除の提案、<ins class="sg sg-x">下線</ins>は追加の提案です。提案者：${people}</p>`;
}
