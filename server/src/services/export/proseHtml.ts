import { type FormatProposal, type ProseNode, type TextSuggestion, formatProposals, markerLines, proposedFormats, textSuggestion } from '@sakutei/shared';
import { escapeHtml } from './htmlKit';
import { type ProposalKinds, formatLabel, formatNote, structureLabel, structureTitle } from './suggestionLabels';
import { colourClass } from './suggestionPalette';
import { gridWidths, headingLevel, isInlineNode, tableGrid } from './proseTree';

/**
 * Plan prose as printable HTML. Headings keep their level below the page's own <h1>
 * (a level-1 heading becomes <h2>), tables keep their spans and the column widths the
 * editor recorded (as percentages, so they fit the printed page). With `markup`, pending
 * suggestions print as 見え消し: proposed text underlined, text proposed for removal struck
 * through, each in its author's colour (the legend above the prose names them); a proposed
 * new paragraph as ¶ and a proposed line break as ↵ (each followed by the break it proposes),
 * a proposed join or retyping as a labelled mark at the block's start, and proposed formatting
 * as the text would read with it, underlined with dots and noted after it (「太字」).
 */

/**
 * How suggestions print: each author's place in the legend (their colour) by user id, and
 * their names for the hover title; `kinds`, the proposals beyond wording the legend explains.
 * Without it the prose is expected clean.
 */
export type SuggestionMarkup = { authors: ReadonlyArray<{ id: string; name: string }>; kinds?: ProposalKinds };

type Markup = SuggestionMarkup | null;

const pad = (n: number) => String(n).padStart(2, '0');
/** The time of a suggestion in the title: 2025-12-06 14:05 (UTC, as the server has no reader's zone). */
const shortTime = (at: number) => {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '日時不明';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
};

const titleOf = (markup: SuggestionMarkup, by: { author: string; at: number }, what: string) =>
  `${markup.authors.find((a) => a.id === by.author)?.name ?? ''}・${what}・${shortTime(by.at)}`;

function suggested(html: string, node: ProseNode, markup: Markup): string {
  const suggestion = markup ? textSuggestion(node.marks) : null;
  if (!markup || !suggestion) return html;
  const tag = suggestion.kind === 'insert' ? 'ins' : 'del';
  const title = titleOf(markup, suggestion, suggestion.kind === 'insert' ? '追加の提案' : '削除の提案');
  return `<${tag} class="sg sg-${colourClass(markup.authors, suggestion.author)}" title="${escapeHtml(title)}">${html}</${tag}>`;
}

/** A block proposal's mark: ¶ or ↵ (the caller sets the break), or the labelled join or retyping. */
function structureMark(suggestion: TextSuggestion, markup: SuggestionMarkup): string {
  const structure = suggestion.structure!;
  const breaks = structure.op === 'split' || structure.op === 'line';
  const title = escapeHtml(titleOf(markup, suggestion, structureTitle(structure)));
  return `<ins class="sg sg-${colourClass(markup.authors, suggestion.author)} ${breaks ? 'sg-break' : 'sg-pill'}" title="${title}">${escapeHtml(structureLabel(structure))}</ins>`;
}

/** Text as printed: a stray marker character (never a suggestion's, those are read above) as a line break or nothing. */
const textHtml = (text: string) => markerLines(text).map((line) => escapeHtml(line)).join('<br>');

const FORMAT_TAGS: ReadonlyArray<[string, string]> = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strike', 's'],
  ['code', 'code'],
];

function leafHtml(node: ProseNode, markup: Markup, proposals: readonly FormatProposal[]): string {
  if (node.type === 'hardBreak') return suggested('<br>', node, markup);
  const suggestion = markup ? textSuggestion(node.marks) : null;
  // A line break proposed, or a join or retyping, once per marker character (a new paragraph is cut by inlineParts).
  if (markup && suggestion?.structure) return (structureMark(suggestion, markup) + (suggestion.structure.op === 'split' || suggestion.structure.op === 'line' ? '<br>' : '')).repeat([...(node.text ?? '')].length);
  // Proposed formatting is shown as the text would read with it (Word shows a tracked format change the same way).
  const real = new Set((node.marks ?? []).map((mark) => mark.type));
  const shown = proposals.length > 0 ? proposedFormats(real, proposals) : real;
  let html = textHtml(node.text ?? '');
  for (const [mark, tag] of FORMAT_TAGS) if (shown.has(mark)) html = `<${tag}>${html}</${tag}>`;
  return suggested(html, node, markup);
}

const proposalsKey = (proposals: readonly FormatProposal[]) => proposals.map((p) => `${p.id}|${p.mark}|${p.action}`).join(',');

