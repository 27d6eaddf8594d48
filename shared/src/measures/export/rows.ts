import { formatFiscalYear, parseFiscalYear } from '../fiscalYear';
import type { MeasureSettings } from '../model';
import { PROJECT_STATUS_LABELS } from '../model';
import { fromCircled } from '../numbering';
import type { DerivedKpi, DerivedTable } from '../tree';
import { formatContacts } from '../text/contacts';
import { actualText, baselineText, targetText } from '../text/kpiText';

/**
 * The measure table and the KPI list as rows of cells, for `toDelimited` (clipboard, CSV)
 * or a spreadsheet writer. Both are laid out as the programmes print them and read back
 * through `importHierarchy` / `importKpiList` unchanged.
 */

export const MEASURE_TABLE_HEADER = ['番号', '名称', '区分', '状況', '内容', '担当・連絡先', '成果指標'] as const;

/** The 成果指標一覧: two header rows (実績値 over its years), then one row per KPI in plan order. */
export function kpiListRows(derived: DerivedTable, settings: MeasureSettings): string[][] {
  const years = settings.actualYears;
  const withSource = derived.kpis.some((entry) => entry.kpi.source !== '');
  const headed = (word: string, year: number | null) => (year === null ? word : `${word} ${formatFiscalYear(year)}`);

  const first = ['No', '成果指標 (旧指標名)', headed('基準値', settings.baselineYear), headed('目標値', settings.targetYear)];
  const second = ['', '', '', ''];
  years.forEach((year, i) => {
    first.push(i === 0 ? '実績値' : '');
    second.push(yearHeader(year));
  });
  if (withSource) {
    first.push('出典');
    second.push('');
  }

  const rows = derived.kpis.map(({ kpi, mark }) => {
    const row = [
      mark,
      [kpi.name, ...kpi.formerNames.map((former) => `(${former})`)].join('\n'),
      baselineText(kpi, settings.baselineYear),
      targetText(kpi, settings.targetYear),
      // As the screen and the programme print a year's actual: `4,232 件`, not `4,232 件/年`.
      ...years.map((year) => actualText(kpi, year)),
    ];
    if (withSource) row.push(kpi.source);
    return row;
  });
  return years.length > 0 ? [first, second, ...rows] : [first, ...rows];
}

/**
 * The 成果指標一覧's figure columns (基準値, 目標値 and each year's 実績値), 0-based: a CSV
 * writes a plain number in them as a number rather than neutralising it as text.
 */
export function kpiListFigureColumns(settings: MeasureSettings): number[] {
  return [2, 3, ...settings.actualYears.map((_, i) => 4 + i)];
}

/** `4年度` as the programme prints it, unless the era would be ambiguous on reading back. */
function yearHeader(year: number): string {
  const short = formatFiscalYear(year, 'eraYearOnly');
  return parseFiscalYear(short, { defaultEra: '令和' }) === year ? short : formatFiscalYear(year);
}

/** The measure table in the `番号 | 名称 | 区分 | 状況 | 内容 | 担当・連絡先 | 成果指標` format. */
export function measureTableRows(derived: DerivedTable): string[][] {
  const rows = derived.rows.map((row) => {
    const { node } = row;
    const placement = node.kind === 'placement';
    const name = placement && row.reprintOf !== null ? `${row.title} (再掲)` : row.title;
    const kpis = row.kpiIds.flatMap((id) => {
      const entry = derived.kpiById.get(id);
      return entry ? [entry] : [];
    });
    return [
      row.number,
      name,
      placement ? '事業' : '施策',
      node.status === null ? '' : PROJECT_STATUS_LABELS[node.status],
      node.description,
      formatContacts(row.project?.contacts ?? []),
      kpiMarks(kpis),
    ];
  });
  return [[...MEASURE_TABLE_HEADER], ...rows];
}

/** `⑰⑱` as printed; numbers with commas once there are more KPIs than circled digits. */
function kpiMarks(kpis: readonly DerivedKpi[]): string {
  const circled = kpis.every((entry) => [...entry.mark].length === 1 && fromCircled(entry.mark) !== null);
  return circled ? kpis.map((entry) => entry.mark).join('') : kpis.map((entry) => String(entry.number)).join(',');
}
