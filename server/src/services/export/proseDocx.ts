import { type ProseNode, type StructureProposal, formatProposals, markerLines, proposedFormats, textSuggestion } from '@sakutei/shared';
import {
  BorderStyle,
  BuilderElement,
  DeletedTextRun,
  HeadingLevel,
  Indent,
  InsertedTextRun,
  Paragraph,
  type ParagraphProperties,
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
 * in `w:del`, each with its author's name and time, so Word can accept or reject them; block
 * and formatting proposals too, as Word's own revisions of paragraph marks, paragraph
 * properties and run properties (see textblock).
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

/** Who made a tracked change and when, with its `w:id`. */
type Change = { id: number; author: string; date: string };

/**
 * Where the rendering stands: the paragraph written last (a proposed join marks its paragraph
 * mark as deleted, so Word joins the two on accepting), null after a table or rule, which
 * nothing joins onto.
 */
type Flow = { last: TrackedParagraph | null };

type Context = { width: number; indent: number; tracked: TrackedChanges | null; flow: Flow };
type Run = TextRun | InsertedTextRun | DeletedTextRun;

/** An ISO time as `w:date` takes it (xsd:dateTime), to the second. */
const wordDate = (at: number) => {
  const date = new Date(at);
  // Word requires a date on a change. An editor's client may write any number (its marks are
  // not checked as a suggester's are): one no date can print is given as the epoch, not a 500.
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

function changeOf(tracked: TrackedChanges, by: { author: string; at: number }): Change {
  return { id: tracked.nextId++, author: tracked.authors[by.author] || UNKNOWN_AUTHOR, date: wordDate(by.at) };
}

/** Another change by the same person at the same time (Word wants each its own id). */
const again = (tracked: TrackedChanges, change: Change): Change => ({ ...change, id: tracked.nextId++ });

const changeAttributes = (change: Change) => ({
  id: { key: 'w:id', value: change.id },
  author: { key: 'w:author', value: change.author },
  date: { key: 'w:date', value: change.date },
});

/**
 * A paragraph whose mark (¶) may be a tracked change: inserted (a proposed new paragraph ends
 * here), deleted (the next paragraph is proposed to be joined onto this one), and whose
 * properties may have changed (a block proposed to become a heading keeps its old properties
 * in `w:pPrChange`). The docx library writes run revisions but not these, so they are added
 * to the paragraph's own properties as it is written, in the order the schema wants: the
 * mark's `w:rPr` (ins, del) after the other properties, `w:pPrChange` last.
 */
class TrackedParagraph extends Paragraph {
  private inserted: Change | null = null;
  private deleted: Change | null = null;
  private previous: { options: BlockOptions; change: Change } | null = null;
  private written = false;

  markInserted(change: Change) {
    this.inserted = change;
  }

  markDeleted(change: Change) {
    this.deleted ??= change;
  }

  changedFrom(options: BlockOptions, change: Change) {
    this.previous = { options, change };
  }

  override prepForXml(context: Parameters<Paragraph['prepForXml']>[0]) {
    if (!this.written) {
      this.written = true;
      // The paragraph's properties are always the first child (docx: Paragraph's constructor).
      const properties = this.root[0] as ParagraphProperties;
      const mark = [
        ...(this.inserted ? [new BuilderElement({ name: 'w:ins', attributes: changeAttributes(this.inserted) })] : []),
        ...(this.deleted ? [new BuilderElement({ name: 'w:del', attributes: changeAttributes(this.deleted) })] : []),
      ];
      if (mark.length > 0) properties.push(new BuilderElement({ name: 'w:rPr', children: mark }));
      if (this.previous) {
        properties.push(new BuilderElement({ name: 'w:pPrChange', attributes: changeAttributes(this.previous.change), children: [basePropertiesOf(this.previous.options)] }));
      }
    }
    return super.prepForXml(context);
  }
}

/** The paragraph properties a block is written with (those a retyping or a split changes). */
type BlockOptions = { heading?: (typeof HEADINGS)[number]; indent?: { left: number; hanging?: number } };

/** `w:pPr` as `w:pPrChange` keeps it: the properties before the change, written even when there are none (the schema requires the element). */
function basePropertiesOf(options: BlockOptions) {
  return new BuilderElement({
    name: 'w:pPr',
    children: [
      ...(options.heading ? [new BuilderElement({ name: 'w:pStyle', attributes: { val: { key: 'w:val', value: options.heading } } })] : []),
      ...(options.indent ? [new Indent(options.indent)] : []),
    ],
  });
}

/** A block's type as the Word file writes it: a heading level, or body text (null). */
type BlockStyle = number | null;
type RunExtra = { bold?: boolean; size?: number; font?: string };

/**
 * How one text block is written: its paragraph properties and the run formatting for a type
 * (a heading's size and weight), the type it has, and the marker that opens it (a list's).
 */
type TextblockSpec = {
  style: BlockStyle;
  options: (style: BlockStyle) => BlockOptions;
  extra: (style: BlockStyle) => RunExtra;
  /** Whether a proposal to retype the block is shown (headings and paragraphs; not code or cells). */
  retypable: boolean;
  prefix?: string;
};

const headingExtra = (style: BlockStyle): RunExtra => (style === null ? {} : { bold: true, size: HEADING_SIZES[style - 1] });
const headingOptions = (indent: number) => (style: BlockStyle): BlockOptions => ({
  ...(style !== null ? { heading: HEADINGS[style - 1] } : {}),
  ...(indent > 0 ? { indent: { left: indent } } : {}),
});

function runOptions(formats: ReadonlySet<string>, extra: RunExtra) {
  return {
    font: formats.has('code') ? 'Consolas' : (extra.font ?? FONT),
    bold: extra.bold || formats.has('bold') || undefined,
    italics: formats.has('italic') || undefined,
    underline: formats.has('underline') ? {} : undefined,
    strike: formats.has('strike') || undefined,
    size: extra.size,
  };
}

const sameOptions = (a: ReturnType<typeof runOptions>, b: ReturnType<typeof runOptions>) => JSON.stringify(a) === JSON.stringify(b);

/** The inline nodes of a block in reading order: text and hard breaks, the content of other inline nodes (a mention) flattened. */
function inlineLeaves(nodes: readonly ProseNode[] | undefined, out: ProseNode[] = []): ProseNode[] {
  for (const node of nodes ?? []) {
    if (node.type === 'text' || node.type === 'hardBreak') out.push(node);
    else inlineLeaves(node.content, out);
  }
  return out;
}

/** The first proposal in the block to retype it, with the node that carries it. */
function retypeOf(leaves: readonly ProseNode[]): { proposal: StructureProposal; node: ProseNode } | null {
  for (const node of leaves) {
    const suggestion = textSuggestion(node.marks);
    if (suggestion?.structure?.op === 'type') return { proposal: suggestion.structure, node };
  }
  return null;
}

const styleOfProposal = (proposal: StructureProposal): BlockStyle =>
  proposal.block === 'heading' ? (proposal.level >= 1 && proposal.level <= 6 ? proposal.level : 2) : null;

/**
 * A text block as Word paragraphs. Without `tracked`, its runs as they read (a stray marker
 * character reads as a line break or nothing). With it, its suggestions as tracked changes:
 * proposed text in `w:ins`, text proposed for removal in `w:del`, a proposed line break as an
 * inserted `w:br`, a proposed new paragraph as a paragraph whose mark is inserted (Word's own
 * form of an added ¶, rejected by joining the two again), a proposed join as the previous
 * paragraph's mark deleted, a retyping as the new type with the old in `w:pPrChange` (and the
 * runs' old formatting in `w:rPrChange`), and proposed formatting as the new formatting with
 * the old in `w:rPrChange`: Word shows each with its author and time, and accepts or rejects it.
 */
function textblock(content: readonly ProseNode[] | undefined, context: Context, spec: TextblockSpec): Paragraph[] {
  const tracked = context.tracked;
  const leaves = inlineLeaves(content);
  const retype = tracked && spec.retypable ? retypeOf(leaves) : null;
  const retypeChange = retype && tracked ? changeOf(tracked, textSuggestion(retype.node.marks)!) : null;
  const firstStyle = retype ? styleOfProposal(retype.proposal) : spec.style;
  // A paragraph split off a block is body text (off a heading too, as the editor makes it on accepting).
  const laterStyle: BlockStyle = spec.retypable ? null : spec.style;
  let splitBy: { author: string; at: number } | null = null;
  const parts: Array<{ runs: Run[]; split: Change | null }> = [{ runs: [], split: null }];
  let join: Change | null = null;
  const current = () => parts[parts.length - 1]!;

  for (const node of leaves) {
    const style = parts.length === 1 ? firstStyle : laterStyle;
    const real = new Set((node.marks ?? []).map((mark) => mark.type));
    const suggestion = tracked ? textSuggestion(node.marks) : null;
    const proposals = tracked ? formatProposals(node.marks) : [];
    const now = runOptions(tracked ? proposedFormats(real, proposals) : real, spec.extra(style));
    const before = runOptions(real, spec.extra(spec.style));
    // Its author and time; each run written from it takes its own id (again).
    const change = suggestion && tracked ? changeOf(tracked, suggestion) : null;
    // The run's formatting before the proposals (a format's, or the retyping's), when it differs.
    // Proposed text has no formatting of its own before: only a format proposal on it is a change.
    const blockChange = suggestion?.kind === 'insert' ? null : retype ? textSuggestion(retype.node.marks) : parts.length > 1 ? splitBy : null;
    const by = proposals[0] ?? blockChange;
    const revised = tracked !== null && by !== null && !sameOptions(now, before);
    const push = (options: { text?: string; break?: number }) => {
      // Each run its own change, ids unique: a node of text may make several runs (around its breaks).
      const run = { ...now, ...options, ...(revised ? { revision: { ...before, ...changeOf(tracked, by) } } : {}) };
      if (!change || !suggestion) current().runs.push(new TextRun(run));
      else if (suggestion.kind === 'insert') current().runs.push(new InsertedTextRun({ ...run, ...again(tracked!, change) }));
      else current().runs.push(new DeletedTextRun({ ...run, ...again(tracked!, change) }));
    };
    if (node.type === 'hardBreak') {
      push({ break: 1 });
      continue;
    }
    const structure = suggestion?.structure;
    if (structure && change) {
      for (const _ of node.text ?? '') {
        if (structure.op === 'split') {
          current().split = changeOf(tracked!, suggestion);
          splitBy = suggestion;
          parts.push({ runs: [], split: null });
        } else if (structure.op === 'line') push({ break: 1 });
        else if (structure.op === 'join') join ??= changeOf(tracked!, suggestion);
        // A retyping is the block's own type (above).
      }
      continue;
    }
    // Text outside a marker: a stray separator reads as a line break, the invisible one as nothing.
    const lines = markerLines(node.text ?? '');
    lines.forEach((line, index) => {
      if (index > 0) push({ break: 1 });
      if (line !== '') push({ text: line });
    });
  }

  if (join && context.flow.last) context.flow.last.markDeleted(join);
  const out = parts.map((part, index) => {
    const style = index === 0 ? firstStyle : laterStyle;
    const prefix =
      spec.prefix === undefined
        ? []
        : index === 0
          ? [new TextRun({ text: spec.prefix, font: FONT })]
          : // An item split off a list item opens with its own marker, proposed with the split.
            [new InsertedTextRun({ text: spec.prefix, font: FONT, ...again(tracked!, parts[index - 1]!.split!) })];
    const paragraph = new TrackedParagraph({ ...spec.options(style), children: [...prefix, ...part.runs] });
    if (part.split) paragraph.markInserted(part.split);
    // The block's own mark ends its last paragraph: a change of type is recorded there.
    if (index === parts.length - 1 && style !== spec.style && tracked) {
      paragraph.changedFrom(spec.options(spec.style), retypeChange ?? again(tracked, parts[index - 1]!.split!));
    }
    return paragraph;
  });
  context.flow.last = out[out.length - 1] ?? null;
  return out;
}

function paragraph(node: ProseNode, context: Context): Paragraph[] {
  return textblock(node.content, context, { style: null, options: headingOptions(context.indent), extra: headingExtra, retypable: true });
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
        // The marker hangs in the indent, so wrapped lines align with the text. An item's first
        // paragraph cannot become a heading (the editor's list items open with a paragraph).
        const options = (): BlockOptions => ({ indent: { left: inner.indent, hanging: INDENT } });
        out.push(...textblock(child.content, context, { style: null, options, extra: () => ({}), retypable: false, prefix: marker }));
        first = false;
      } else out.push(...blocks([child], inner));
    }
  });
  return out;
}

