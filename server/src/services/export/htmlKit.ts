import { type DiffSegment, markerFree, xmlSafeText } from '@sakutei/shared';
import { type BodyCell, type DocTable, cellSpan, cellText, fitWidths, isWide } from './docTable';
import { formatNote, structureLabel } from './suggestionLabels';
import { type SuggestionAuthors, colourClass, paletteCss } from './suggestionPalette';

/**
 * The print side of the exports: an A4 page whose running header carries the plan's name
 * and the page number (CSS page-margin boxes), wide tables on landscape pages of their own
 * (a named `@page`), grouped table headers in <thead> repeated on every page, and columns
 * sized by <colgroup> as in the Word file.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** For a string inside a CSS `content: "…"`. */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;
}

function printCss(header: string, landscapeDefault: boolean): string {
  const margin = `@top-left{content:${cssString(header)};font-size:8pt;color:#444}@top-right{content:counter(page) " / " counter(pages) " ページ";font-size:8pt;color:#444}`;
  return `
@page{size:A4 ${landscapeDefault ? 'landscape' : 'portrait'};margin:18mm 15mm;${margin}}
@page wide{size:A4 landscape;margin:18mm 15mm;${margin}}
body{font-family:"Yu Mincho","Hiragino Mincho ProN","Noto Serif CJK JP","Noto Serif JP",serif;margin:2em;line-height:1.7;color:#111;font-feature-settings:"palt" 0}
h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.4em 0 .5em}h3{font-size:1.1em}h4,h5,h6{font-size:1em}
table{border-collapse:collapse;width:100%;margin:1em 0;table-layout:fixed;font-size:10pt;line-height:1.5}
th,td{border:1px solid #666;padding:.3em .5em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th{background:#eee;text-align:center;vertical-align:middle}thead{display:table-header-group}tr{break-inside:avoid}
tbody th{font-weight:bold;background:#fafafa}td>p,th>p{margin:0}td>p+p,th>p+p{margin-top:.3em}.prose-table{font-size:10.5pt}
.meta{color:#444;font-size:.9em;word-break:break-all}.muted{color:#555;font-size:.9em}
.running-head{display:flex;justify-content:space-between;font-size:.8em;color:#444;border-bottom:1px solid #999;margin-bottom:1em}
del{color:#b42318;text-decoration:line-through}ins{text-decoration:underline;font-weight:bold}
ins.sg,del.sg{font-weight:inherit;text-decoration-thickness:2px}ins.sg{text-decoration:underline 2px}del.sg{text-decoration:line-through 2px}
ins.sg-pill{text-decoration:none;border:1px solid currentColor;border-radius:.7em;padding:0 .35em;margin-right:.2em;font-size:.85em;white-space:nowrap}ins.sg-break{text-decoration:none;font-weight:bold}
.sg-format{text-decoration:underline dotted 2px}.sg-note{font-size:.7em;margin-left:.1em}
${paletteCss()}
.sg-legend{font-size:.9em;border:1px solid #999;padding:.4em .7em;margin:.5em 0 1em}.sg-legend span+span{margin-left:1em}
section.wide{page:wide}
@media screen{section.wide{overflow-x:auto}}
@media print{body{margin:0}.running-head{display:none}section.wide{break-before:page}}`;
}

export type HtmlSection = { html: string; landscape: boolean };

/**
 * A whole page. With `landscape`, every page is landscape (the 新旧対照表); otherwise only
 * the sections marked wide turn.
 */
