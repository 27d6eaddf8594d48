import { type DiffSegment, hasXmlForbiddenUtf8, markerFree, xmlSafeText } from '@sakutei/shared';
import {
  AlignmentType,
  Document,
  Header,
  type ISectionOptions,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  ShadingType,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { openZip } from '../xlsx/zipArchive';
import { type BodyCell, type DocTable, cellSpan, cellText, fitWidths } from './docTable';
import { formatNote, structureLabel } from './suggestionLabels';
import { type SuggestionAuthors, colourOf } from './suggestionPalette';

/**
 * The Word side of the exports: A4 sections (portrait, or landscape for wide tables), a page
 * header with the plan's name and the page number, and tables with fixed column widths
 * (`w:tblGrid`) so no column collapses to a character's width in Word or LibreOffice.
 */

export const FONT = 'Yu Mincho';
const A4 = { width: 11906, height: 16838 };
/** 20 mm, in twentieths of a point. */
const MARGIN = 1134;

export function contentWidth(landscape: boolean): number {
  return (landscape ? A4.height : A4.width) - 2 * MARGIN;
}

/** A run of text in the documents' font. */
export const run = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}) => new TextRun({ text, font: FONT, ...options });

/** Plan name on the left, 「n / N ページ」 on the right, on every page of the section. */
function pageHeader(planTitle: string, docTitle: string, landscape: boolean): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth(landscape) }],
        border: { bottom: { style: 'single', size: 4, color: '999999', space: 2 } },
        children: [
          run(`${planTitle}　${docTitle}`, { size: 16 }),
          new TextRun({ font: FONT, size: 16, children: ['\t', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' ページ'] }),
        ],
      }),
    ],
  });
}

export type SectionSpec = { landscape: boolean; children: Array<Paragraph | Table> };

/** A document of A4 sections, each with the page header. */
export function packDocument(planTitle: string, docTitle: string, sections: readonly SectionSpec[]): Promise<Buffer> {
  const built: ISectionOptions[] = sections.map((section) => ({
    properties: {
      page: {
        size: { ...A4, orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567 },
      },
    },
    headers: { default: pageHeader(planTitle, docTitle, section.landscape) },
    children: section.children,
  }));
  return Packer.toBuffer(
    new Document({
      creator: 'Sakutei',
      title: `${planTitle} ${docTitle}`,
      styles: { default: { document: { run: { font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, size: 20 } } } },
      sections: built,
    }),
  ).then(xmlSafePackage);
}

/**
 * The package with every XML part made fit for XML 1.0 (`xmlSafeText`). The docx library
 * escapes markup but writes controls, noncharacters and unpaired surrogates as they come, and
 * one of them anywhere (a revision name, a pasted paragraph, a comment) makes Word refuse the
 * whole file. Text reaches the parts by many roads (runs, table cells, the page header, the
 * document's title), so the one place that sees all of it is the finished package. It is
 * checked byte by byte after a native inflate (tens of milliseconds for a long plan); only a
 * package with a bad part, which for ordinary plans is never, is rewritten.
 */
async function xmlSafePackage(bytes: Buffer): Promise<Buffer> {
  // Our own output: the limits only guard against a bug, not an attacker.
  const zip = openZip(bytes, { maxEntries: 10_000, maxInflatedBytes: 2 ** 30 });
  const dirty = zip.names.filter((name) => /\.(xml|rels)$/.test(name) && hasXmlForbiddenUtf8(zip.read(name)));
  if (dirty.length === 0) return bytes;
  const rewritten = await JSZip.loadAsync(bytes);
  for (const name of dirty) rewritten.file(name, xmlSafeText(await rewritten.file(name)!.async('string')));
  return rewritten.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: DOCX_MIME });
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Marked text: deletions struck through in red, insertions bold and underlined; a pending
 * suggestion shown in a 新旧対照表 (`segment.suggestion`) is doubled instead (double underline
 * for proposed text, double strike for text proposed for removal) in its author's colour, so
 * it reads apart from the comparison's own marks. A proposed block change shows as its label
 * (¶ and ↵ followed by the break, ↰ 前の段落と結合, → 見出し2), proposed formatting as a dotted
 * underline in the proposer's colour with a small note of what is proposed.
 */
