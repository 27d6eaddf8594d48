import { type ProseNode, textSuggestion } from '@sakutei/shared';
import {
  BorderStyle,
  DeletedTextRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { FONT } from './docxKit';
import { gridWidths, headingLevel, isInlineNode, tableGrid } from './proseTree';

/**
 * Plan prose as Word paragraphs: headings at their level (1–6), lists with their markers,
 * quotes indented, tables as Word tables with their spans and the column widths the editor
 * recorded. Bold, italic, underline and strike are kept. With `tracked`, pending suggestions
 * are Word's own tracked changes (変更履歴): proposed text in `w:ins`, text proposed for removal
 * in `w:del`, each with its author's name and time, so Word can accept or reject them.
 */

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const HEADING_SIZES = [30, 26, 24, 22, 21, 21];
/** One level of list or quote indent, in twips (about two characters). */
const INDENT = 420;

/**
 * How suggestions become tracked changes: the authors' display names by user id, and the
 * next `w:id` (Word wants each change's id unique in the document).
 */
export type TrackedChanges = { authors: Readonly<Record<string, string>>; nextId: number };

/** Who a change is by when the account is gone: Word needs a name, and a user id means nothing to a reader. */
export const UNKNOWN_AUTHOR = '（不明な利用者）';

type Context = { width: number; indent: number; tracked: TrackedChanges | null };
type Run = TextRun | InsertedTextRun | DeletedTextRun;

/** An ISO time as `w:date` takes it (xsd:dateTime), to the second. */
const wordDate = (at: number) => {
  const date = new Date(at);
  // Word requires a date on a change. An editor's client may write any number (its marks are
  // not checked as a suggester's are): one no date can print is given as the epoch, not a 500.
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

function runs(nodes: readonly ProseNode[] | undefined, tracked: TrackedChanges | null, extra: { bold?: boolean; size?: number; font?: string } = {}): Run[] {
  const out: Run[] = [];
  for (const node of nodes ?? []) {
    if (node.type !== 'hardBreak' && node.type !== 'text') {
      out.push(...runs(node.content, tracked, extra));
      continue;
    }
    const marks = new Set((node.marks ?? []).map((mark) => mark.type));
    const options =
      node.type === 'hardBreak'
        ? { break: 1 }
        : {
            text: node.text ?? '',
            font: marks.has('code') ? 'Consolas' : (extra.font ?? FONT),
            bold: extra.bold || marks.has('bold') || undefined,
            italics: marks.has('italic') || undefined,
            underline: marks.has('underline') ? {} : undefined,
            strike: marks.has('strike') || undefined,
            size: extra.size,
          };
    const suggestion = tracked ? textSuggestion(node.marks) : null;
    if (!tracked || !suggestion) {
      out.push(new TextRun(options));
      continue;
    }
    const change = { id: tracked.nextId++, author: tracked.authors[suggestion.author] || UNKNOWN_AUTHOR, date: wordDate(suggestion.at) };
    out.push(suggestion.kind === 'insert' ? new InsertedTextRun({ ...options, ...change }) : new DeletedTextRun({ ...options, ...change }));
  }
  return out;
}

function paragraph(node: ProseNode, context: Context, prefix = ''): Paragraph {
  return new Paragraph({
    indent: context.indent > 0 ? { left: context.indent } : undefined,
    children: [...(prefix ? [new TextRun({ text: prefix, font: FONT })] : []), ...runs(node.content, context.tracked)],
  });
}

function list(node: ProseNode, context: Context): Array<Paragraph | Table> {
  const ordered = node.type === 'orderedList';
  const start = typeof node.attrs?.['start'] === 'number' ? (node.attrs['start'] as number) : 1;
  const out: Array<Paragraph | Table> = [];
  (node.content ?? []).forEach((item, index) => {
    const marker = ordered ? `${start + index}. ` : '・';
    const inner = { ...context, indent: context.indent + INDENT };
    let first = true;
    for (const child of item.content ?? []) {
      if (child.type === 'paragraph' && first) {
        // The marker hangs in the indent, so wrapped lines align with the text.
        out.push(
          new Paragraph({
            indent: { left: inner.indent, hanging: INDENT },
            children: [new TextRun({ text: marker, font: FONT }), ...runs(child.content, context.tracked)],
          }),
        );
        first = false;
      } else out.push(...blocks([child], inner));
    }
  });
  return out;
}

/** A header cell's text, bold, one paragraph per paragraph of the cell. */
function headerParagraphs(cell: ProseNode, tracked: TrackedChanges | null): Paragraph[] {
  return (cell.content ?? []).map((child) => new Paragraph({ children: runs(child.content, tracked, { bold: true }) }));
}

function table(node: ProseNode, context: Context): Table | null {
  const grid = tableGrid(node);
  if (grid.columns === 0 || grid.rows.length === 0) return null;
  const width = context.width - context.indent;
  const widths = gridWidths(grid, width);
  const taken: boolean[][] = [];
  const rows = grid.rows.map((row, r) => {
    let column = 0;
    const cells = row.map((cell) => {
      while (taken[r]?.[column]) column++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[column + dc] = true;
      const cellWidth = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
      column += cell.colSpan;
      const inner = cell.header ? headerParagraphs(cell.node, context.tracked) : blocks(cell.node.content ?? [], { width: cellWidth - 160, indent: 0, tracked: context.tracked });
      return new TableCell({
        width: { size: cellWidth, type: WidthType.DXA },
        columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
        rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        ...(cell.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}),
        children: inner.length > 0 ? inner : [new Paragraph({})],
      });
    });
    return new TableRow({ tableHeader: row.length > 0 && row.every((cell) => cell.header) && r === 0, children: cells });
  });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '666666' };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    indent: context.indent > 0 ? { size: context.indent, type: WidthType.DXA } : undefined,
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows,
  });
}

function blocks(nodes: readonly ProseNode[], context: Context): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const level = headingLevel(node);
        out.push(new Paragraph({ heading: HEADINGS[level - 1], children: runs(node.content, context.tracked, { bold: true, size: HEADING_SIZES[level - 1] }) }));
        break;
      }
      case 'paragraph':
        out.push(paragraph(node, context));
        break;
      case 'bulletList':
      case 'orderedList':
        out.push(...list(node, context));
        break;
      case 'blockquote':
        out.push(...blocks(node.content ?? [], { ...context, indent: context.indent + INDENT }));
        break;
      case 'codeBlock':
        // With suggestions shown, its text runs carry them like any paragraph's (as code, in Consolas).
        out.push(
          new Paragraph({
            indent: { left: context.indent + INDENT },
            children: context.tracked
              ? runs(node.content, context.tracked, { font: 'Consolas' })
              : [new TextRun({ text: (node.content ?? []).map((n) => n.text ?? '').join(''), font: 'Consolas' })],
          }),
        );
        break;
      case 'horizontalRule':
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }));
        break;
      case 'table': {
        const built = table(node, context);
        if (built) out.push(built, new Paragraph({}));
        break;
      }
      default: {
        const content = node.content ?? [];
        if (content.some(isInlineNode)) out.push(paragraph(node, context));
        else out.push(...blocks(content, context));
      }
    }
  }
  return out;
}

/**
 * The document's blocks as Word paragraphs and tables across `width` twips; with `tracked`,
 * its suggestion marks as tracked changes (without, they are not read: give the clean prose).
 */
export function proseToDocx(doc: ProseNode, width: number, tracked: TrackedChanges | null = null): Array<Paragraph | Table> {
  return blocks(doc.type === 'doc' ? (doc.content ?? []) : [doc], { width, indent: 0, tracked });
}