export function htmlPage(options: { planTitle: string; docTitle: string; landscape: boolean; sections: readonly HtmlSection[] }): string {
  const header = `${options.planTitle}　${options.docTitle}`;
  const body = options.sections.map((section) => (section.landscape && !options.landscape ? `<section class="wide">${section.html}</section>` : `<section>${section.html}</section>`)).join('');
  // The one place every print page passes: controls XML forbids are dropped here as in the
  // Word file (a browser shows them as boxes, and a saved page would not reopen as XHTML).
  return xmlSafeText(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(header)}</title><style>${printCss(header, options.landscape)}</style></head><body><div class="running-head" aria-hidden="true"><span>${escapeHtml(header)}</span></div>${body}</body></html>`);
}

/**
 * Marked text: the comparison's deletions and insertions, and, inside a 新旧対照表 asked for
 * them, pending suggestions in their author's colour (`authors`, the legend's order): a
 * proposed block change by its label (¶ and ↵ with their break, ↰ 前の段落と結合, → 見出し2),
 * proposed formatting underlined with dots and noted after the text.
 */
export function segmentsHtml(segments: readonly DiffSegment[], authors: SuggestionAuthors = []): string {
  const text = (value: string) => escapeHtml(markerFree(value)).replace(/\n/g, '<br>');
  return segments
    .map((s) => {
      const colour = (author: string) => `sg-${colourClass(authors, author)}`;
      const structure = s.suggestion?.structure;
      if (structure && s.suggestion) {
        const breaks = structure.op === 'split' || structure.op === 'line';
        const one = `<ins class="sg ${colour(s.suggestion.author)} ${breaks ? 'sg-break' : 'sg-pill'}">${escapeHtml(structureLabel(structure))}</ins>${breaks ? '<br>' : ''}`;
        return one.repeat([...s.text].length);
      }
      let html = s.kind === 'insert' && !s.suggestion ? `<ins>${text(s.text)}</ins>` : s.kind === 'delete' ? `<del>${text(s.text)}</del>` : text(s.text);
      if (s.formats?.length) {
        const c = colour(s.formats[0]!.author);
        html = `<span class="sg ${c} sg-format">${html}</span><sup class="sg ${c} sg-note">${escapeHtml(formatNote(s.formats))}</sup>`;
      }
      if (!s.suggestion) return html;
      const tag = s.suggestion.kind === 'insert' ? 'ins' : 'del';
      return `<${tag} class="sg ${colour(s.suggestion.author)}">${s.kind === 'insert' && s.suggestion.kind === 'delete' ? `<ins>${html}</ins>` : html}</${tag}>`;
    })
    .join('');
}

function cellHtml(cell: BodyCell, tag: 'th' | 'td', scope?: string, authors: SuggestionAuthors = []): string {
  const { colSpan, rowSpan } = cellSpan(cell);
  const object = typeof cell === 'string' ? null : cell;
  const attrs = `${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}${scope ? ` scope="${scope}"` : ''}${object?.muted ? ' class="muted"' : ''}`;
  const content = object?.segments ? segmentsHtml(object.segments, authors) : escapeHtml(cellText(cell)).replace(/\n/g, '<br>');
  const cellTag = object?.header ? 'th' : tag;
  return `<${cellTag}${attrs}${object?.header && !scope ? ' scope="rowgroup"' : ''}>${content}</${cellTag}>`;
}

/**
 * Half-width characters of 10 pt text across the printed table (A4 less 15 mm margins):
 * about 150 on a landscape page, 100 on a portrait one.
 */
const PRINT_CHARACTERS = { landscape: 140, portrait: 94 } as const;

/** A table with its grouped header, columns sized as in the Word file (a header word is not broken). */
export function htmlTable(table: DocTable, caption?: string, landscape = isWide(table), authors: SuggestionAuthors = []): string {
  const widths = fitWidths(table, 1000, 1000 / PRINT_CHARACTERS[landscape ? 'landscape' : 'portrait']);
  const colgroup = `<colgroup>${widths.map((w) => `<col style="width:${(w / 10).toFixed(1)}%">`).join('')}</colgroup>`;
  const head = table.head.map((row) => `<tr>${row.map((cell) => cellHtml(cell, 'th', (cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col')).join('')}</tr>`).join('');
  const body = table.body.map((row) => `<tr>${row.map((cell) => cellHtml(cell, 'td', undefined, authors)).join('')}</tr>`).join('');
  return `<table>${caption ? `<caption class="muted">${escapeHtml(caption)}</caption>` : ''}${colgroup}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

export { isWide };
