import {
  type CompareResponse,
  type DiffSegment,
  type MeasureDiff,
  type PlanSnapshot,
  type ProseDiffRow,
  type Revision,
  REVIEW_STATUS_LABELS,
  flattenProse,
} from '@sakutei/shared';
import { deriveTable, kpiListRows } from '@sakutei/shared/measures';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { z } from 'zod';

/**
 * Printable and Word renderings of a frozen revision and of a 新旧対照表. Everything is
 * generated from the stored snapshot, so what is printed is exactly what was approved.
 */

type Comparison = z.infer<typeof CompareResponse>;
type Block = ReturnType<typeof flattenProse>[number];

const FONT = 'Yu Mincho';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function revisionMeta(revision: Revision): string {
  const review = REVIEW_STATUS_LABELS[revision.review.status];
  return `第${revision.number}版「${revision.name}」（${revision.stage}） ${review} ／ SHA-256 ${revision.hash}`;
}

// ------------------------------------------------------------------ HTML

const PRINT_CSS = `
body{font-family:"Yu Mincho","Hiragino Mincho ProN","Noto Serif JP",serif;margin:2em;line-height:1.7;color:#111}
h1{font-size:1.5em}table{border-collapse:collapse;width:100%;margin:1em 0}
th,td{border:1px solid #666;padding:.3em .5em;vertical-align:top;text-align:left}th{background:#eee}
.meta{color:#444;font-size:.9em;word-break:break-all}del{color:#b42318;text-decoration:line-through}
ins{background:#fff3b0;text-decoration:underline}.same{color:#555}@media print{body{margin:0}}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

function blockHtml(block: Block): string {
  const text = escapeHtml(block.text);
  if (block.blockType === 'heading') return `<h${Math.min(6, (block.level ?? 1) + 1)}>${text}</h${Math.min(6, (block.level ?? 1) + 1)}>`;
  if (block.blockType === 'listItem') return `<p>・${text}</p>`;
  return `<p>${text}</p>`;
}

function kpiTableHtml(snapshot: PlanSnapshot): string {
  const rows = kpiListRows(deriveTable(snapshot.measures), snapshot.measures.settings);
  if (rows.length <= 2) return '';
  const cell = (tag: string, text: string) => `<${tag}>${escapeHtml(text).replace(/\n/g, '<br>')}</${tag}>`;
  const [head1 = [], head2 = [], ...body] = rows;
  return `<h2>成果指標一覧</h2><table><thead><tr>${head1.map((c) => cell('th', c)).join('')}</tr><tr>${head2.map((c) => cell('th', c)).join('')}</tr></thead><tbody>${body
    .map((row) => `<tr>${row.map((c) => cell('td', c)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function revisionHtml(planTitle: string, revision: Revision, snapshot: PlanSnapshot): string {
  const blocks = flattenProse(snapshot.prose).map(blockHtml).join('');
  return page(
    `${planTitle} 第${revision.number}版`,
    `<h1>${escapeHtml(planTitle)}</h1><p class="meta">${escapeHtml(revisionMeta(revision))}</p>${blocks}${kpiTableHtml(snapshot)}`,
  );
}

function segmentsHtml(segments: readonly DiffSegment[]): string {
  return segments
    .map((s) => (s.kind === 'insert' ? `<ins>${escapeHtml(s.text)}</ins>` : s.kind === 'delete' ? `<del>${escapeHtml(s.text)}</del>` : escapeHtml(s.text)))
    .join('');
}

function measureChangeRows(diff: MeasureDiff): string[][] {
  const rows: string[][] = [];
  for (const row of diff.rows) {
    if (row.kind === 'same' && !row.renumbered && !row.moved) continue;
    const place = `${row.new?.path ?? row.old?.path ?? ''} ${row.new?.title ?? row.old?.title ?? ''}`.trim();
    if (row.kind === 'added') rows.push(['追加', place, '', '', row.new?.title ?? '']);
    else if (row.kind === 'removed') rows.push(['削除', place, '', row.old?.title ?? '', '']);
    if (row.renumbered) rows.push(['番号変更', place, '番号', row.old?.path ?? '', row.new?.path ?? '']);
    for (const change of row.changes) rows.push(['変更', place, change.field, change.old, change.new]);
  }
  for (const kpi of diff.kpis) {
    const place = `成果指標${kpi.new?.mark ?? kpi.old?.mark ?? ''} ${kpi.new?.name ?? kpi.old?.name ?? ''}`;
    if (kpi.kind === 'added') rows.push(['追加', place, '', '', kpi.new?.name ?? '']);
    else if (kpi.kind === 'removed') rows.push(['削除', place, '', kpi.old?.name ?? '', '']);
    if (kpi.renumbered) rows.push(['番号変更', place, '番号', kpi.old?.mark ?? '', kpi.new?.mark ?? '']);
    for (const change of kpi.changes) {
      rows.push(['変更', place, change.fiscalYear ? `${change.field} (${change.fiscalYear})` : change.field, change.old, change.new]);
    }
  }
  return rows;
}

export function compareHtml(planTitle: string, comparison: Comparison): string {
  const prose = (comparison.prose as ProseDiffRow[])
    .filter((row) => row.kind !== 'same')
    .map((row) => `<tr><td>${row.old ? segmentsHtml(row.old.segments) : ''}</td><td>${row.new ? segmentsHtml(row.new.segments) : ''}</td></tr>`)
    .join('');
  const measures = measureChangeRows(comparison.measures as MeasureDiff)
    .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  return page(
    `${planTitle} 新旧対照表`,
    `<h1>${escapeHtml(planTitle)} 新旧対照表</h1><p class="meta">現行：${escapeHtml(comparison.from.label)} ／ 改定案：${escapeHtml(comparison.to.label)}</p>
<h2>本文</h2><table><thead><tr><th>現行</th><th>改定案</th></tr></thead><tbody>${prose || '<tr><td colspan="2">変更はありません。</td></tr>'}</tbody></table>
<h2>施策・事業・成果指標</h2><table><thead><tr><th>区分</th><th>箇所</th><th>項目</th><th>現行</th><th>改定案</th></tr></thead><tbody>${measures || '<tr><td colspan="5">変更はありません。</td></tr>'}</tbody></table>`,
  );
}

// ------------------------------------------------------------------ DOCX

function textCell(text: string, bold = false): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, font: FONT })] })),
  });
}

function table(rows: string[][], headerRows: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((row, index) => new TableRow({ tableHeader: index < headerRows, children: row.map((c) => textCell(c, index < headerRows)) })),
  });
}

function blockParagraph(block: Block): Paragraph {
  if (block.blockType === 'heading') {
    return new Paragraph({ heading: HEADINGS[Math.min(3, (block.level ?? 1) - 1)], children: [new TextRun({ text: block.text, font: FONT })] });
  }
  return new Paragraph({ children: [new TextRun({ text: block.blockType === 'listItem' ? `・${block.text}` : block.text, font: FONT })] });
}

function pack(children: Array<Paragraph | Table>): Promise<Buffer> {
  return Packer.toBuffer(new Document({ creator: 'Sakutei', sections: [{ children }] }));
}

export function revisionDocx(planTitle: string, revision: Revision, snapshot: PlanSnapshot): Promise<Buffer> {
  const kpiRows = kpiListRows(deriveTable(snapshot.measures), snapshot.measures.settings);
  return pack([
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: planTitle, font: FONT })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: revisionMeta(revision), size: 16, font: FONT })] }),
    ...flattenProse(snapshot.prose).map(blockParagraph),
    ...(kpiRows.length > 2
      ? [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '成果指標一覧', font: FONT })] }), table(kpiRows, 2)]
      : []),
  ]);
}

function segmentRuns(segments: readonly DiffSegment[]): TextRun[] {
  return segments.map(
    (s) =>
      new TextRun({
        text: s.text,
        font: FONT,
        ...(s.kind === 'delete' ? { strike: true, color: 'B42318' } : {}),
        ...(s.kind === 'insert' ? { underline: {}, highlight: 'yellow' } : {}),
      }),
  );
}

export function compareDocx(planTitle: string, comparison: Comparison): Promise<Buffer> {
  const changed = (comparison.prose as ProseDiffRow[]).filter((row) => row.kind !== 'same');
  const proseTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [textCell('現行', true), textCell('改定案', true)] }),
      ...changed.map(
        (row) =>
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph({ children: row.old ? segmentRuns(row.old.segments) : [] })] }),
              new TableCell({ children: [new Paragraph({ children: row.new ? segmentRuns(row.new.segments) : [] })] }),
            ],
          }),
      ),
    ],
  });
  const measureRows = measureChangeRows(comparison.measures as MeasureDiff);
  return pack([
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: `${planTitle} 新旧対照表`, font: FONT })] }),
    new Paragraph({ children: [new TextRun({ text: `現行：${comparison.from.label} ／ 改定案：${comparison.to.label}`, font: FONT })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '本文', font: FONT })] }),
    proseTable,
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: '施策・事業・成果指標', font: FONT })] }),
    table([['区分', '箇所', '項目', '現行', '改定案'], ...measureRows], 1),
  ]);
}