/** Text under formatting proposals: dotted underline in the (first) proposer's colour, and a note of what they propose after it. */
function formatted(html: string, proposals: readonly FormatProposal[], markup: SuggestionMarkup): string {
  const colour = `sg-${colourClass(markup.authors, proposals[0]!.author)}`;
  const title = proposals.map((p) => titleOf(markup, p, `${formatLabel(p)}提案`)).join(' ／ ');
  return `<span class="sg ${colour} sg-format" title="${escapeHtml(title)}">${html}</span><sup class="sg ${colour} sg-note">${escapeHtml(formatNote(proposals))}</sup>`;
}

/** The inline nodes of a block in reading order: text and hard breaks, the content of other inline nodes (a mention) flattened. */
function leaves(nodes: readonly ProseNode[] | undefined, out: ProseNode[] = []): ProseNode[] {
  for (const node of nodes ?? []) {
    if (node.type === 'text' || node.type === 'hardBreak') out.push(node);
    else leaves(node.content, out);
  }
  return out;
}

/**
 * A block's inline content as printed, cut where a new paragraph is proposed: each part ends
 * with its ¶ mark, and the caller sets the parts as paragraphs of their own, as they would
 * be once accepted (the part after a heading's ¶ as body text).
 */
function inlineParts(nodes: readonly ProseNode[] | undefined, markup: Markup): string[] {
  const pieces = leaves(nodes).map((node) => {
    const suggestion = markup ? textSuggestion(node.marks) : null;
    const splits = suggestion?.structure?.op === 'split' ? [...(node.text ?? '')].length : 0;
    const proposals = markup && !splits ? formatProposals(node.marks) : [];
    return { node, suggestion, splits, proposals, key: proposalsKey(proposals) };
  });
  const parts: string[] = [''];
  for (let k = 0; k < pieces.length; ) {
    const { key, proposals, splits, suggestion } = pieces[k]!;
    if (splits > 0 && suggestion && markup) {
      for (let n = 0; n < splits; n++) {
        parts[parts.length - 1] += structureMark(suggestion, markup);
        parts.push('');
      }
      k++;
      continue;
    }
    // Neighbouring text under the same formatting proposals is one span with one note.
    let inner = '';
    while (k < pieces.length && pieces[k]!.key === key && pieces[k]!.splits === 0) inner += leafHtml(pieces[k++]!.node, markup, proposals);
    parts[parts.length - 1] += markup && proposals.length > 0 ? formatted(inner, proposals, markup) : inner;
  }
  return parts;
}

/** The inline content in one run of text (a code block's): a proposed new paragraph as ¶ and a line break. */
const inline = (nodes: readonly ProseNode[] | undefined, markup: Markup) => inlineParts(nodes, markup).join('<br>');

/** A text block's parts as paragraphs: the first in `tag` (a heading's), those split off it as body text. */
function textblockHtml(nodes: readonly ProseNode[] | undefined, markup: Markup, tag: string): string {
  return inlineParts(nodes, markup)
    .map((part, index) => (index === 0 ? `<${tag}>${part}</${tag}>` : `<p>${part}</p>`))
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
          return textblockHtml(node.content, markup, tag);
        }
        case 'paragraph':
          return textblockHtml(node.content, markup, 'p');
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
          return `<pre>${markup ? inline(node.content, markup) : textHtml((node.content ?? []).map((n) => n.text ?? '').join(''))}</pre>`;
        case 'horizontalRule':
          return '<hr>';
        case 'table':
          return table(node, markup);
        default: {
          const content = node.content ?? [];
          return content.some(isInlineNode) ? textblockHtml(content, markup, 'p') : blocks(content, markup);
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
  const structure = suggestions.kinds?.structure
    ? '<ins class="sg sg-x sg-break">¶</ins>は段落を分ける提案、<ins class="sg sg-x sg-break">↵</ins>は改行の提案、<ins class="sg sg-x sg-pill">↰ 前の段落と結合</ins>は前の段落と一つにする提案、<ins class="sg sg-x sg-pill">→ 見出し2</ins>は段落の種類を変える提案です。'
    : '';
  const format = suggestions.kinds?.format
    ? '<span class="sg sg-x sg-format">点線の下線</span>と小さな注記（<sup class="sg sg-x sg-note">太字</sup>など）は書式の提案です。'
    : '';
  return `<p class="sg-legend">見え消し（未決定の提案）：<del class="sg sg-x">取消線</del>は削除の提案、<ins class="sg sg-x">下線</ins>は追加の提案です。${structure}${format}提案者：${people}</p>`;
}