export function segmentRuns(segments: readonly DiffSegment[], authors: SuggestionAuthors = []): TextRun[] {
  return segments.flatMap((segment) => {
    const suggestion = segment.suggestion;
    const diff = suggestion?.kind === 'insert' ? null : segment.kind;
    const format = segment.formats?.[0];
    const marks = {
      ...(diff === 'delete' ? { strike: true, color: 'B42318' } : {}),
      ...(diff === 'insert' ? { underline: {}, bold: true } : {}),
      ...(format ? { color: colourOf(authors, format.author), underline: { type: UnderlineType.DOTTED } } : {}),
      ...(suggestion ? { color: colourOf(authors, suggestion.author) } : {}),
      ...(suggestion?.kind === 'insert' ? { underline: { type: UnderlineType.DOUBLE } } : {}),
      ...(suggestion?.kind === 'delete' ? { doubleStrike: true } : {}),
    };
    const structure = suggestion?.structure;
    if (structure) {
      const breaks = structure.op === 'split' || structure.op === 'line';
      return [...segment.text].flatMap(() => [
        new TextRun({ text: structureLabel(structure), font: FONT, ...marks }),
        ...(breaks ? [new TextRun({ break: 1, font: FONT })] : []),
      ]);
    }
    const runs = markerFree(segment.text)
      .split('\n')
      .map((line, index) => new TextRun({ text: line, font: FONT, ...(index > 0 ? { break: 1 } : {}), ...marks }));
    if (format) runs.push(new TextRun({ text: formatNote(segment.formats!), font: FONT, superScript: true, color: colourOf(authors, format.author) }));
    return runs;
  });
}

function cellParagraphs(cell: BodyCell | { text: string }, head: boolean, authors: SuggestionAuthors): Paragraph[] {
  if (typeof cell !== 'string' && 'segments' in cell && cell.segments) return [new Paragraph({ children: segmentRuns(cell.segments, authors) })];
  const muted = typeof cell !== 'string' && 'muted' in cell && cell.muted;
  const bold = head || (typeof cell !== 'string' && 'header' in cell && cell.header === true);
  return cellText(cell as BodyCell)
    .split('\n')
    .map(
      (line) =>
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, { bold, ...(muted ? { color: '555555' } : {}) })],
        }),
    );
}

/** A table across `width` twips, columns sized to their content, header rows repeated on each page. */
export function docxTable(table: DocTable, width: number, authors: SuggestionAuthors = []): Table {
  // 10 pt text: a half-width character is 100 twips, plus the cell's 160 twips of margin.
  const widths = fitWidths(table, width, 100);
  const build = (rows: ReadonlyArray<ReadonlyArray<BodyCell>>, head: boolean) => {
    // Every cell says its own width, summed over its span, as Word expects with a fixed layout.
    const taken: boolean[][] = [];
    return rows.map((row, r) => {
      let column = 0;
      const cells = row.map((cell) => {
        while (taken[r]?.[column]) column++;
        const { colSpan, rowSpan } = cellSpan(cell);
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) (taken[r + dr] ??= [])[column + dc] = true;
        const cellWidth = widths.slice(column, column + colSpan).reduce((a, b) => a + b, 0);
        column += colSpan;
        return new TableCell({
          width: { size: cellWidth, type: WidthType.DXA },
          columnSpan: colSpan > 1 ? colSpan : undefined,
          rowSpan: rowSpan > 1 ? rowSpan : undefined,
          verticalAlign: head ? VerticalAlign.CENTER : VerticalAlign.TOP,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}),
          children: cellParagraphs(cell, head, authors),
        });
      });
      return new TableRow({ tableHeader: head, cantSplit: false, children: cells });
    });
  };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: [...build(table.head as BodyCell[][], true), ...build(table.body, false)],
  });
}

export const title = (text: string) => new Paragraph({ spacing: { after: 120 }, children: [run(text, { bold: true, size: 32 })] });
export const meta = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [run(text, { size: 18, color: '444444' })] });
export const sectionHeading = (text: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(text, { bold: true, size: 26 })] });
export const note = (text: string) => new Paragraph({ spacing: { after: 80 }, children: [run(text, { size: 18, color: '444444' })] });
