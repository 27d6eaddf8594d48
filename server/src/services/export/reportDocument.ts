import { type AnnualReport, type ReportChart, type ReportKpi, type ReportSection, chartShare, formatNumber, reportChartSvg } from '@sakutei/shared/measures';
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { contentWidth, docxTable, meta, note, packDocument, run, title, type SectionSpec } from './docxKit';
import { escapeHtml, htmlPage, htmlTable, type HtmlSection } from './htmlKit';
import { reportKpiDocTable, reportProjectDocTable, rollupDocTable } from './reportTables';

/**
 * The annual progress report (進捗状況報告) as a Word file and as a page to print, both A4
 * portrait: a summary with the plan-wide 総括 and roll-up, then each top-level measure on
 * pages of its own with, level by level, its roll-up, its 評価・課題, its KPIs (figures,
 * grade and a small chart) and its projects' 実施状況. Everything comes from one model
 * (`buildAnnualReport`), read from the live draft or from a frozen revision.
 */

export type ReportDocumentMeta = {
  planTitle: string;
  /** What the report was read from: 「現在の案（…時点）」 or the revision's line. */
  source: string;
};

const reportTitle = (report: AnnualReport) => `進捗状況報告（${report.yearLabel}）`;
const EMPTY_EVALUATION = '（未記入）';

function chartDescription(kpi: ReportKpi): string {
  const bars = kpi.chart.bars.map((bar) => `${bar.kind === 'baseline' ? '基準' : bar.kind === 'target' ? '目標' : ''}${bar.label} ${bar.value === null ? '—' : formatNumber(bar.value)}`);
  return `${kpi.mark} ${kpi.name}の推移：${bars.join('、')}${kpi.chart.target !== null ? `（目標 ${formatNumber(kpi.chart.target)}）` : ''}`;
}

// ------------------------------------------------------------------ print page

const REPORT_CSS = `
.report-part{break-before:page}
.report-evaluation{border:1px solid #666;padding:.5em .8em;margin:.6em 0 1em;white-space:pre-wrap;min-height:3em}
.report-evaluation--empty{color:#666}
.report-charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:.4em 1em;margin:.4em 0 1em}
.report-charts figure{margin:0;break-inside:avoid}.report-charts figcaption{font-size:9pt}
.report-legend{font-size:8.5pt;color:#444}
.report-grade{display:inline-block;min-width:1.6em;text-align:center;font-weight:bold;border-radius:3px;padding:0 .2em}
h3,h4{break-after:avoid}`;

function evaluationHtml(text: string, headingTag: string): string {
  const body = text === '' ? `<div class="report-evaluation report-evaluation--empty">${EMPTY_EVALUATION}</div>` : `<div class="report-evaluation">${escapeHtml(text)}</div>`;
  return `<${headingTag}>評価・課題</${headingTag}>${body}`;
}

function chartsHtml(kpis: readonly ReportKpi[]): string {
  if (kpis.length === 0) return '';
  const figures = kpis.map((kpi) => `<figure>${reportChartSvg(kpi.chart, chartDescription(kpi))}<figcaption>${escapeHtml(`${kpi.mark} ${kpi.name}`)}</figcaption></figure>`);
  return `<div class="report-charts">${figures.join('')}</div><p class="report-legend">棒：灰＝基準値、青＝実績値（濃い青が当年度）、赤の破線＝目標値</p>`;
}

function sectionHtml(section: ReportSection, yearLabel: string): string {
  const level = Math.min(section.depth + 2, 6);
  const sub = `h${Math.min(level + 1, 6)}`;
  const heading = `<h${level}>${escapeHtml([section.number, section.title].filter(Boolean).join(' '))}${section.levelName ? `<span class="muted">（${escapeHtml(section.levelName)}）</span>` : ''}</h${level}>`;
  const parts = [heading];
  if (section.description) parts.push(`<p>${escapeHtml(section.description).replace(/\n/g, '<br>')}</p>`);
  parts.push(htmlTable(rollupDocTable(section.rollup), undefined, false));
  if (section.rowId !== '') parts.push(evaluationHtml(section.evaluation, sub));
  const kpis = [...section.kpis, ...section.projects.flatMap((project) => project.kpis)];
  if (kpis.length > 0) parts.push(`<${sub}>成果指標</${sub}>`, htmlTable(reportKpiDocTable(kpis, yearLabel), undefined, false), chartsHtml(kpis));
  if (section.projects.length > 0) parts.push(`<${sub}>事業の実施状況</${sub}>`, htmlTable(reportProjectDocTable(section.projects), undefined, false));
  for (const child of section.children) parts.push(sectionHtml(child, yearLabel));
  return parts.join('');
}

export function reportHtml(report: AnnualReport, meta: ReportDocumentMeta): string {
  const sections: HtmlSection[] = [
    {
      landscape: false,
      html:
        `<style>${REPORT_CSS}</style><h1>${escapeHtml(meta.planTitle)}<br>${escapeHtml(reportTitle(report))}</h1><p class="meta">${escapeHtml(meta.source)}</p>` +
        `<h2>総括</h2>${htmlTable(rollupDocTable(report.rollup), undefined, false)}${evaluationHtml(report.planEvaluation, 'h3')}`,
    },
    ...report.sections.map((section) => ({ landscape: false, html: `<div class="report-part">${sectionHtml(section, report.yearLabel)}</div>` })),
  ];
  return htmlPage({ planTitle: meta.planTitle, docTitle: reportTitle(report), landscape: false, sections });
}