/** A header cell's text, bold, one paragraph per paragraph of the cell. */
function headerParagraphs(cell: ProseNode, tracked: TrackedChanges | null): Paragraph[] {
  const context: Context = { width: 0, indent: 0, tracked, flow: { last: null } };
  return (cell.content ?? []).flatMap((child) => textblock(child.content, context, { style: null, options: () => ({}), extra: () => ({ bold: true }), retypable: false }));
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
      const inner = cell.header
        ? headerParagraphs(cell.node, context.tracked)
        : blocks(cell.node.content ?? [], { width: cellWidth - 160, indent: 0, tracked: context.tracked, flow: { last: null } });
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
      case 'heading':
        out.push(...textblock(node.content, context, { style: headingLevel(node), options: headingOptions(context.indent), extra: headingExtra, retypable: true }));
        break;
      case 'paragraph':
        out.push(...paragraph(node, context));
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
          ...textblock(node.content, context, {
            style: null,
            options: () => ({ indent: { left: context.indent + INDENT } }),
            extra: () => ({ font: 'Consolas' }),
            retypable: false,
          }),
        );
        break;
      case 'horizontalRule':
        out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] }));
        context.flow.last = null;
        break;
      case 'table': {
        const built = table(node, context);
        if (built) out.push(built, new Paragraph({}));
        context.flow.last = null;
        break;
      }
      default: {
        const content = node.content ?? [];
        if (content.some(isInlineNode)) out.push(...paragraph(node, context));
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
  return blocks(doc.type === 'doc' ? (doc.content ?? []) : [doc], { width, indent: 0, tracked, flow: { last: null } });
}