// ------------------------------------------------------------------ Word


function heading(text: string, depth: number, pageBreak: boolean): Paragraph {
  const size = [28, 24, 22, 21][Math.min(depth, 3)];
  return new Paragraph({ pageBreakBefore: pageBreak, keepNext: true, spacing: { before: 240, after: 120 }, children: [run(text, { bold: true, size })] });
}

function evaluationDocx(text: string, depth: number): Array<Paragraph | Table> {
  const width = contentWidth(false);
  const lines = (text === '' ? EMPTY_EVALUATION : text).split('\n');
  const box = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { top: 80, bottom: 80, left: 120, right: 120 },
            children: lines.map((line) => new Paragraph({ children: [run(line, text === '' ? { color: '666666' } : {})] })),
          }),
        ],
      }),
    ],
  });
  return [heading('評価・課題', depth + 1, false), box];
}

const BAR_STEPS = 20;
const BAR_COLOURS = { baseline: '9AA4B2', actual: '7AA0E6', current: '1D4ED8', target: 'F2B8B5' } as const;

/**
 * The chart as a compact table of bars: a row per figure (基準, each year, 目標), its value,
 * and a bar of shaded cells out of twenty. Word and LibreOffice draw shaded cells alike,
 * where an embedded SVG would need a raster fallback.
 */
function chartDocx(kpi: ReportKpi): Array<Paragraph | Table> {
  const chart: ReportChart = kpi.chart;
  const labelWidth = 1100;
  const valueWidth = 1500;
  const step = 260;
  const cell = (width: number, children: Paragraph[], fill?: string, span?: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(span && span > 1 ? { columnSpan: span } : {}),
      margins: { top: 10, bottom: 10, left: 40, right: 40 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      borders: TableBorders.NONE,
      children,
    });
  const small = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
    new Paragraph({ alignment: align, children: [run(text, { size: 16 })] });
  const rows = chart.bars.map((bar) => {
    const name = bar.kind === 'baseline' ? `基準 ${bar.label}` : bar.kind === 'target' ? `目標 ${bar.label}` : bar.label;
    const cells = [cell(labelWidth, [small(name)]), cell(valueWidth, [small(bar.value === null ? '—' : formatNumber(bar.value), AlignmentType.RIGHT)])];
    const filled = bar.value === null ? 0 : Math.max(1, Math.round(chartShare(chart, bar.value) * BAR_STEPS));
    const fill = bar.kind === 'actual' ? (bar.current ? BAR_COLOURS.current : BAR_COLOURS.actual) : BAR_COLOURS[bar.kind];
    if (filled > 0) cells.push(cell(step * filled, [small('')], fill, filled));
    if (filled < BAR_STEPS) cells.push(cell(step * (BAR_STEPS - filled), [small('')], undefined, BAR_STEPS - filled));
    return new TableRow({ cantSplit: true, children: cells });
  });
  const widths = [labelWidth, valueWidth, ...Array.from({ length: BAR_STEPS }, () => step)];
  return [
    new Paragraph({ keepNext: true, spacing: { before: 120, after: 40 }, children: [run(`${kpi.mark} ${kpi.name}の推移`, { size: 18, bold: true })] }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: { ...TableBorders.NONE, bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999' } },
      rows,
    }),
  ];
}

function sectionDocx(section: ReportSection, yearLabel: string, out: Array<Paragraph | Table>): void {
  const width = contentWidth(false);
  const name = [section.number, section.title].filter(Boolean).join(' ') + (section.levelName ? `（${section.levelName}）` : '');
  out.push(heading(name, section.depth, section.depth === 0));
  if (section.description) out.push(...section.description.split('\n').map((line) => new Paragraph({ children: [run(line)] })));
  out.push(docxTable(rollupDocTable(section.rollup), width));
  if (section.rowId !== '') out.push(...evaluationDocx(section.evaluation, section.depth));
  const kpis = [...section.kpis, ...section.projects.flatMap((project) => project.kpis)];
  if (kpis.length > 0) {
    out.push(heading('成果指標', section.depth + 1, false), docxTable(reportKpiDocTable(kpis, yearLabel), width));
    for (const kpi of kpis) out.push(...chartDocx(kpi));
    out.push(note('棒：灰＝基準値、青＝実績値（濃い青が当年度）、赤＝目標値'));
  }
  if (section.projects.length > 0) out.push(heading('事業の実施状況', section.depth + 1, false), docxTable(reportProjectDocTable(section.projects), width));
  for (const child of section.children) sectionDocx(child, yearLabel, out);
}

export function reportDocx(report: AnnualReport, meta_: ReportDocumentMeta): Promise<Buffer> {
  const width = contentWidth(false);
  const children: Array<Paragraph | Table> = [
    title(meta_.planTitle),
    title(reportTitle(report)),
    meta(meta_.source),
    heading('総括', 0, false),
    docxTable(rollupDocTable(report.rollup), width),
    ...evaluationDocx(report.planEvaluation, 0),
  ];
  for (const section of report.sections) sectionDocx(section, report.yearLabel, children);
  const sections: SectionSpec[] = [{ landscape: false, children }];
  return packDocument(meta_.planTitle, reportTitle(report), sections);
}
